#!/usr/bin/env bash
# Generate a SQL migration from every schema.ts (drizzle-kit), one generation at a time.
# Usage: scripts/db-generate.sh <name>
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/db-generate.sh <name>}
exec 9>/tmp/lantai-db-generate.lock
flock 9
npx drizzle-kit generate --name "$name"
