"""One module per language, each defining `MESSAGES: Mapping[str, str]`."""
