package plan_test

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/plan"
)

// FuzzRead replaces the sheets Uppgifter and Åtgärdsplan and the shared
// strings of a real plan with fuzzed XML and reads the result. Read must
// never panic (nor recover from one), must not touch the file, and every
// problem must name the file.
func FuzzRead(f *testing.F) {
	data, err := os.ReadFile(writePlan(f, readEvaluation(f, umea2007), plan.Options{}))
	if err != nil {
		f.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		f.Fatal(err)
	}
	content := map[string][]byte{}
	var names []string
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			f.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		names = append(names, zf.Name)
		content[zf.Name] = b
	}
	const factsPart, planPart, sstPart = "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/sharedStrings.xml"
	f.Add(string(content[factsPart]), string(content[planPart]), string(content[sstPart]))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, facts, sheet, sst string) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, name := range names {
			w, _ := zw.Create(name)
			switch name {
			case factsPart:
				io.WriteString(w, facts)
			case planPart:
				io.WriteString(w, sheet)
			case sstPart:
				io.WriteString(w, sst)
			default:
				w.Write(content[name])
			}
		}
		zw.Close()
		path := filepath.Join(dir, "fuzz.xlsx")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		_, probs := plan.Read(path)
		if after, _ := os.ReadFile(path); !bytes.Equal(after, buf.Bytes()) {
			t.Fatal("Read changed the file")
		}
		for _, p := range probs {
			if p.File != path || p.Message == "" {
				t.Fatalf("problem without file or message: %+v", p)
			}
			if strings.Contains(p.Message, "internal error") {
				t.Fatalf("Read recovered from a panic: %s", p.Message)
			}
		}
	})
}
