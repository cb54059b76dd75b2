package workbook_test

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// newTemplate makes the template of an instrument for Umeå 2007.
func newTemplate(t testing.TB, ref string) *excelize.File {
	t.Helper()
	return testkit.Template(t, ref, evaluation.Facts{Kommun: "Umeå", Year: 2007})
}

// umea2007Areas are the areas of testkit.Umea2007Questions (Umeå 2007 as
// shipped in evaluations/), added up.
var umea2007Areas = []string{"73", "79.5", "79", "84.5", "78", "78", "75", "98"}

// write writes an evaluation made with a built-in instrument
// (workbook.Write) and returns the bytes.
func write(t testing.TB, ref string, ev *evaluation.Evaluation) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := workbook.Write(&buf, testbase.Instrument(t, ref), ev); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// save writes the workbook to a new file and returns its path.
func save(t testing.TB, f *excelize.File) string {
	t.Helper()
	return writeFile(t, "eval.xlsx", testkit.Bytes(t, f))
}

func writeFile(t testing.TB, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func hashFile(t testing.TB, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

// read reads a workbook with workbook.Read and checks that Read left the
// file byte for byte as it was.
func read(t testing.TB, path string) (*evaluation.Evaluation, []problem.Problem) {
	t.Helper()
	before := hashFile(t, path)
	ev, probs := workbook.Read(path)
	if hashFile(t, path) != before {
		t.Errorf("workbook.Read modified %s", path)
	}
	return ev, probs
}

// zipParts returns the parts of an xlsx package.
func zipParts(t testing.TB, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[zf.Name] = string(b)
	}
	return out
}

// sheetPart returns the package part that holds a sheet, following
// xl/workbook.xml and its relationships.
func sheetPart(t testing.TB, parts map[string]string, sheet string) string {
	t.Helper()
	m := regexp.MustCompile(`<sheet [^>]*name="` + regexp.QuoteMeta(sheet) + `"[^>]*r:id="([^"]+)"`).FindStringSubmatch(parts["xl/workbook.xml"])
	if m == nil {
		t.Fatalf("no sheet %q in xl/workbook.xml", sheet)
	}
	for _, rel := range regexp.MustCompile(`<Relationship [^>]*>`).FindAllString(parts["xl/_rels/workbook.xml.rels"], -1) {
		if strings.Contains(rel, `Id="`+m[1]+`"`) {
			target := regexp.MustCompile(`Target="([^"]+)"`).FindStringSubmatch(rel)[1]
			return "xl/" + strings.TrimPrefix(strings.TrimPrefix(target, "/xl/"), "xl/")
		}
	}
	t.Fatalf("no relationship %s", m[1])
	return ""
}

// patchCell replaces the XML element of one cell of a sheet in an xlsx
// package, for what excelize cannot write (cached formula values, error
// cells). The cell must exist.
func patchCell(t testing.TB, data []byte, sheet, ref, element string) []byte {
	t.Helper()
	parts := zipParts(t, data)
	name := sheetPart(t, parts, sheet)
	re := regexp.MustCompile(`<c r="` + ref + `"(?:[^>]*/>|[^>]*>.*?</c>)`)
	if !re.MatchString(parts[name]) {
		t.Fatalf("no cell %s in %s", ref, name)
	}
	parts[name] = re.ReplaceAllLiteralString(parts[name], element)
	return rezip(t, data, parts)
}

// rezip writes the parts back in the order of the original package.
func rezip(t testing.TB, orig []byte, parts map[string]string) []byte {
	t.Helper()
	return rezipWith(t, orig, parts)
}

// rezipWith is rezip with more parts, written after the original ones.
func rezipWith(t testing.TB, orig []byte, parts map[string]string, more ...string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(orig), int64(len(orig)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, parts[zf.Name]); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range more {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, parts[name]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
