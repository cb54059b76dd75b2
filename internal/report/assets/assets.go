// Package assets holds the files the HTML report embeds: a custom build of
// the npm package echarts@6.1.0 with only the charts, components and
// renderer the report uses (Apache-2.0, with its LICENSE and NOTICE beside
// it; the zrender library it includes is BSD-3-Clause, ZRENDER-LICENSE).
// build-echarts.sh rebuilds it from the pinned package-lock.json with
// esbuild and checks it against SHA256SUMS; VERSION says what it holds.
package assets

import _ "embed"

// EchartsJS is the custom echarts build (build-echarts.sh): an IIFE that
// defines the global echarts.
//
//go:embed echarts.min.js
var EchartsJS string

// EchartsLicense, EchartsNotice and ZrenderLicense travel with every copy
// of the script.
var (
	//go:embed LICENSE
	EchartsLicense string
	//go:embed NOTICE
	EchartsNotice string
	//go:embed ZRENDER-LICENSE
	ZrenderLicense string
)

// EchartsVersion names the vendored version.
const EchartsVersion = "6.1.0"
