"""`python -m mtcheck`: the same command line as the `mtcheck` script."""

from mtcheck.cli import main

main()
