#!/usr/bin/env bash
# make backup: a custom-format pg_dump of the database and a tar of the uploaded/generated files.
#   scripts/backup.sh [DIR]      (default: backups/)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-backups}"
mkdir -p "$OUT"
STAMP=$(date +%Y%m%d-%H%M%S)
URL="${DATABASE_URL:-postgres://frivillig@127.0.0.1:${DEV_PG_PORT:-54329}/frivillig}"
pg_dump --format=custom --no-owner --dbname="$URL" --file="$OUT/frivillig-$STAMP.dump"
MEDIA="${MEDIA_ROOT:-var/media}"
if [ -d "$MEDIA" ]; then tar -czf "$OUT/frivillig-media-$STAMP.tar.gz" -C "$MEDIA" .; fi
echo "$OUT/frivillig-$STAMP.dump"
