#!/usr/bin/env bash
# Installs what the editor tests need (scripts/run-editor-tests.mjs, scripts/run-editor-ui.mjs) on a Debian
# machine that reaches only the npm registry and Debian's apt archive:
#   - Debian packages: chromium (the browser Playwright drives), libkrb5-dev + pkg-config (kerberos native
#     module of VS Code), ripgrep (seeds @vscode/ripgrep, whose own postinstall would download from GitHub),
#     and a C/C++ toolchain + python3 for node-gyp;
#   - code-server 4.100.3 (embeds VS Code 1.100.3; last release whose engines accept Node 20) in its own
#     folder, outside the project's dependencies:
#       ${CNNSHAPE_EDITOR_DIR:-$HOME/.cache/cnn-shape/code-server-4.100.3}
#
# Idempotent: every step checks first and skips work already done. Safe to run again at any time.
#
# npm 11 runs no dependency install script unless it is approved ("allowScripts"), and passing
# --allow-scripts to a project-scoped install is an error. code-server needs its own postinstall (it runs
# `npm install` in lib/vscode and lib/vscode/extensions, which builds VS Code's native modules). So we
#   1. install code-server with --ignore-scripts,
#   2. approve exactly the scripts needed: `allowScripts` in the install folder's package.json (what
#      `npm install-scripts approve` writes) for code-server and argon2, and a project `.npmrc` with
#      `allow-scripts=...` in lib/vscode and lib/vscode/extensions for the nested installs,
#   3. `npm rebuild code-server argon2` to run them,
#   4. check that the results the scripts produce are there (native .node files, rg, node_modules.asar).
# On older npm versions (no allowScripts) the approvals are ignored and the scripts run anyway.
set -euo pipefail

CS_VERSION=4.100.3
# @vscode/ripgrep version pinned by code-server 4.100.3's lib/vscode/npm-shrinkwrap.json, and the ripgrep
# release its postinstall fetches (lib/postinstall.js VERSION).
VSCODE_RIPGREP_VERSION=1.15.11
RIPGREP_RELEASE=v13.0.0-10
EDITOR_DIR="${CNNSHAPE_EDITOR_DIR:-$HOME/.cache/cnn-shape/code-server-$CS_VERSION}"
CS_PKG="$EDITOR_DIR/node_modules/code-server"
VSCODE_DIR="$CS_PKG/lib/vscode"
LOG="$EDITOR_DIR/install.log"
# Native-module packages of lib/vscode whose install scripts must run on Linux. The two Windows-only
# packages (@vscode/windows-process-tree, @vscode/windows-registry) stay unapproved.
VSCODE_SCRIPT_PKGS="@parcel/watcher,@vscode/deviceid,@vscode/ripgrep,@vscode/spdlog,kerberos,native-watchdog,node-pty"

say() { printf '[install-editor-test-deps] %s\n' "$*"; }
die() { printf '[install-editor-test-deps] ERROR: %s\n' "$*" >&2; exit 1; }
now() { date +%s; }
T0=$(now)

SUDO=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 || die "not root and no sudo: cannot apt-get install"
  SUDO="sudo"
fi

# ---------------------------------------------------------------- 1. Debian packages
pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
missing=()
# fonts-wqy-microhei, fonts-noto-color-emoji: Chinese text and the samples' emoji in screenshots of the
# editor (issue 12) instead of empty boxes.
for p in chromium libkrb5-dev pkg-config ripgrep fonts-wqy-microhei fonts-noto-color-emoji; do
  pkg_installed "$p" || missing+=("$p")
done
# node-gyp builds VS Code's native modules: it needs a compiler, make and python3 (any python3 on PATH).
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  say "Debian packages present: chromium libkrb5-dev pkg-config ripgrep fonts-wqy-microhei fonts-noto-color-emoji g++ make python3 (skip)"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium missing after apt-get install chromium"
[ -x /usr/bin/rg ] || die "/usr/bin/rg missing after apt-get install ripgrep"
T_APT=$(now)

