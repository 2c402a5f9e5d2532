#!/usr/bin/env bash
# make restore FILE=backups/frivillig-….dump: restore the database (replacing what is there, in one transaction)
# and, if the matching media archive is next to it, the files.
# Uses DATABASE_URL, or the embedded development database; MEDIA_ROOT, or var/media.
set -euo pipefail
cd "$(dirname "$0")/.."
FILE="${1:-}"
if [ -z "$FILE" ] || [ ! -f "$FILE" ]; then
  echo "usage: scripts/restore.sh backups/frivillig-YYYYmmdd-HHMMSS.dump  (make restore FILE=…)" >&2
  exit 2
fi
URL="${DATABASE_URL:-postgres://frivillig@127.0.0.1:${DEV_PG_PORT:-54329}/frivillig}"
pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error --dbname="$URL" "$FILE"
NAME="$(basename "$FILE" .dump)"
MEDIA_ARCHIVE="$(dirname "$FILE")/${NAME/#frivillig-/frivillig-media-}.tar.gz"
if [ -f "$MEDIA_ARCHIVE" ]; then
  mkdir -p "${MEDIA_ROOT:-var/media}"
  tar -xzf "$MEDIA_ARCHIVE" -C "${MEDIA_ROOT:-var/media}"
fi
echo "restored $FILE"
