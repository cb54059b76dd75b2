package testkit

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/problem"
)

// Parts are the files inside a workbook (a zip), in order, for fuzz
// targets that replace some of them.
type Parts struct {
	Names   []string
	Content map[string][]byte
}

// ReadParts reads the parts of the workbook at path.
func ReadParts(t testing.TB, path string) Parts {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	p := Parts{Content: map[string][]byte{}}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		p.Names = append(p.Names, zf.Name)
		p.Content[zf.Name] = b
	}
	return p
}

// Strings are the parts named, as strings: a fuzz target's seed.
func (p Parts) Strings(names ...string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = string(p.Content[n])
	}
	return out
}

// WriteWith writes the workbook into dir as fuzz.xlsx with the parts
// named in replace (name → content) replaced, and returns its path and
// bytes.
func (p Parts) WriteWith(t testing.TB, dir string, replace map[string]string) (string, []byte) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range p.Names {
		w, _ := zw.Create(name)
		if s, ok := replace[name]; ok {
			io.WriteString(w, s)
		} else {
			w.Write(p.Content[name])
		}
	}
	zw.Close()
	path := filepath.Join(dir, "fuzz.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, buf.Bytes()
}

// CheckRead fails a fuzz run when a reader changed the file it read
// (data is what was written), or reported a problem that does not name the
// file, has no message, or tells of a panic it recovered from.
func CheckRead(t testing.TB, path string, data []byte, probs []problem.Problem) {
	t.Helper()
	if after, _ := os.ReadFile(path); !bytes.Equal(after, data) {
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
}
