"""`python -m build_tools …`: see cli.py."""

import signal
import sys

from build_tools.cli import main

# A stop from CI or the system (SIGTERM) unwinds like Ctrl-C: a build in progress removes its
# staging folder and ends its builder, and the last good output stays as it was.
signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
sys.exit(main())
