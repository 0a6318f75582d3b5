"""`python -m tools.bench [--posts N] [--quick] [--write-docs]`: see tools/bench/run.py."""

import sys

from .run import main

sys.exit(main())
