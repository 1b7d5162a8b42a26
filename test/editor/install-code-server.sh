#!/usr/bin/env bash
# Installs code-server (the real VS Code server, web workbench and Node extension host) into the
# git-ignored folder .code-server/ for the editor tests, using only the npm registry and Debian's
# packages. Does nothing when the wanted version is already there.
# Usage: test/editor/install-code-server.sh [DEST_DIR] [VERSION]
# Needs (see .ci/install-system-deps): build-essential python3 pkg-config libkrb5-dev ripgrep.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DEST="${1:-$ROOT/.code-server}"
VERSION="${2:-4.100.3}"   # = VS Code 1.100.3, the newest line whose install accepts Node 20
BIN="$DEST/node_modules/.bin/code-server"

installed_version() {
  node -p "require('$DEST/node_modules/code-server/package.json').version" 2>/dev/null || true
}
if [ -x "$BIN" ] && [ "$(installed_version)" = "$VERSION" ]; then
  echo "code-server $VERSION already installed in $DEST"
  exit 0
fi

# code-server's postinstall refuses any Node major other than its engines.node.
want_node="$(npm view "code-server@$VERSION" engines.node)"
have_node="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$have_node" != "$want_node" ]; then
  echo "install-code-server: code-server $VERSION needs Node $want_node, found Node $have_node" >&2
  exit 1
fi
# Native modules build against the installed Node's headers instead of downloading them.
node_prefix="$(dirname "$(dirname "$(command -v node)")")"
if [ ! -f "$node_prefix/include/node/common.gypi" ]; then
  echo "install-code-server: no Node headers in $node_prefix/include/node" >&2
  exit 1
fi
command -v rg >/dev/null || { echo "install-code-server: ripgrep (Debian package) is missing" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$DEST"
[ -f "$DEST/package.json" ] || echo '{ "name": "sec-drafting-code-server", "private": true }' > "$DEST/package.json"

# @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache already holds the
# release tarball: find the pinned package version and the release it wants, and put a
# tarball of Debian's rg there (same ripgrep 13 line).
(cd "$work" && npm pack --silent "code-server@$VERSION" >/dev/null)
rg_pkg="$(tar -xzOf "$work"/code-server-*.tgz package/lib/vscode/npm-shrinkwrap.json \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).packages["node_modules/@vscode/ripgrep"].version))')"
(cd "$work" && npm pack --silent "@vscode/ripgrep@$rg_pkg" >/dev/null)
rg_release="$(tar -xzOf "$work"/vscode-ripgrep-*.tgz package/lib/postinstall.js \
  | sed -n "s/^const VERSION = '\(.*\)';/\1/p")"
case "$(uname -m)" in
  x86_64) rg_target=x86_64-unknown-linux-musl ;;
  aarch64) rg_target=aarch64-unknown-linux-musl ;;
  *) echo "install-code-server: unsupported machine $(uname -m)" >&2; exit 1 ;;
esac
export TMPDIR="$work"
mkdir -p "$work/vscode-ripgrep-cache-$rg_pkg"
tar -czf "$work/vscode-ripgrep-cache-$rg_pkg/ripgrep-$rg_release-$rg_target.tar.gz" -C "$(dirname "$(command -v rg)")" rg

# yes: node-pty's postinstall runs `npx node-gyp`, which aborts without a TTY otherwise.
# unsafe_perm: code-server's postinstall refuses to run as root otherwise (CI runs as root).
# dangerously_allow_all_scripts: the nested installs need their install scripts (npm 11 policy).
echo "install-code-server: installing code-server $VERSION into $DEST (a few minutes)"
(cd "$DEST" && npm_config_yes=true npm_config_nodedir="$node_prefix" npm_config_unsafe_perm=true \
  npm_config_dangerously_allow_all_scripts=true \
  npm install --no-audit --no-fund --save-exact "code-server@$VERSION")

# code-server writes config.yaml into $XDG_CONFIG_HOME on every start: keep it out of $HOME.
XDG_CONFIG_HOME="$work" XDG_DATA_HOME="$work" "$BIN" --version
