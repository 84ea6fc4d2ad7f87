"""`python -m hooks ...`: the editors' command line (see hooks/cli.py)."""

from .cli import main

raise SystemExit(main())
