package hostile

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
	"github.com/kompass-dev/kompass/internal/validate"
)

// libreOfficeAboveMax makes the base workbook with 7.1 = 25 (maxpoäng 20)
// and saves it again with LibreOffice Calc, the way an evaluator using
// LibreOffice would. It needs soffice, and runs only under -update when the
// committed file is missing.
func libreOfficeAboveMax(t testing.TB) []byte {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatalf("making workbook/libreoffice-above-max.xlsx needs soffice (LibreOffice): %v", err)
	}
	in := filepath.Join(t.TempDir(), "exempelkommun-a-2025.xlsx")
	check(t, os.WriteFile(in, workbookWith(t, func(f *excelize.File) {
		setScore("7.1", 25.0)(t)(f)
	}), 0o644))
	calc := testkit.NewCalc(t)
	out := calc.Convert(in)
	calc.Run(t, soffice)
	data, err := os.ReadFile(out)
	check(t, err)
	return data
}

// verifyLibreOffice checks that the file was written by LibreOffice and
// holds the score above maxpoäng.
func verifyLibreOffice(t testing.TB, data []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	check(t, err)
	app := ""
	for _, zf := range zr.File {
		if zf.Name == "docProps/app.xml" {
			rc, err := zf.Open()
			check(t, err)
			b, _ := io.ReadAll(rc)
			rc.Close()
			app = string(b)
		}
	}
	if !strings.Contains(app, "LibreOffice") {
		t.Errorf("docProps/app.xml does not name LibreOffice as the application: %.200s", app)
	}
	path := filepath.Join(t.TempDir(), "lo.xlsx")
	check(t, os.WriteFile(path, data, 0o644))
	r := validate.File(path, testbase.Registry(t))
	found := false
	for _, p := range r.Problems {
		if p.ID == "7.1" && p.Cell == "D37" && p.Found == "25" { // above maxpoäng 20, in any language
			found = true
		}
	}
	if r.Evaluation == nil || r.Evaluation.Facts.Kommun != kommunA || !found {
		t.Errorf("LibreOffice's workbook: evaluation %v, problems %v; want %s with 7.1 above maxpoäng", r.Evaluation != nil, r.Problems, kommunA)
	}
}
