"""`python -m runners` is the `tarot` command."""

from runners.cli import main

main()
