package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/testkit"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// TestScriptsLibreOffice runs testdata/script-libreoffice/*.txtar: the
// scripts that need workbooks as LibreOffice saves them (issue 19), made by
// the template, filled, then opened and saved by LibreOffice Calc in the
// Swedish locale, all in one soffice run, and copied into each script's
// lo/ folder:
//
//	text-score.xlsx  Exempelkommun L 2025, every delfråga scored, 3.1 pasted
//	                 as the text "22.5" (what Swedish Calc keeps of a
//	                 number typed with a point); Calc computed the Summa
//	                 formulas, so the file holds the sheet's own totals.
//	shown.xlsx       Exempelkommun S 2025 (kommunkompassen@2010): Datum
//	                 typed as a date (13 mars 2025), a table on Tabeller
//	                 with a share shown as 34,00 %, a rate 6,1 and an
//	                 inhabitants count 1 234 567.
//
// It runs beside TestScripts (t.Parallel), so that LibreOffice's start is
// not added to the scripts' time; -short skips it.
func TestScriptsLibreOffice(t *testing.T) {
	soffice := testkit.LibreOffice(t) // skips under -short
	t.Parallel()
	src := t.TempDir()
	calc := testkit.NewCalc(t)
	calc.Locale = "sv-SE"
	var saved string
	for _, fx := range []struct {
		name string
		make func(t *testing.T) *excelize.File
	}{{"text-score.xlsx", textScoreWorkbook}, {"shown.xlsx", shownWorkbook}} {
		p := filepath.Join(src, fx.name)
		if err := os.WriteFile(p, testkit.Bytes(t, fx.make(t)), 0o644); err != nil {
			t.Fatal(err)
		}
		saved = calc.Convert(p)
	}
	calc.Run(t, soffice)
	testscript.Run(t, scriptParams(filepath.Join("testdata", "script-libreoffice"), func(env *testscript.Env) error {
		return copyWorkbooks(filepath.Dir(saved), filepath.Join(env.WorkDir, "lo"))
	}))
}

func textScoreWorkbook(t *testing.T) *excelize.File {
	f := testkit.Template(t, "kommunkompassen@2007", evaluation.Facts{Kommun: "Exempelkommun L", Year: 2025})
	w := testkit.Fill(t, f)
	w.Scores(testkit.Umea2007Questions(t)) // fictional here: Exempelkommun L
	w.Score("3.1", "22.5")
	w.Fact(workbook.FactStatus, "Slutlig")
	w.Fact(workbook.FactSources, "Fiktiva poäng för kompass tester; ingen verklig kommun.")
	return f
}

func shownWorkbook(t *testing.T) *excelize.File {
	f := testkit.Template(t, "kommunkompassen@2010", evaluation.Facts{Kommun: "Exempelkommun S", Year: 2025})
	w := testkit.Fill(t, f)
	for i, v := range []float64{60, 58, 58, 58, 59, 59, 59, 59} {
		w.Score(string(rune('1'+i)), v)
	}
	w.Fact(workbook.FactStatus, "Slutlig")
	w.Fact(workbook.FactSources, "Fiktiva poäng för kompass tester; ingen verklig kommun.")
	w.Table("Bakgrund", "Tabell 1 Nyckeltal", []string{"Mått", "Värde"}, []string{"Andel nöjda", "x"}, []string{"Skattesats", "x"}, []string{"Invånare", "x"})
	// The date and the numbers as Calc keeps them when they are typed: a
	// number, formatted.
	style := func(code string) int {
		s, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	set := func(sheet, cell string, v float64, st int) {
		if err := f.SetCellFloat(sheet, cell, v, -1, 64); err != nil {
			t.Fatal(err)
		}
		if st != 0 {
			if err := f.SetCellStyle(sheet, cell, cell, st); err != nil {
				t.Fatal(err)
			}
		}
	}
	date := time.Date(2025, 3, 13, 0, 0, 0, 0, time.UTC).Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24
	set(workbook.SheetFacts, w.FactCell(workbook.FactDates), date, style("d mmmm yyyy"))
	// the per cent button's format (Calc in Swedish writes it "0.00\ %")
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 10})
	if err != nil {
		t.Fatal(err)
	}
	set(workbook.SheetTables, "B3", 0.34, pct)
	set(workbook.SheetTables, "B4", 6.1, 0)
	set(workbook.SheetTables, "B5", 1234567, style("#,##0"))
	return f
}
