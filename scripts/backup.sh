#!/usr/bin/env bash
# make backup: a custom-format pg_dump of the database and a tar of the uploaded/generated files.
#   scripts/backup.sh [DIR]      (default: backups/)
# Uses DATABASE_URL, or the embedded development database; MEDIA_ROOT, or var/media. Prints the dump's path.
# The files hold personal data: they are written readable by their owner only (docs/BACKUP.md).
set -euo pipefail
cd "$(dirname "$0")/.."
umask 077
OUT="${1:-backups}"
mkdir -p "$OUT"
STAMP=$(date +%Y%m%d-%H%M%S)
URL="${DATABASE_URL:-postgres://frivillig@127.0.0.1:${DEV_PG_PORT:-54329}/frivillig}"
DUMP="$OUT/frivillig-$STAMP.dump"
# Write to a temporary name first, so that a half-written dump never looks like a backup.
pg_dump --format=custom --no-owner --no-privileges --dbname="$URL" --file="$DUMP.partial"
MEDIA="${MEDIA_ROOT:-var/media}"
if [ -d "$MEDIA" ]; then tar -czf "$OUT/frivillig-media-$STAMP.tar.gz" -C "$MEDIA" .; fi
mv "$DUMP.partial" "$DUMP"
echo "$DUMP"
