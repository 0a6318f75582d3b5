"""Project tooling called from tasks.py: building, assets, authoring and benchmarks."""
