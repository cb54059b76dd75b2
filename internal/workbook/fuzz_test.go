package workbook

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// parts returns the parts of a shipped workbook by name.
func parts(t testing.TB, path string) (names []string, content map[string][]byte) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	content = map[string][]byte{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		names = append(names, zf.Name)
		content[zf.Name] = b
	}
	return names, content
}

// FuzzRead replaces the facts, score and notes sheets and the shared
// strings of a real workbook with fuzzed XML and reads the result. Read must
// never panic, must not touch the file, and every problem must name the
// file; an evaluation it returns has each entry at a cell.
func FuzzRead(f *testing.F) {
	names, content := parts(f, "../../evaluations/umea-2007.xlsx")
	f.Add(string(content["xl/worksheets/sheet2.xml"]), string(content["xl/worksheets/sheet3.xml"]), string(content["xl/worksheets/sheet4.xml"]), string(content["xl/sharedStrings.xml"]))
	_, lo := parts(f, "testdata/libreoffice-umea-2007.xlsx")
	f.Add(string(lo["xl/worksheets/sheet2.xml"]), string(lo["xl/worksheets/sheet3.xml"]), string(lo["xl/worksheets/sheet4.xml"]), string(lo["xl/sharedStrings.xml"]))
	_, del := parts(f, "testdata/libreoffice-deleted-row-poang.xlsx")
	f.Add(string(del["xl/worksheets/sheet2.xml"]), string(del["xl/worksheets/sheet3.xml"]), string(del["xl/worksheets/sheet4.xml"]), string(del["xl/sharedStrings.xml"]))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, facts, scores, notes, sst string) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, name := range names {
			w, _ := zw.Create(name)
			switch name {
			case "xl/worksheets/sheet2.xml":
				io.WriteString(w, facts)
			case "xl/worksheets/sheet3.xml":
				io.WriteString(w, scores)
			case "xl/worksheets/sheet4.xml":
				io.WriteString(w, notes)
			case "xl/sharedStrings.xml":
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
		ev, probs := Read(path)
		after, _ := os.ReadFile(path)
		if !bytes.Equal(after, buf.Bytes()) {
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
		if ev == nil {
			return
		}
		for _, en := range ev.Entries {
			if en.ID == "" || en.Cell == "" || en.Row < 1 {
				t.Fatalf("entry without id or cell: %+v", en)
			}
		}
	})
}
