"""``python -m claimtrack``: the command line."""

from claimtrack.cli import main

raise SystemExit(main())
