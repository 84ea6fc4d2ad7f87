"""`python -m hooks ...`: the editors' command line (see hooks/archive/cli.py)."""

from .archive.cli import main

raise SystemExit(main())
