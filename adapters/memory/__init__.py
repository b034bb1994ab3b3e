"""In-process adapters for every port: what tests and embedders use, with the same behaviour as the
real ones (held to it by the contract suites)."""
