package workbook_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/summary"
	"github.com/kompass-dev/kompass/internal/testkit"
	"github.com/kompass-dev/kompass/internal/validate"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// libreOffice returns the path of soffice. Without it the round-trip tests
// are skipped locally but fail under CI=true, where it must be installed.
func libreOffice(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("soffice (LibreOffice) is not on PATH, and CI=true requires the LibreOffice round trip: %v", err)
		}
		t.Skip("soffice (LibreOffice) is not on PATH; skipping the LibreOffice round trip (it runs, and is required, under CI=true)")
	}
	return path
}

// convert opens a workbook in LibreOffice and saves it again as xlsx, the
// way an evaluator using LibreOffice Calc would. Each run has its own
// profile, so that parallel runs do not fight over the profile lock.
func convert(t *testing.T, soffice, in string) string {
	t.Helper()
	outDir, profile := t.TempDir(), t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice,
		"-env:UserInstallation="+(&url.URL{Scheme: "file", Path: filepath.ToSlash(profile)}).String(),
		"--headless", "--norestore", "--convert-to", "xlsx", "--outdir", outDir, in)
	cmd.Env = append(os.Environ(), "HOME="+profile)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	conv := filepath.Join(outDir, filepath.Base(in))
	if _, err := os.Stat(conv); err != nil {
		t.Fatalf("soffice wrote no %s: %v\n%s", conv, err, out)
	}
	return conv
}

// summaryJSON validates a workbook, requires it to be free of problems, and
// returns its summary as JSON without the file name.
func summaryJSON(t *testing.T, path string) []byte {
	t.Helper()
	res := validate.File(path, testkit.Registry(t))
	if res.Evaluation == nil || len(res.Problems) != 0 {
		t.Fatalf("%s: problems %v", path, res.Problems)
	}
	s := summary.Build(res.Evaluation)
	s.File = ""
	var buf bytes.Buffer
	if err := summary.JSON(&buf, s); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "file")
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestLibreOfficeRoundTrip(t *testing.T) {
	soffice := libreOffice(t)
	for _, tc := range []struct {
		name string
		ref  string
		fill func(t *testing.T, f *excelize.File)
	}{
		{
			name: "full",
			ref:  "kommunkompassen@2007",
			fill: func(t *testing.T, f *excelize.File) {
				w := testkit.Fill(t, f)
				w.Scores(umea2007)
				w.Score("2.1", "7,5") // typed as text with a decimal comma
				w.Score("5", 78.0)
				w.Score(evaluation.TotalID, 645.0)
				w.Comment("7.1", "Rättat från 25 till 15 – se rapporten, avsnitt 4.")
				w.Comment(evaluation.TotalID, "Summa enligt delfrågorna.")
				w.Fact(workbook.FactEvaluators, "Leif Eldås; Lena Tegenfeldt")
				w.Fact(workbook.FactSources, "SKL: Kommunkompassen. Analys av Umeå kommun")
				w.Note("1", string(evaluation.Strength), "Tydlig vision för kommunen")
				w.Note("1", string(evaluation.Improvement), "Öppnare redovisning av resultat")
			},
		},
		{
			name: "area level",
			ref:  "kommunkompassen@2020",
			fill: func(t *testing.T, f *excelize.File) {
				w := testkit.Fill(t, f)
				for i, v := range []float64{73, 75, 80, 83, 86, 82, 86, 83.5} {
					w.Score(strconv.Itoa(i+1), v)
				}
				w.Score(evaluation.TotalID, 648.5)
				w.Fact(workbook.FactKommun, "Vallentuna")
				w.Fact(workbook.FactYear, 2021)
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newTemplate(t, tc.ref)
			tc.fill(t, f)
			path := save(t, f)
			before := summaryJSON(t, path)
			conv := convert(t, soffice, path)
			after := summaryJSON(t, conv) // also: no problems after the round trip
			if !bytes.Equal(before, after) {
				t.Errorf("summary changed in the LibreOffice round trip\nbefore:\n%s\nafter:\n%s", before, after)
			}
			ev, _ := workbook.Read(conv)
			if tc.name == "full" && len(ev.Notes) != 2 {
				t.Errorf("notes after the round trip: %+v", ev.Notes)
			}
		})
	}
}

// TestLibreOfficeFixture reads a workbook saved once by LibreOffice Calc
// (evaluations/umea-2007.xlsx converted with soffice --convert-to xlsx), so
// that LibreOffice's way of writing xlsx stays covered without soffice.
func TestLibreOfficeFixture(t *testing.T) {
	path := "testdata/libreoffice-umea-2007.xlsx"
	res := validate.File(path, testkit.Registry(t))
	if res.Evaluation == nil || len(res.Problems) != 0 {
		t.Fatalf("problems %v", res.Problems)
	}
	ev := res.Evaluation
	if ev.Facts.Kommun != "Umeå" || ev.Facts.Year != 2007 || ev.Instrument.Ref() != "kommunkompassen@2007" {
		t.Errorf("facts %+v", ev.Facts)
	}
	tl := ev.Tally()
	if tl.Level != evaluation.LevelFull {
		t.Errorf("level %s, want full", tl.Level)
	}
	for i, a := range tl.Areas {
		if !a.Score.Valid || a.Score.Value.String() != umea2007Areas[i] {
			t.Errorf("area %s = %+v, want %s", a.ID, a.Score, umea2007Areas[i])
		}
	}
	if !tl.Score.Valid || tl.Score.Value.String() != "645" || !tl.Stated.Valid || tl.Stated.Value.String() != "645" {
		t.Errorf("total %+v (stated %+v), want 645", tl.Score, tl.Stated)
	}
	if q, ok := ev.Entry("2.1"); !ok || q.Score.String() != "7.5" {
		t.Errorf("2.1 = %+v, want 7.5", q)
	}
	if len(ev.Notes) == 0 {
		t.Error("no styrkor or förbättringsområden read")
	}
	// The same evaluation as the workbook kompass wrote.
	if a, b := summaryJSON(t, path), summaryJSON(t, "../../evaluations/umea-2007.xlsx"); !bytes.Equal(a, b) {
		t.Errorf("LibreOffice's copy summarises differently from evaluations/umea-2007.xlsx\n%s\n%s", a, b)
	}
}
