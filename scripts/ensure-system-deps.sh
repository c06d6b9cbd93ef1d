#!/usr/bin/env bash
# Installs what the browser tests and the benchmark need, only when it is missing:
#   - Debian's `chromium` (driven by Playwright for Python through executable_path; no browser download),
#   - fonts with Arabic glyphs: `fonts-noto-core` (Noto Naskh/Sans Arabic) and `fonts-dejavu-core`,
#   - poppler-utils's `pdftotext`, which reads a printed PDF's pages back in the print tests,
#   - axe-core from the npm registry, pinned by tests/browser/package-lock.json, into .cache/node/.
# Idempotent and non-interactive: a second run changes nothing and makes no network request.
# Works when started as `sh scripts/ensure-system-deps.sh` (the Makefile does): it re-runs itself under bash.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_DIR="$ROOT/.cache/node"
LOCK="$ROOT/tests/browser/package-lock.json"
APT_PACKAGES=(chromium fonts-noto-core fonts-dejavu-core poppler-utils)

log() { printf 'ensure-system-deps: %s\n' "$*"; }

# --- Debian packages -------------------------------------------------------------------------------
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    SUDO=()
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    log "missing Debian packages: ${missing[*]}; run as root (or with password-less sudo):"
    log "  apt-get install -y ${missing[*]}"
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  # Refresh the package lists only when apt does not know a candidate for every missing package.
  need_update=0
  for pkg in "${missing[@]}"; do
    cand="$(apt-cache policy "$pkg" 2>/dev/null | awk '/Candidate:/ {print $2}')"
    if [[ -z "$cand" || "$cand" == "(none)" ]]; then need_update=1; fi
  done
  if ((need_update)); then
    log "apt-get update"
    "${SUDO[@]}" apt-get update -qq
  fi
  log "apt-get install -y ${missing[*]}"
  if ! "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
    # A stale list can point at files the mirror no longer has: refresh once and retry.
    log "install failed; refreshing package lists and retrying"
    "${SUDO[@]}" apt-get update -qq
    "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
else
  log "Debian packages present: ${APT_PACKAGES[*]}"
fi

command -v chromium >/dev/null || { log "chromium is still missing after install"; exit 1; }

# --- axe-core from npm -----------------------------------------------------------------------------
command -v npm >/dev/null || { log "npm is missing: install Debian's 'npm' package (apt-get install -y npm)"; exit 1; }
stamp="$NODE_DIR/.lock-copy.json"
if [[ -f "$NODE_DIR/node_modules/axe-core/axe.min.js" && -f "$stamp" ]] && cmp -s "$LOCK" "$stamp"; then
  log "axe-core present in .cache/node"
else
  log "npm ci (axe-core) into .cache/node"
  mkdir -p "$NODE_DIR"
  cp "$ROOT/tests/browser/package.json" "$LOCK" "$NODE_DIR/"
  (cd "$NODE_DIR" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  cp "$LOCK" "$stamp"
fi
