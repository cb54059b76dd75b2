package report_test

import (
	"bytes"
	"crypto/sha256"
	"path/filepath"
	"testing"

	"github.com/kompass-dev/kompass/internal/report"
	"github.com/kompass-dev/kompass/internal/testkit"
)

const (
	smallGolden   = "testdata/small.golden.html"
	exempelGolden = "testdata/exempelkommun.golden.html"
)

// TestGoldenSmall checks the whole page of Exempelkommun A 2007 with its
// group byte for byte. The page refers to echarts.min.js, as in
// kompass report --all, so that the golden file stays small; the inline
// script is covered by TestWriteDeterministic and the browser tests.
func TestGoldenSmall(t *testing.T) {
	r := smallReport(t)
	got := write(t, r, report.WriteOptions{ScriptSrc: report.ScriptFile})
	testkit.Golden(t, smallGolden, got)
}

// TestGoldenExempelkommun checks the complete analysis of the fictional
// Exempelkommun 2007 — every part of the report, text and tables
// included — byte for byte, in the shared-script variant.
func TestGoldenExempelkommun(t *testing.T) {
	testkit.Golden(t, exempelGolden, write(t, exempelReport(t), report.WriteOptions{ScriptSrc: report.ScriptFile}))
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

// TestWriteInlineCarriesScript checks that the default page carries the
// whole of echarts and that the shared variant refers to the file instead.
func TestWriteInlineCarriesScript(t *testing.T) {
	r := smallReport(t)
	inline := write(t, r, report.WriteOptions{})
	shared := write(t, r, report.WriteOptions{ScriptSrc: report.ScriptFile})
	if len(inline) < 1_000_000 {
		t.Errorf("inline page is %d bytes; it should carry echarts (about 1,1 MB)", len(inline))
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
