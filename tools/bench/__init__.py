"""The benchmark behind `invoke bench` (see docs/benchmarks.md).

- `corpus`: deterministic synthetic Thai press releases (Pelican and Hugo forms);
- `photos`: deterministic phone-like 12 MP JPEGs, cached;
- `sites`: settings and layouts of vanilla Pelican, Hugo and pelican-photos;
- `measure`: whole-process wall time, CPU time and peak memory;
- `worker`: the subprocesses that run our build, segmentation and gallery;
- `run`: the orchestration; `report`: the table and docs/benchmarks.md.
"""
