package workbook

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/instrument"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/sheet"
	"github.com/kompass-dev/kompass/internal/xlsx"
)

// Fact labels in column A of the Uppgifter sheet; facts says what each
// holds.
const (
	FactKommun      = "Kommun"
	FactYear        = "År"
	FactInstrument  = "Instrument"
	FactVersion     = "Version"
	FactKind        = "Avser"
	FactStatus      = "Status" // Utkast or Slutlig; a workbook without it is final
	FactAssessor    = "Bedömare"
	FactEvaluators  = "Utvärderare"
	FactDates       = "Datum"
	FactSources     = "Källor"
	FactInterviews  = "Antal intervjuer"
	FactInterviewed = "Intervjuade"
)

// fact is one row of the Uppgifter sheet: its label in column A, its value
// in B, the help in C. The one table facts holds every fact, how the
// template and a filled-in workbook write it from evaluation.Facts and how
// the reader takes it back.
type fact struct {
	label string
	help  string
	// helpAssessment, when given, is the help in one evaluator's own
	// workbook.
	helpAssessment string
	// input makes the value cell a yellow input cell.
	input bool
	// assessment: the row is only in one evaluator's own workbook.
	assessment bool
	// preset is the value the template writes, known when it is made (a
	// string, or an int as a number); nil for none.
	preset func(in *instrument.Instrument, f *evaluation.Facts, assessment bool) any
	// typed is what the evaluator types, written into a filled-in workbook
	// (a string, or an int as a number); nil for a fact the template
	// writes. An optional fact is written only when given.
	typed    func(f *evaluation.Facts) any
	optional bool
	// read takes the fact from its value cell.
	read func(f *evaluation.Facts, c factCell, pl *problem.List)
	// display: the value is read as the sheet shows it, a date as a
	// Swedish date ("13 mars 2025") and a number with a decimal comma
	// (sheet.Display), for text the report prints as it is.
	display bool
	// check adds the value cell's data validation.
	check func(f *excelize.File, ref string, assessment bool) error
}

// factCell is what the reader gives a fact of its value cell.
type factCell struct {
	v   string     // the text shown, its spaces folded
	raw string     // the text as stored
	at  problem.At // the cell, for a problem
}

// facts are the rows of the Uppgifter sheet, in their order.
var facts = []fact{
	{label: FactKommun, input: true, help: "Kommunens namn, t.ex. Umeå.", preset: presetKommun, read: readKommun},
	{label: FactYear, input: true, help: fmt.Sprintf("Utvärderingsåret, fyra siffror (%d–%d).", MinYear, MaxYear), preset: presetYear, read: readYear, check: checkYear},
	{label: FactInstrument, help: "Instrumentets id (ändras inte).", preset: presetInstrument, read: readInstrument},
	{label: FactVersion, help: "Instrumentets version (ändras inte).", preset: presetVersion, read: readVersion},
	{label: FactKind, input: true, help: kindHelp, helpAssessment: kindHelpAssessment, preset: presetKind, typed: typedKind, read: readKind, check: checkKind},
	{label: FactAssessor, input: true, assessment: true, help: "Bedömarens namn: vems bedömning arbetsboken är.", preset: presetAssessor, read: readAssessor},
	// A new workbook is a draft; a workbook without the row is final. The
	// evaluation's Status is written only when given.
	{label: FactStatus, input: true, optional: true, help: "Utkast tills utvärderingen är klar; välj Slutlig när poäng och text är färdiga att publicera. En rapport av ett utkast märks UTKAST på varje sida.",
		preset: presetStatus, typed: typedStatus, read: readStatus, check: checkStatus},
	textFact(FactEvaluators, "Utvärderarnas namn och organisation.", func(f *evaluation.Facts) *string { return &f.Evaluators }),
	textFact(FactDates, "När utvärderingen gjordes, t.ex. 19–21 september 2007.", func(f *evaluation.Facts) *string { return &f.Dates }),
	{label: FactSources, input: true, display: true, help: "Källor: rapport, webbadress, dokument.", typed: typedSources, read: readSources},
	// What is no whole number ≥ 0 the validator reports, from Raw.
	{label: FactInterviews, input: true, optional: true, help: "Frivilligt: hur många som intervjuades, ett heltal.", typed: typedInterviews, read: readInterviews, check: checkInterviews},
	optionalFact(textFact(FactInterviewed, "Frivilligt: vilka som intervjuades, t.ex. kommunstyrelsens ordförande, förvaltningschefer.", func(f *evaluation.Facts) *string { return &f.Interviewed })),
}

