#!/usr/bin/env bash
# make test: the embedded services (unless DATABASE_URL/REDIS_URL are set), then pytest.
# The whole suite runs in parallel (pytest-xdist), one worker per core, each with a database of its own
# (test_frivillig_gw0, …), its own memory cache, outbox and browser. A run of chosen tests (a path or a node id
# among the arguments) runs in one process unless it says -n; TEST_WORKERS=<n> sets the number either way.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=frivillig.settings.test
export DJANGO_ALLOW_ASYNC_UNSAFE=true
scripts/devservices.sh start
.venv/bin/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0
workers="${TEST_WORKERS:-}"
if [ -z "$workers" ]; then
  workers=auto
  for arg in "$@"; do
    case "$arg" in tests*|*.py|*::*) workers=0 ;; esac
  done
fi
exec .venv/bin/pytest -n "$workers" "$@"
