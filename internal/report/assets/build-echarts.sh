#!/usr/bin/env bash
# Builds echarts.min.js, the echarts that kompass embeds, from the npm
# registry: echarts with only the charts, components and renderer the
# report uses (echarts-entry.js), bundled and minified by esbuild into an
# IIFE that defines the global `echarts`. The versions are pinned exactly in
# package.json, and package-lock.json pins every package with its integrity
# hash, so that the build gives the same bytes on every run; SHA256SUMS
# records them. Usage (from anywhere):
#   bash internal/report/assets/build-echarts.sh           # build and verify
#   bash internal/report/assets/build-echarts.sh --update  # build, record new sums
#   bash internal/report/assets/build-echarts.sh --check   # verify only (no network)
# Needs node and npm for a build; --check needs only sha256sum. The go tests
# check SHA256SUMS too (assets_test.go), so CI needs neither.
# To change what the build holds or its versions: edit echarts-entry.js or
# package.json, refresh the lockfile (npm install --package-lock-only
# --ignore-scripts in a copy of this folder), update VERSION, run with
# --update and review the new sums in the commit.
set -euo pipefail
cd "$(dirname "$0")"
files=(echarts.min.js LICENSE NOTICE ZRENDER-LICENSE)

if [ "${1:-}" != "--check" ]; then
  # Built in a temporary copy, so that no node_modules is left in the Go
  # source tree (go ./... and gofmt would walk it).
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  cp package.json package-lock.json echarts-entry.js "$tmp/"
  (
    cd "$tmp"
    # exactly the lockfile; no install scripts (esbuild runs without its
    # postinstall step, from the platform package)
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
    m=node_modules
    ver() { node -p "require('./$m/$1/package.json').version"; }
    # The license of what the bundle holds travels in it: echarts' own
    # header (as in its dist build) and zrender's BSD licence in full; tslib's
    # notice is kept by esbuild at the end (--legal-comments=eof).
    banner="/*! Apache ECharts $(ver echarts), a custom build for kompass: echarts-entry.js
* bundled by esbuild $(ver esbuild) with zrender $(ver zrender) and tslib $(ver tslib).
*
* Licensed to the Apache Software Foundation (ASF) under one
* or more contributor license agreements.  See the NOTICE file
* distributed with this work for additional information
* regarding copyright ownership.  The ASF licenses this file
* to you under the Apache License, Version 2.0 (the
* \"License\"); you may not use this file except in compliance
* with the License.  You may obtain a copy of the License at
*
*   http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing,
* software distributed under the License is distributed on an
* \"AS IS\" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY
* KIND, either express or implied.  See the License for the
* specific language governing permissions and limitations
* under the License.
*
* zrender (https://github.com/ecomfe/zrender):
$(sed 's/^/* /; s/ *$//' "$m/zrender/LICENSE")
*/"
    "$m/.bin/esbuild" echarts-entry.js --bundle --minify --format=iife --global-name=echarts \
      --target=es2017 --define:process.env.NODE_ENV='"production"' \
      --legal-comments=eof --charset=ascii --log-level=warning \
      --banner:js="$banner" --outfile=echarts.min.js
  )
  cp "$tmp/echarts.min.js" echarts.min.js
  cp "$tmp/node_modules/echarts/LICENSE" LICENSE
  cp "$tmp/node_modules/echarts/NOTICE" NOTICE
  cp "$tmp/node_modules/zrender/LICENSE" ZRENDER-LICENSE
  if [ "${1:-}" = "--update" ]; then
    sha256sum "${files[@]}" > SHA256SUMS
  fi
fi
sha256sum --check --strict SHA256SUMS
for v in "echarts@$(sed -n 's/.*"echarts": "\(.*\)".*/\1/p' package.json)" "esbuild@$(sed -n 's/.*"esbuild": "\(.*\)".*/\1/p' package.json)"; do
  grep -qF "$v" VERSION || { echo "VERSION does not name $v"; exit 1; }
done