// textFact is a fact the evaluator types as text: written from the field
// and read into it as the cell shows it.
func textFact(label, help string, field func(f *evaluation.Facts) *string) fact {
	return fact{label: label, input: true, help: help, display: true,
		typed: func(f *evaluation.Facts) any { return *field(f) },
		read:  func(f *evaluation.Facts, c factCell, _ *problem.List) { *field(f) = c.v }}
}

// optionalFact is a fact written only when given.
func optionalFact(fa fact) fact {
	fa.optional = true
	return fa
}

func presetKommun(_ *instrument.Instrument, f *evaluation.Facts, _ bool) any      { return f.Kommun }
func presetYear(_ *instrument.Instrument, f *evaluation.Facts, _ bool) any        { return f.Year }
func presetInstrument(in *instrument.Instrument, _ *evaluation.Facts, _ bool) any { return in.ID }
func presetVersion(in *instrument.Instrument, _ *evaluation.Facts, _ bool) any    { return in.Version }
func presetAssessor(_ *instrument.Instrument, f *evaluation.Facts, _ bool) any    { return f.Assessor }

// presetKind is Avser as the template has it: kommun, or bedömning in one
// evaluator's own workbook.
func presetKind(_ *instrument.Instrument, _ *evaluation.Facts, assessment bool) any {
	if assessment {
		return string(evaluation.KindAssessment)
	}
	return string(evaluation.KindKommun)
}

func typedKind(f *evaluation.Facts) any   { return string(f.Kind) }
func typedStatus(f *evaluation.Facts) any { return string(f.Status) }

func presetStatus(_ *instrument.Instrument, _ *evaluation.Facts, _ bool) any {
	return string(evaluation.StatusDraft)
}

func readStatus(f *evaluation.Facts, c factCell, pl *problem.List) {
	at := c.at
	at.Expected = msg.T("Utkast or Slutlig")
	switch sheet.Norm(c.v) {
	case "slutlig", "slutgiltig":
		f.Status = evaluation.StatusFinal
	case "utkast":
		f.Status = evaluation.StatusDraft
	case "":
		// The row is there but empty: not known to be finished.
		f.Status = evaluation.StatusDraft
		pl.Warn(at, msg.T("Status is empty, so the evaluation counts as a draft (Utkast); choose Slutlig when it is finished"))
	default:
		f.Status = evaluation.StatusDraft
		at.Found = c.v
		pl.Error(at, msg.Sprintf("Status %q is neither Utkast nor Slutlig", problem.Short(c.v)))
	}
}

func checkStatus(f *excelize.File, ref string, _ bool) error {
	return sheet.List(f, SheetFacts, ref, []string{string(evaluation.StatusDraft), string(evaluation.StatusFinal)}, "Ogiltig status", "Välj Utkast eller Slutlig.")
}
func typedSources(f *evaluation.Facts) any    { return f.Sources }
func typedInterviews(f *evaluation.Facts) any { return f.Interviews }

// readKommun reads the name as written (NormName). A name of only
// invisible characters (a zero-width space, a byte order mark, a control
// character) is no name: it is recorded as empty, so that Kommun is
// reported empty rather than taken for a value the reader explained.
func readKommun(f *evaluation.Facts, c factCell, _ *problem.List) {
	f.Kommun = evaluation.NormName(c.v)
	f.Raw[FactKommun] = f.Kommun
}
func readInstrument(f *evaluation.Facts, c factCell, _ *problem.List) { f.InstrumentID = c.v }
func readVersion(f *evaluation.Facts, c factCell, _ *problem.List) {
	f.InstrumentVersion = strings.TrimSuffix(c.v, ".0")
}
func readAssessor(f *evaluation.Facts, c factCell, _ *problem.List) {
	f.Assessor = evaluation.NormName(c.v)
	f.Raw[FactAssessor] = f.Assessor
}
func readSources(f *evaluation.Facts, c factCell, _ *problem.List) {
	f.Sources = strings.TrimSpace(c.raw)
}
func readInterviews(f *evaluation.Facts, c factCell, _ *problem.List) {
	f.Interviews, _ = ParseInterviews(c.v)
}

