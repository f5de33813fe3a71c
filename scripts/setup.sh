#!/usr/bin/env bash
# Installs everything the product needs on a fresh machine: yarn (through
# corepack), the workspace's dependencies (with native builds), Chromium for
# the browser tests and the local AWS emulator (moto) in a git-ignored
# virtualenv. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

# Every registry address comes from npm's own config; none is written here.
registry=$(npm config get registry 2>/dev/null)
registry=${registry%/}
export COREPACK_NPM_REGISTRY="$registry" COREPACK_ENABLE_DOWNLOAD_PROMPT=0
export YARN_NPM_REGISTRY_SERVER="$registry"
# yarn ignores npm's nodedir: point node-gyp at the running Node's headers
# (Debian's when they match its major, else the npm registry's build of the
# same Node) rather than letting it download them.
npm_config_nodedir=$(node scripts/node-headers.js)
export npm_config_nodedir

corepack enable
echo "yarn $(yarn --version)"

if [ "${CI:-}" = true ]; then
  yarn install --immutable
else
  yarn install
fi

if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian's chromium for the browser tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: run 'sudo apt-get install -y chromium' for the browser tests" >&2
  fi
fi

# PostgreSQL's server, for the store's tests (they start a throwaway
# cluster on a free loopback port).
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian's postgresql for the store's tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "PostgreSQL is missing: run 'sudo apt-get install -y postgresql' for the store's tests" >&2
  fi
fi

if [ -f scripts/ensure-moto.js ]; then
  node scripts/ensure-moto.js
fi
