package report_test

import (
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/base64"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/report"
	"github.com/kompass-dev/kompass/internal/report/assets"
	"github.com/kompass-dev/kompass/internal/testkit"
)

const (
	smallGolden   = "testdata/small.golden.html"
	exempelGolden = "testdata/exempelkommun.golden.html"
	cssGolden     = "testdata/report.golden.css"
)

// cssMarker stands in a golden page for the style sheet, which
// TestGoldenCSS checks once.
const cssMarker = "/* report.css and followup.css: testdata/report.golden.css */"

// goldenPage checks a page byte for byte against a golden file, its
// style sheet aside: the page must carry report.css (and followup.css,
// when it has a follow-up) exactly, and the golden file holds cssMarker in
// its place, so that a change of style changes one golden file, not all.
func goldenPage(t *testing.T, path string, page []byte) {
	t.Helper()
	css := []byte("<style>" + report.ReportCSS + "</style>")
	withFollowUp := []byte("<style>" + report.ReportCSS + "\n" + report.FollowUpCSS + "</style>")
	switch {
	case bytes.Contains(page, withFollowUp):
		page = bytes.Replace(page, withFollowUp, []byte("<style>"+cssMarker+"</style>"), 1)
	case bytes.Contains(page, css):
		page = bytes.Replace(page, css, []byte("<style>"+cssMarker+"</style>"), 1)
	default:
		t.Fatal("the page does not carry report.css as it is")
	}
	testkit.Golden(t, path, page)
}

// TestGoldenCSS checks the style sheets of the report once.
func TestGoldenCSS(t *testing.T) {
	testkit.Golden(t, cssGolden, []byte(report.ReportCSS+"\n/* followup.css */\n"+report.FollowUpCSS))
}

// TestGoldenSmall checks the whole page of Exempelkommun A 2007 with its
// group byte for byte. The page refers to echarts.min.js, as in
// kompass report --all, so that the golden file stays small; the inline
// script is covered by TestWriteDeterministic and the browser tests.
func TestGoldenSmall(t *testing.T) {
	r := smallReport(t)
	goldenPage(t, smallGolden, write(t, r, report.WriteOptions{ScriptSrc: report.ScriptFile}))
}

// TestGoldenExempelkommun checks the complete analysis of the fictional
// Exempelkommun 2007 — every part of the report, text and tables
// included — byte for byte, in the shared-script variant.
func TestGoldenExempelkommun(t *testing.T) {
	goldenPage(t, exempelGolden, write(t, exempelReport(t), report.WriteOptions{ScriptSrc: report.ScriptFile}))
}

// TestWriteDeterministic builds and writes the same reports twice, with
// the script inline and shared, and expects the same bytes.
func TestWriteDeterministic(t *testing.T) {
	for _, c := range []struct {
		name  string
		build func() *report.Report
	}{
		{"small", func() *report.Report { return smallReport(t) }},
		{"hostile", func() *report.Report { return hostileReport(t) }},
		{"umea", func() *report.Report { return umeaReport(t) }},
		{"vallentuna", func() *report.Report {
			return build(t, evaluationsDir, report.Options{Kommun: "Vallentuna", Group: "Sverigesnitt 2021"})
		}},
		{"exempelkommun", func() *report.Report { return exempelReport(t) }},
		{"follow-up", func() *report.Report { return followUpReport(t, exempelActions) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, wo := range []report.WriteOptions{{}, {ScriptSrc: report.ScriptFile}} {
				var sums [2][32]byte
				for i := range sums {
					// a fresh Build each time: the model must not depend on
					// map order or anything else that varies between runs
					sums[i] = sha256.Sum256(write(t, c.build(), wo))
				}
				if sums[0] != sums[1] {
					t.Errorf("WriteOptions%+v: two Build+Write runs differ: %x, %x", wo, sums[0], sums[1])
				}
			}
		})
	}
}

