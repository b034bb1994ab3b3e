"""Entry points: the `tarot` CLI and the processes it starts, wired with dependency-injector."""
