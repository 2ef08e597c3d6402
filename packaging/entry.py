"""Entry point of the frozen bundle: the same command line as the `storyclip` script."""

import sys

from storyclip_gui.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
