#!/usr/bin/env bash
# make run: services (embedded unless DATABASE_URL/REDIS_URL are set), migrate, reference and demo
# data, then the web server with a Celery worker and Celery beat. Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-frivillig.settings.dev}"
PY=.venv/bin/python
PIDS=()
STARTED_SERVICES=0

cleanup() {
  trap - INT TERM EXIT
  echo
  echo "Stopping…"
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ "$STARTED_SERVICES" = "1" ]; then scripts/devservices.sh stop; fi
}
trap cleanup INT TERM EXIT

status=$(scripts/devservices.sh status)
if [ -z "${DATABASE_URL:-}" ] && ! grep -q "PostgreSQL running" <<<"$status"; then STARTED_SERVICES=1; fi
if [ -z "${REDIS_URL:-}" ] && ! grep -q "Redis running" <<<"$status"; then STARTED_SERVICES=1; fi
scripts/devservices.sh start

$PY manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0
$PY manage.py migrate --no-input -v 0
$PY manage.py load_portal_data --demo

mkdir -p .devdata/celery
.venv/bin/celery -A frivillig worker --loglevel=WARNING --concurrency=2 &
PIDS+=($!)
.venv/bin/celery -A frivillig beat --loglevel=WARNING --schedule=.devdata/celery/beat-schedule &
PIDS+=($!)

echo
echo "Frivillig Rudersdal: http://127.0.0.1:8000  (Ctrl-C stops the server, worker, beat and services)"
echo
$PY manage.py runserver 127.0.0.1:8000 &
PIDS+=($!)
wait -n "${PIDS[@]}"
