package workbook_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/kompass-dev/kompass/internal/evaluation"
)

// TestWrittenByPrograms reads evaluations/umea-2007.xlsx as openpyxl and
// xlsxwriter write it (testdata/numeric-ids.py): every id and the Version
// a number, so that 8.2 is stored as 8.199999999999999. The ids are the
// ones the cells show, and the evaluation is the shipped one (but for the
// corrections, which these copies, older than the column Motivering i
// rapporten, hold in Kommentar: not published, with a warning).
func TestWrittenByPrograms(t *testing.T) {
	want := withoutComments(t, summaryJSON(t, "../../evaluations/umea-2007.xlsx"))
	for _, file := range []string{"numeric-ids-openpyxl.xlsx", "numeric-ids-xlsxwriter.xlsx"} {
		t.Run(file, func(t *testing.T) {
			path := filepath.Join("testdata", file)
			if got := summaryJSON(t, path, "Poäng!F1"); !bytes.Equal(got, want) {
				t.Errorf("%s summarises differently from evaluations/umea-2007.xlsx\n%s\n%s", path, got, want)
			}
			ev, _ := read(t, path)
			if en, ok := ev.Entry("8.2"); !ok || en.IDCell != "A44" {
				t.Errorf("8.2 = %+v, %v; want the row of A44", en, ok)
			}
			if ev.Facts.InstrumentVersion != "2007" {
				t.Errorf("Version %q, want 2007", ev.Facts.InstrumentVersion)
			}
		})
	}
}

// TestEscapedText reads the förbättringsområde that numeric-ids.py adds to
// xlsxwriter's copy: xlsxwriter writes its line break as _x000D_ and the
// characters "_x000D_" as _x005F_x000D_, and both read as typed.
func TestEscapedText(t *testing.T) {
	ev, _ := read(t, filepath.Join("testdata", "numeric-ids-xlsxwriter.xlsx"))
	last := ev.Notes[len(ev.Notes)-1]
	want := "Första raden\r\nandra raden; _x000D_ är inga radbrytningar"
	if last.Area != "8" || last.Kind != evaluation.Improvement || last.Text != want {
		t.Errorf("last note %+v, want a förbättringsområde of area 8 with the text %q", last, want)
	}
}