# ---------------------------------------------------------------- 2. code-server
command -v npm >/dev/null 2>&1 || die "npm not found"
NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
[ "$NODE_MAJOR" = 20 ] || die "code-server $CS_VERSION needs Node 20 (found $(node --version))"
# node-gyp must not download Node headers (no internet): point it at the installed ones.
NODEDIR="${npm_config_nodedir:-$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")}"
[ -f "$NODEDIR/include/node/node_api.h" ] || die "Node headers not found under $NODEDIR/include/node (set npm_config_nodedir to the Node install prefix that has include/node)"

# Everything the install scripts should have produced. Prints what is missing; returns 1 if anything is.
verify() {
  local bad=0 f
  for f in \
    "$CS_PKG/out/node/entry.js" \
    "$EDITOR_DIR/node_modules/argon2/lib/binding/napi-v3/argon2.node" \
    "$VSCODE_DIR/node_modules/node-pty/build/Release/pty.node" \
    "$VSCODE_DIR/node_modules/@vscode/spdlog/build/Release/spdlog.node" \
    "$VSCODE_DIR/node_modules/kerberos/build/Release/kerberos.node" \
    "$VSCODE_DIR/node_modules/native-watchdog/build/Release/watchdog.node" \
    "$VSCODE_DIR/node_modules/@vscode/ripgrep/bin/rg" \
    "$VSCODE_DIR/node_modules.asar" \
    "$VSCODE_DIR/extensions/node_modules/typescript/package.json"; do
    if [ ! -e "$f" ]; then
      [ "${1:-}" = quiet ] || say "  missing: ${f#"$EDITOR_DIR"/}"
      bad=1
    fi
  done
  if [ $bad = 0 ]; then
    local v
    v=$(cs_version | cut -d' ' -f1) || true
    if [ "$v" != "$CS_VERSION" ]; then
      [ "${1:-}" = quiet ] || say "  code-server --version printed '$v', expected $CS_VERSION"
      bad=1
    fi
  fi
  return $bad
}

# `code-server --version`, run with a throwaway HOME/XDG dirs (it writes a default config file on first run and
# logs that line before the version).
cs_version() {
  local h rc=0
  h=$(mktemp -d)
  HOME="$h" XDG_CONFIG_HOME="$h/config" XDG_DATA_HOME="$h/data" node "$CS_PKG/out/node/entry.js" --version 2>/dev/null \
    | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' | head -1 || rc=$?
  rm -rf "$h"
  return $rc
}

# Seeds @vscode/ripgrep's download cache (os.tmpdir()/vscode-ripgrep-cache-<version>/) with Debian's rg so
# its postinstall finds "a cached download" instead of fetching from GitHub.
seed_ripgrep_cache() {
  local arch target cache tarball tmp
  arch=$(node -p process.arch)
  case "$arch" in
    x64) target=x86_64-unknown-linux-musl ;;
    arm64) target=aarch64-unknown-linux-musl ;;
    *) die "unsupported architecture for the ripgrep seed: $arch" ;;
  esac
  cache="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-$VSCODE_RIPGREP_VERSION"
  tarball="$cache/ripgrep-$RIPGREP_RELEASE-$target.tar.gz"
  if [ -s "$tarball" ] && tar tzf "$tarball" 2>/dev/null | grep -qx 'rg'; then
    say "ripgrep cache already seeded: $tarball (skip)"
    return
  fi
  tmp=$(mktemp -d)
  cp /usr/bin/rg "$tmp/rg"
  mkdir -p "$cache"
  tar czf "$tarball" -C "$tmp" rg
  rm -rf "$tmp"
  say "seeded ripgrep cache with /usr/bin/rg: $tarball"
}

npm_env() {
  # unsafe-perm: code-server's postinstall.sh refuses to run as root without it (it reads the env var);
  # nodedir: node-gyp uses local headers (no download); yes: no prompts.
  # ignore-scripts=false: a user-level ignore-scripts=true would otherwise silently skip the nested installs.
  env npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir="$NODEDIR" npm_config_ignore_scripts=false \
    npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false "$@"
}

