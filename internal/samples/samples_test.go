package samples

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/kompass-dev/kompass/internal/instrument"
)

var update = flag.Bool("update", false, "rewrite evaluations/ and testdata/as-published/ from the transcriptions")

const (
	shippedDir     = "../../evaluations"
	asPublishedDir = "../../testdata/as-published"
)

// TestWorkbooksUpToDate checks that the committed sample workbooks are
// exactly what the transcriptions in this package produce, so the data in
// the repository cannot drift from its documented source.
func TestWorkbooksUpToDate(t *testing.T) {
	reg, err := instrument.NewRegistry("")
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range []struct {
		dir     string
		samples []Sample
	}{{shippedDir, Shipped()}, {asPublishedDir, AsPublished()}} {
		for _, s := range set.samples {
			want, err := Workbook(reg, s)
			if err != nil {
				t.Fatal(err)
			}
			again, _ := Workbook(reg, s)
			if !bytes.Equal(want, again) {
				t.Fatalf("%s: two builds differ; workbook output is not deterministic", s.File)
			}
			path := filepath.Join(set.dir, s.File)
			if *update {
				if err := os.MkdirAll(set.dir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, want, 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/samples -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the transcription in internal/samples; run go test ./internal/samples -update", path)
			}
		}
	}
}
