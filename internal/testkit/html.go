package testkit

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"regexp"
)

// A browser reads the content of <script> and <style> as raw text, which
// may hold < and &: it ends at the first </script or </style. The open and
// the close tag are looked for apart, so that the raw text (echarts, half
// a megabyte) is skipped with a search for "</" instead of run through a
// regular expression.
var (
	rawOpen  = regexp.MustCompile(`(?i)<(script|style)\b([^>]*)>`)
	rawClose = regexp.MustCompile(`(?i)</(?:script|style)\s*>`)
)

// HTMLDecoder reads a page kompass wrote as HTML with encoding/xml in its
// lenient HTML mode, which reads them because they close every element,
// once the raw text of <script> and <style> is taken out.
// golang.org/x/net/html would be the natural reader, but importing it in
// a test would make golang.org/x/net a direct requirement (and 'go mod
// tidy -diff' in .ci/run fail).
//
// The decoder sees each <script> and <style> element empty, with an
// attribute data-raw-index: the index of its text in raws.
func HTMLDecoder(page []byte) (d *xml.Decoder, raws []string) {
	var stripped bytes.Buffer
	for {
		open := rawOpen.FindSubmatchIndex(page)
		if open == nil {
			break
		}
		end := rawClose.FindIndex(page[open[1]:])
		if end == nil {
			break
		}
		tag, attrs := page[open[2]:open[3]], page[open[4]:open[5]]
		stripped.Write(page[:open[0]])
		fmt.Fprintf(&stripped, `<%s%s data-raw-index="%d"></%s>`, tag, attrs, len(raws), tag)
		raws = append(raws, string(page[open[1]:open[1]+end[0]]))
		page = page[open[1]+end[1]:]
	}
	stripped.Write(page)
	d = xml.NewDecoder(&stripped)
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	return d, raws
}
