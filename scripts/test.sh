#!/usr/bin/env bash
# The project's checks, in the order a failure is cheapest to read: lint, types, layer contracts, tests.
# Uses .venv (made by the README's first command, or by .ci/run); extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
if [ ! -x "$py" ]; then
  echo "scripts/test.sh: no .venv here; run the README's install command first" >&2
  exit 2
fi
echo "== ruff"
"$py" -m ruff check .
echo "== mypy --strict (every package)"
"$py" -m mypy --strict tarot tarot_domain tarot_ports adapters runners
echo "== import contracts"
.venv/bin/lint-imports
echo "== pytest"
exec "$py" -m pytest "$@"
