#!/usr/bin/env bash
# Builds a Roster release into one folder (default: release/, or the first argument): the bundled
# `roster` command (API, worker and CLI on plain Node, no node_modules needed), the built
# dashboard it serves, and the one package read as files at run time (swagger-ui-dist).
# CI runs this as it is; the Dockerfile's build stage only calls it.
#
#   scripts/release/build.sh [--no-install] [out-dir]     (--no-install: dependencies already installed)
#   node <out-dir>/apps/cli/dist/roster.js serve api
set -euo pipefail

install=true
if [ "${1:-}" = "--no-install" ]; then install=false; shift; fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$(realpath -m "${1:-$root/release}")"
cd "$root"

if $install; then
  command -v pnpm >/dev/null || npm install --global pnpm@10.34.9
  pnpm install --frozen-lockfile
fi
# The project's own Node 24 (node_modules/.bin/node), not the machine's.
export PATH="$root/node_modules/.bin:$PATH"
pnpm build

rm -rf "$out"
mkdir -p "$out/apps/cli" "$out/apps/web" "$out/node_modules"
# roster.js and the chunks it loads on demand (each command's code).
cp -R apps/cli/dist "$out/apps/cli/dist"
# The API finds the dashboard at ../../web/dist from the bundle (or DASHBOARD_DIR).
cp -R apps/web/dist "$out/apps/web/dist"
swagger="$(cd apps/cli && node -p 'require("node:path").dirname(require.resolve("swagger-ui-dist/package.json"))')"
cp -RL "$swagger" "$out/node_modules/swagger-ui-dist"
# The bundle is an ES module; this is the only package.json it needs.
cat >"$out/package.json" <<'JSON'
{
  "name": "roster",
  "private": true,
  "type": "module",
  "bin": { "roster": "apps/cli/dist/roster.js" },
  "engines": { "node": ">=24" }
}
JSON

# The release starts on plain Node, from its own folder only.
node "$out/apps/cli/dist/roster.js" --help >/dev/null
echo "release built in $out ($(du -sh "$out" | cut -f1))"
