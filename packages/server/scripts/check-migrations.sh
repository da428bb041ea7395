#!/usr/bin/env bash
# Fails when src/db/schema.ts has changes no migration carries (run `drizzle-kit generate` to add one).
set -euo pipefail
cd "$(dirname "$0")/.."
work=".migrations-check"
rm -rf "$work" && cp -r src/db/migrations "$work"
trap 'rm -rf "$work"' EXIT
before=$(ls "$work"/*.sql | wc -l)
drizzle-kit generate --dialect postgresql --schema ./src/db/schema.ts --out "./$work" > /dev/null
after=$(ls "$work"/*.sql | wc -l)
if [ "$before" != "$after" ]; then
  echo "drift: src/db/schema.ts differs from the migrations; run: ./dev --filter @penaxtra/server exec drizzle-kit generate --name <change>" >&2
  exit 1
fi
echo "migrations match src/db/schema.ts"
