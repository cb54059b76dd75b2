// Package assets holds the files the HTML report embeds: the echarts build
// from the npm package echarts@6.1.0 (Apache-2.0, with its LICENSE and
// NOTICE beside it). fetch-echarts.sh refetches that exact version and
// checks it against SHA256SUMS.
package assets

import _ "embed"

// EchartsJS is dist/echarts.min.js of echarts@6.1.0.
//
//go:embed echarts.min.js
var EchartsJS string

// EchartsLicense and EchartsNotice travel with every copy of the script.
var (
	//go:embed LICENSE
	EchartsLicense string
	//go:embed NOTICE
	EchartsNotice string
)

// EchartsVersion names the vendored version.
const EchartsVersion = "6.1.0"