// Avser in the template, and its help, for an evaluation and for one
// evaluator's own workbook.
const (
	kindHelp           = "\"kommun\" för en kommuns utvärdering, \"medelvärde\" för en publicerad jämförelseserie (t.ex. Sverigesnitt)."
	kindHelpAssessment = "\"bedömning\" för en bedömares egen arbetsbok, underlag för konsensus; \"kommun\" för kommunens utvärdering, \"medelvärde\" för en publicerad jämförelseserie."
)

// factsOf are the rows of the Uppgifter sheet of a workbook: one
// evaluator's own has the row Bedömare.
func factsOf(assessment bool) []fact {
	var out []fact
	for _, fa := range facts {
		if !fa.assessment || assessment {
			out = append(out, fa)
		}
	}
	return out
}

// isFilled says whether ev holds anything an evaluator types into the
// template: then Write fills in every fact the evaluator types, an
// empty one as an empty text, and not only what the template presets.
func isFilled(ev *evaluation.Evaluation) bool {
	if len(ev.Entries) > 0 || len(ev.Notes) > 0 || len(ev.Text) > 0 || len(ev.Tables) > 0 {
		return true
	}
	for _, fa := range facts {
		if fa.typed != nil && !isZero(fa.typed(&ev.Facts)) {
			return true
		}
	}
	return false
}

func isZero(v any) bool { return v == "" || v == 0 }

func readYear(f *evaluation.Facts, c factCell, pl *problem.List) {
	if c.v == "" {
		return
	}
	y, err := strconv.Atoi(strings.TrimSuffix(c.v, ".0"))
	if err != nil || y < MinYear || y > MaxYear {
		at := c.at
		at.Found, at.Expected = c.v, msg.T("a year such as 2007")
		pl.Error(at, msg.Sprintf("År %q is not a year", problem.Short(c.v)))
		return
	}
	f.Year = y
}

func readKind(f *evaluation.Facts, c factCell, pl *problem.List) {
	switch sheet.Norm(c.v) {
	case "", string(evaluation.KindKommun):
		f.Kind = evaluation.KindKommun
	case string(evaluation.KindMean), "medelvarde", "medel":
		f.Kind = evaluation.KindMean
	case string(evaluation.KindAssessment), "bedomning":
		f.Kind = evaluation.KindAssessment
	default:
		at := c.at
		at.Found, at.Expected = c.v, msg.T(`"kommun", "medelvärde" or "bedömning"`)
		pl.Error(at, msg.Sprintf("Avser %q is neither kommun, medelvärde nor bedömning", problem.Short(c.v)))
	}
}

func checkYear(f *excelize.File, ref string, _ bool) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = ref
	if err := dv.SetRange(MinYear, MaxYear, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween); err != nil {
		return err
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, "Ogiltigt år", fmt.Sprintf("Skriv året med fyra siffror, från %d till %d, t.ex. 2007.", MinYear, MaxYear))
	return f.AddDataValidation(SheetFacts, dv)
}

func checkInterviews(f *excelize.File, ref string, _ bool) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = ref
	if err := dv.SetRange(0, 0, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorGreaterThanOrEqual); err != nil {
		return err
	}
	dv.Formula2 = "" // ≥ 0 has one bound
	dv.SetError(excelize.DataValidationErrorStyleStop, "Ogiltigt antal", "Skriv antalet intervjuer som ett heltal, t.ex. 24. Lämna tomt om det inte ska anges.")
	return f.AddDataValidation(SheetFacts, dv)
}

func checkKind(f *excelize.File, ref string, assessment bool) error {
	if assessment {
		return sheet.List(f, SheetFacts, ref, []string{string(evaluation.KindKommun), string(evaluation.KindMean), string(evaluation.KindAssessment)},
			"Ogiltigt värde", "Välj \"kommun\", \"medelvärde\" eller \"bedömning\".")
	}
	return sheet.List(f, SheetFacts, ref, []string{string(evaluation.KindKommun), string(evaluation.KindMean)}, "Ogiltigt värde", "Välj \"kommun\" eller \"medelvärde\".")
}