if verify quiet; then
  say "code-server $CS_VERSION already installed and complete in $EDITOR_DIR (skip)"
else
  T_CS0=$(now)
  mkdir -p "$EDITOR_DIR"
  : > "$LOG"
  say "installing code-server $CS_VERSION into $EDITOR_DIR (log: $LOG)"
  if [ ! -f "$EDITOR_DIR/package.json" ]; then
    printf '{\n  "name": "cnn-shape-editor-deps",\n  "private": true,\n  "description": "code-server for the CNN Shape editor tests, installed by scripts/install-editor-test-deps.sh"\n}\n' \
      > "$EDITOR_DIR/package.json"
  fi
  seed_ripgrep_cache

  # Step 1: the packages, no scripts yet.
  have=$(node -p "try { require('$CS_PKG/package.json').version } catch { '' }")
  if [ "$have" = "$CS_VERSION" ] && [ -d "$EDITOR_DIR/node_modules/argon2" ]; then
    say "code-server $CS_VERSION package already present (skip npm install)"
  else
    say "npm install --ignore-scripts code-server@$CS_VERSION"
    (cd "$EDITOR_DIR" && npm_env npm install --save-exact --ignore-scripts "code-server@$CS_VERSION") >>"$LOG" 2>&1 \
      || { tail -30 "$LOG" >&2; die "npm install code-server failed (see $LOG)"; }
  fi

  # Step 2: approve the install scripts that are needed (see header).
  say "approving install scripts: code-server, argon2 (package.json allowScripts); lib/vscode: $VSCODE_SCRIPT_PKGS (.npmrc)"
  node -e '
    const fs = require("fs"); const f = process.argv[1];
    const p = JSON.parse(fs.readFileSync(f, "utf8"));
    p.allowScripts = { ...(p.allowScripts || {}), "code-server": true, argon2: true };
    fs.writeFileSync(f, JSON.stringify(p, null, 2) + "\n");' "$EDITOR_DIR/package.json"
  for d in "$VSCODE_DIR" "$VSCODE_DIR/extensions"; do
    printf '# written by cnn-shape scripts/install-editor-test-deps.sh (npm 11 install-script approvals)\nallow-scripts=%s\n' \
      "$VSCODE_SCRIPT_PKGS" > "$d/.npmrc"
  done

  # Step 3: run them. code-server's postinstall runs `npm install --omit=dev` in lib/vscode (node-gyp builds
  # node-pty, spdlog, kerberos, native-watchdog, deviceid; @vscode/ripgrep takes rg from the seeded cache)
  # and in lib/vscode/extensions; argon2 falls back to a source build when GitHub is unreachable.
  say "npm rebuild code-server argon2 (runs code-server's postinstall: VS Code's native modules; ~45 s)"
  (cd "$EDITOR_DIR" && npm_env npm rebuild --foreground-scripts code-server argon2) >>"$LOG" 2>&1 \
    || { tail -40 "$LOG" >&2; die "code-server postinstall failed (see $LOG)"; }
  if grep -q 'have install scripts not yet covered by allowScripts' "$LOG"; then
    say "npm reported unapproved install scripts (expected: only the Windows-only packages):"
    grep -A4 'not yet covered by allowScripts' "$LOG" | grep -E '^npm warn install-scripts +[^ ]+@' | sed 's/^npm warn install-scripts */    /' || true
  fi

  # Step 4: check.
  if ! verify; then
    tail -40 "$LOG" >&2
    die "code-server install incomplete (see $LOG)"
  fi
  say "code-server $CS_VERSION installed in $(( $(now) - T_CS0 )) s ($(du -sh "$EDITOR_DIR" | cut -f1))"
fi

say "ready: code-server $(cs_version) at $CS_PKG"
say "       $(/usr/bin/chromium --version 2>/dev/null | head -1)"
say "timings: apt $(( T_APT - T0 )) s, total $(( $(now) - T0 )) s"
