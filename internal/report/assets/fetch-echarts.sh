#!/usr/bin/env bash
# Refetches the vendored echarts build from the npm registry and checks it
# against the recorded sha256. Usage (from anywhere):
#   bash internal/report/assets/fetch-echarts.sh          # fetch and verify
#   bash internal/report/assets/fetch-echarts.sh --check  # verify only
# The version is pinned; to upgrade, change VERSION, run with --update, and
# review the new checksums in the commit.
set -euo pipefail
VERSION=6.1.0
cd "$(dirname "$0")"
files=(echarts.min.js LICENSE NOTICE)

if [ "${1:-}" != "--check" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "echarts@${VERSION}" >/dev/null && tar -xzf "echarts-${VERSION}.tgz")
  cp "$tmp/package/dist/echarts.min.js" echarts.min.js
  cp "$tmp/package/LICENSE" LICENSE
  cp "$tmp/package/NOTICE" NOTICE
  if [ "${1:-}" = "--update" ]; then
    sha256sum "${files[@]}" > SHA256SUMS
  fi
fi
sha256sum --check --strict SHA256SUMS
grep -q "echarts@${VERSION}\|${VERSION}" VERSION || { echo "VERSION file does not name ${VERSION}"; exit 1; }
