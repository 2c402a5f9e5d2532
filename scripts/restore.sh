#!/usr/bin/env bash
# make restore FILE=backups/frivillig-….dump: restore the database (replacing what is there) and, if a
# matching media archive exists, the files.
set -euo pipefail
cd "$(dirname "$0")/.."
FILE="${1:?usage: scripts/restore.sh backups/frivillig-YYYYmmdd-HHMMSS.dump}"
URL="${DATABASE_URL:-postgres://frivillig@127.0.0.1:${DEV_PG_PORT:-54329}/frivillig}"
pg_restore --clean --if-exists --no-owner --single-transaction --dbname="$URL" "$FILE"
MEDIA_ARCHIVE="${FILE/frivillig-/frivillig-media-}"
MEDIA_ARCHIVE="${MEDIA_ARCHIVE%.dump}.tar.gz"
if [ -f "$MEDIA_ARCHIVE" ]; then mkdir -p "${MEDIA_ROOT:-var/media}"; tar -xzf "$MEDIA_ARCHIVE" -C "${MEDIA_ROOT:-var/media}"; fi
echo "restored $FILE"