// writeFacts writes the Uppgifter sheet of the template: every fact's
// label, its preset value and its help, and the data validation of each.
func writeFacts(f *excelize.File, st sheet.Styles, in *instrument.Instrument, ev *evaluation.Evaluation, assessment bool) error {
	rows := factsOf(assessment)
	cells := make([]sheet.Fact, len(rows))
	for i, fa := range rows {
		cells[i] = sheet.Fact{Label: fa.label, Help: fa.help, Input: fa.input}
		if fa.preset != nil {
			cells[i].Value = fa.preset(in, &ev.Facts, assessment)
		}
		if assessment && fa.helpAssessment != "" {
			cells[i].Help = fa.helpAssessment
		}
	}
	if err := sheet.WriteFacts(f, st, SheetFacts, cells, 16, 50, 70); err != nil {
		return err
	}
	for i, fa := range rows {
		if fa.check != nil {
			if err := fa.check(f, sheet.Cell(2, i+2), assessment); err != nil {
				return err
			}
		}
	}
	return nil
}

// fillFacts writes what the evaluator types into the value cells of the
// facts, found by their label: a text as text, a number as a number, as
// Excel stores one typed.
func fillFacts(f *excelize.File, ev *evaluation.Evaluation) error {
	typed := map[string]any{}
	for _, fa := range facts {
		if fa.typed == nil {
			continue
		}
		if v := fa.typed(&ev.Facts); !fa.optional || !isZero(v) {
			typed[fa.label] = v
		}
	}
	rows, err := f.GetRows(SheetFacts)
	if err != nil {
		return err
	}
	for r, row := range rows {
		if len(row) == 0 {
			continue
		}
		v, ok := typed[row[0]]
		if !ok {
			continue
		}
		ref := "B" + strconv.Itoa(r+1)
		switch v := v.(type) {
		case int:
			err = f.SetCellInt(SheetFacts, ref, int64(v))
		default:
			err = f.SetCellStr(SheetFacts, ref, fmt.Sprint(v))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// readFacts reads the Uppgifter sheet: each fact from the row with its
// label in column A, wherever it stands.
func readFacts(f *xlsx.File, ev *evaluation.Evaluation, pl *problem.List) {
	ev.Facts.Cells = map[string]string{}
	ev.Facts.Raw = map[string]string{}
	sh, rs, ok := sheet.Rows(f, SheetFacts, pl)
	if !ok {
		return
	}
	byLabel := map[string]fact{}
	for _, fa := range facts {
		byLabel[sheet.Norm(fa.label)] = fa
	}
	for _, row := range rs {
		fa, ok := byLabel[sheet.Norm(row.At(1))]
		if !ok {
			continue
		}
		label, c := fa.label, sheet.Cell(2, row.N)
		if _, dup := ev.Facts.Cells[label]; dup {
			pl.Error(problem.At{Sheet: SheetFacts, Cell: sheet.Cell(1, row.N), Found: label, Expected: msg.Sprintf("one row %s", label)}, msg.Sprintf("%s is given twice (first at %s)", label, ev.Facts.Cells[label]))
			continue
		}
		ev.Facts.Cells[label] = c
		if formula := sheet.Formula(sh, 2, row.N); formula != "" {
			pl.Error(problem.At{Sheet: SheetFacts, Cell: c, Found: formula, Expected: msg.T("a value")}, msg.Sprintf("%s holds a formula; type the value itself", label))
			continue
		}
		shown, raw := sheet.Shown(sh, 2, row.N), row.At(2)
		if fa.display {
			shown = sheet.Display(f, sh, 2, row.N)
			raw = shown
		}
		v := strings.Join(strings.Fields(shown), " ")
		ev.Facts.Raw[label] = v
		fa.read(&ev.Facts, factCell{v: v, raw: raw, at: problem.At{Sheet: SheetFacts, Cell: c}}, pl)
	}
	if ev.Facts.Kind == "" {
		ev.Facts.Kind = evaluation.KindKommun
	}
}
