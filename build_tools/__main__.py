"""`python -m build_tools …`: see cli.py."""

import sys

from build_tools.cli import main

sys.exit(main())
