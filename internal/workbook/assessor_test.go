package workbook_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// TestAssessorTemplate: the template of one evaluator's own workbook says
// whose it is, and the reader reads it back as a bedömning.
func TestAssessorTemplate(t *testing.T) {
	f := testkit.Template(t, "kommunkompassen@2007", evaluation.Facts{Kommun: "Umeå", Year: 2007, Assessor: "Anna Exempelsson"})
	fill := testkit.Fill(t, f)
	kindCell, assessorCell := fill.FactCell(workbook.FactKind), fill.FactCell(workbook.FactAssessor)
	if kindCell != "B6" || assessorCell != "B7" {
		t.Errorf("Avser at %s, Bedömare at %s; want B6 and B7", kindCell, assessorCell)
	}
	dvs, err := f.GetDataValidations(workbook.SheetFacts)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(dvs, func(dv *excelize.DataValidation) bool { return dv.Sqref == kindCell })
	if i < 0 || !strings.Contains(dvs[i].Formula1, "bedömning") {
		t.Errorf("Avser: the list does not offer bedömning (%+v)", dvs)
	}
	if props, err := f.GetDocProps(); err != nil || props.Title != "Kommunkompassen – Umeå 2007 – bedömning av Anna Exempelsson" {
		t.Errorf("title %q (%v)", props.Title, err)
	}
	instr, err := f.GetRows(workbook.SheetInstructions)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(instr, func(row []string) bool { return len(row) > 0 && strings.Contains(row[0], "kompass consensus") }) {
		t.Error("the instructions do not say how the bedömningar become one")
	}

	ev, probs := read(t, save(t, f))
	if ev.Facts.Kind != evaluation.KindAssessment || ev.Facts.Assessor != "Anna Exempelsson" || ev.Facts.Cells[workbook.FactAssessor] != "B7" {
		t.Errorf("facts %+v (problems %v)", ev.Facts, probs)
	}

	// Avser typed without ö, and a name with stray spaces.
	fill.Fact(workbook.FactKind, " Bedomning ")
	fill.Fact(workbook.FactAssessor, "  Bertil   Exempelsson ")
	ev, _ = read(t, save(t, f))
	if ev.Facts.Kind != evaluation.KindAssessment || ev.Facts.Assessor != "Bertil Exempelsson" {
		t.Errorf("Avser %q, Bedömare %q", ev.Facts.Kind, ev.Facts.Assessor)
	}
}

// TestTemplateAbout: the program that fills a workbook in may end the
// instructions with what it has to say about it.
func TestTemplateAbout(t *testing.T) {
	f, err := workbook.Build(testbase.Instrument(t, "kommunkompassen@2007"), &evaluation.Evaluation{Facts: evaluation.Facts{Kommun: "Umeå", Year: 2007}},
		workbook.Extra{About: []string{"Första raden.", "Andra raden."}})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(workbook.SheetInstructions)
	if err != nil {
		t.Fatal(err)
	}
	var last []string
	for _, r := range rows[len(rows)-3:] {
		last = append(last, strings.Join(r, ""))
	}
	if want := []string{"Om den här arbetsboken", "Första raden.", "Andra raden."}; !slices.Equal(last, want) {
		t.Errorf("the instructions end %q, want %q", last, want)
	}
}
