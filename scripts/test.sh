#!/usr/bin/env bash
# Set up (scripts/setup.sh) and run the whole test suite, then lint. PostgreSQL tests run when
# CLAIMLEDGER_TEST_PG names a server (.ci/run starts one); with CLAIMLEDGER_REQUIRE_PG=1 a
# missing server fails the run instead of skipping those tests.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
.venv/bin/python -m pytest -n "${PYTEST_WORKERS:-2}" -q "$@"
tests=$?
.venv/bin/ruff check src tests benchmarks
lint=$?
.venv/bin/ruff format --check --quiet src tests benchmarks
format=$?
[ "$tests" -eq 0 ] && [ "$lint" -eq 0 ] && [ "$format" -eq 0 ]
