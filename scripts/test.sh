#!/usr/bin/env bash
# make test: the embedded services (unless DATABASE_URL/REDIS_URL are set), then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=frivillig.settings.test
export DJANGO_ALLOW_ASYNC_UNSAFE=true
scripts/devservices.sh start
.venv/bin/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0
exec .venv/bin/pytest "$@"