// TestWriteInlineCarriesScript checks that the default page carries
// echarts (packed) and that the shared variant refers to the file instead.
func TestWriteInlineCarriesScript(t *testing.T) {
	r := smallReport(t)
	inline := write(t, r, report.WriteOptions{})
	shared := write(t, r, report.WriteOptions{ScriptSrc: report.ScriptFile})
	if !bytes.Contains(inline, []byte("<script>"+report.PackedScript(t)+"</script>")) {
		t.Errorf("inline page (%d bytes) does not carry the packed echarts", len(inline))
	}
	if bytes.Contains(inline, []byte("<script src=")) {
		t.Error("inline page refers to an external script")
	}
	if !bytes.Contains(shared, []byte(`<script src="`+report.ScriptFile+`"></script>`)) {
		t.Errorf("shared page does not load %s", report.ScriptFile)
	}
	if len(shared) > 200_000 {
		t.Errorf("shared page is %d bytes; it should not carry echarts", len(shared))
	}
	if filepath.Base(report.ScriptFile) != report.ScriptFile {
		t.Errorf("ScriptFile %q is not a plain file name", report.ScriptFile)
	}
}

// maxSelfContained is issue 12's bound on the self-contained Umeå report:
// 450 kB, read as 450,000 bytes, the stricter of 450,000 and 450 × 1024.
const maxSelfContained = 450_000

// TestUmeaReportSize checks that the self-contained Umeå report, charts
// and all, stays within 450 kB.
func TestUmeaReportSize(t *testing.T) {
	page := write(t, umeaReport(t), report.WriteOptions{})
	t.Logf("the self-contained Umeå report is %d bytes, of which the packed echarts %d (the build itself is %d)",
		len(page), len(report.PackedScript(t)), len(assets.EchartsJS))
	if len(page) > maxSelfContained {
		t.Errorf("the self-contained Umeå report is %d bytes, more than %d", len(page), maxSelfContained)
	}
}

// packedPayload takes apart a script made by PackedScript (or in its
// shape): the header before unpack.js, the deflated bytes and the size.
func packedPayload(t *testing.T, script string) (header string, deflated []byte, size int) {
	t.Helper()
	body := strings.TrimSpace(report.UnpackJS)
	i := strings.Index(script, body)
	if i < 0 {
		t.Fatal("the script does not hold unpack.js")
	}
	header, call := script[:i], script[i+len(body):]
	b64, rest, ok := strings.Cut(strings.TrimPrefix(call, `("`), `", `)
	if !ok || !strings.HasPrefix(call, `("`) || !strings.HasSuffix(rest, ");") {
		t.Fatalf("unpack.js is not called as (\"base64\", size): %.40q…", call)
	}
	size, err := strconv.Atoi(strings.TrimSuffix(rest, ");"))
	if err != nil {
		t.Fatal(err)
	}
	deflated, err = base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatal(err)
	}
	return header, deflated, size
}

// TestPackedScript checks that the packed script holds the build byte for
// byte, gives its size, and keeps its licence header readable.
func TestPackedScript(t *testing.T) {
	script := report.PackedScript(t)
	header, deflatedJS, size := packedPayload(t, script)
	got, err := io.ReadAll(flate.NewReader(bytes.NewReader(deflatedJS)))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != assets.EchartsJS {
		t.Errorf("the packed build unpacks to %d bytes that differ from the %d of echarts.min.js", len(got), len(assets.EchartsJS))
	}
	if size != len(assets.EchartsJS) {
		t.Errorf("unpack.js is told %d bytes, the build has %d", size, len(assets.EchartsJS))
	}
	end := strings.Index(assets.EchartsJS, "*/")
	if !strings.HasPrefix(assets.EchartsJS, "/*!") || end < 0 || header != assets.EchartsJS[:end+2]+"\n" {
		t.Errorf("the packed script does not start with the build's licence header: %.60q", header)
	}
	if strings.Contains(strings.ToLower(script), "</script") {
		t.Error("the packed script contains </script")
	}
	// the same bytes from a second compression, as in another process
	if again := deflated(t, []byte(assets.EchartsJS), flate.BestCompression); !bytes.Equal(again, deflatedJS) {
		t.Error("deflating the build again gives other bytes: the page would not be deterministic")
	}
}
