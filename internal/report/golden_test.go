package report_test

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/report"
)

const smallGolden = "testdata/small.golden.html"

// golden compares got with the file at path, or rewrites it with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/report -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (run go test ./internal/report -update and review the diff):\n%s", path, firstDiff(got, want))
	}
}

// firstDiff shows the first differing line of two outputs.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n--- got\n" + gl + "\n--- want\n" + wl
		}
	}
	return "(same lines; lengths differ)"
}

// TestGoldenSmall checks the whole page of Exempelkommun A 2007 with its
// group byte for byte. The page refers to echarts.min.js, as in
// kompass report --all, so that the golden file stays small; the inline
// script is covered by TestWriteDeterministic and the browser tests.
func TestGoldenSmall(t *testing.T) {
	r := smallReport(t)
	got := write(t, r, report.WriteOptions{ScriptSrc: report.ScriptFile})
	golden(t, smallGolden, got)
}

// TestWriteDeterministic builds and writes the same reports twice, with
// the script inline and shared, and expects the same bytes.
func TestWriteDeterministic(t *testing.T) {
	for _, c := range []struct {
		name string
		dir  string
		o    report.Options
	}{
		{"small", smallDir, report.Options{Kommun: kommunA, Year: 2007, Group: smallGroup}},
		{"hostile", hostileDir, report.Options{Kommun: hostileKommun, Year: 2007, Group: hostileGroup}},
		{"umea", evaluationsDir, report.Options{Kommun: "Umeå"}},
		{"vallentuna", evaluationsDir, report.Options{Kommun: "Vallentuna", Group: "Sverigesnitt 2021"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, wo := range []report.WriteOptions{{}, {ScriptSrc: report.ScriptFile}} {
				var sums [2][32]byte
				for i := range sums {
					// a fresh Build each time: the model must not depend on
					// map order or anything else that varies between runs
					s := loadSet(t, c.dir)
					r, err := report.Build(s, c.o)
					if err != nil {
						t.Fatal(err)
					}
					sums[i] = sha256.Sum256(write(t, r, wo))
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
