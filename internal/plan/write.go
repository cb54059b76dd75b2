package plan

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/instrument"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/sheet"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// Options shape a plan workbook.
type Options struct {
	// Occasions are the reporting occasions, in time order; none: the
	// default ones (Occasions(year, 0, nil)).
	Occasions []Occasion
}

// Write writes the plan workbook of an evaluation to w (Workbook, then
// sheet.Save).
func Write(w io.Writer, ev *evaluation.Evaluation, in *instrument.Instrument, opts Options) error {
	f, err := Workbook(ev, in, opts)
	if err != nil {
		return err
	}
	defer f.Close()
	return sheet.Save(w, f)
}

// Workbook builds the åtgärdsplan of an evaluation made with the
// instrument: one row per förbättringsområde (plan.Refs), with the area's
// score and maxpoäng, yellow input columns for the åtgärd and a Status and
// Kommentar column per reporting occasion. The same evaluation and options
// give the same bytes.
func Workbook(ev *evaluation.Evaluation, in *instrument.Instrument, opts Options) (*excelize.File, error) {
	byRef, refs := Refs(ev)
	if len(refs) == 0 {
		return nil, msg.Errorf("%s has no förbättringsområden, so there is nothing to plan", ev.Label())
	}
	occ := opts.Occasions
	if len(occ) == 0 {
		var err error
		if occ, err = Occasions(ev.Facts.Year, 0, nil); err != nil {
			return nil, err
		}
	}
	f, st, err := sheet.NewFile(SheetOrder...)
	if err != nil {
		return nil, err
	}
	date, err := f.NewStyle(&excelize.Style{
		Font:         &excelize.Font{Family: "Calibri", Size: 11},
		Border:       sheet.Border(),
		Fill:         excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{sheet.InputFill}},
		Protection:   &excelize.Protection{Locked: false},
		Alignment:    &excelize.Alignment{Vertical: "top"},
		CustomNumFmt: ptr("yyyy-mm-dd"),
	})
	if err != nil {
		return nil, err
	}
	scored := *ev
	scored.Instrument = in
	w := writer{f: f, st: st, date: date, ev: &scored, in: in, occ: occ, byRef: byRef, refs: refs}
	steps := []struct {
		sheet string
		write func() error
	}{
		{SheetInstructions, w.instructions},
		{SheetFacts, w.facts},
		{SheetPlan, w.plan},
	}
	for _, step := range steps {
		if err := step.write(); err != nil {
			return nil, msg.Errorf("the sheet %s: %w", step.sheet, err)
		}
	}
	f.SetActiveSheet(0)
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator:     "kompass",
		Title:       fmt.Sprintf("Åtgärdsplan – %s %d", ev.Facts.Kommun, ev.Facts.Year),
		Language:    "sv-SE",
		Created:     "2000-01-01T00:00:00Z",
		Modified:    "2000-01-01T00:00:00Z",
		Description: "Åtgärdsplan skapad av kompass för " + in.Ref(),
	}); err != nil {
		return nil, err
	}
	return f, nil
}

func ptr[T any](v T) *T { return &v }

type writer struct {
	f     *excelize.File
	st    sheet.Styles
	date  int
	ev    *evaluation.Evaluation
	in    *instrument.Instrument
	occ   []Occasion
	byRef map[string]evaluation.Note
	refs  []string
}

// instructionLines are the lines of the Instruktioner sheet; a line
// starting with "# " is a heading.
func (w *writer) instructionLines() []string {
	first, last := w.occ[0].Label, w.occ[len(w.occ)-1].Label
	var labels []string
	for _, s := range Statuses {
		labels = append(labels, string(s))
	}
	return []string{
		fmt.Sprintf("# Åtgärdsplan – %s %d", w.ev.Facts.Kommun, w.ev.Facts.Year),
		fmt.Sprintf("Planen bygger på förbättringsområdena i Kommunkompassens utvärdering av %s %d (%s, version %s). Här bestämmer kommunen vad som ska göras åt varje förbättringsområde, vem som ansvarar och när det ska vara klart, och följer sedan upp arbetet vid varje rapporteringstillfälle fram till nästa utvärdering.", w.ev.Facts.Kommun, w.ev.Facts.Year, w.in.Name, w.in.Version),
		"",
		"# Så fyller du i planen",
		"1. Åtgärdsplan: varje rad är ett förbättringsområde från utvärderingen. Ref (t.ex. 5.F2 = huvudområde 5, förbättringsområde 2) knyter raden till utvärderingen; Område, Förbättringsområde, Poäng och Maxpoäng är hämtade därifrån och låsta.",
		"2. Skriv i de gula kolumnerna: Åtgärd (vad som ska göras), Ansvarig (vem), Klart senast (ett datum, t.ex. 2008-06-30) och Koppling till mål (vilket mål i kommunens styrning åtgärden hör till).",
		"3. Flera åtgärder för samma förbättringsområde: infoga en rad under förbättringsområdets rad (högerklicka på radnumret och välj Infoga) och skriv samma Ref i kolumnen Ref. Varje rad är en åtgärd.",
		fmt.Sprintf("4. Uppföljning: för varje rapporteringstillfälle (%s till %s) finns kolumnerna Status och Kommentar. Välj status i listan och skriv gärna en kommentar om läget.", first, last),
		fmt.Sprintf("   Status är en av: %s. Lämna cellen tom för ett tillfälle som inte är rapporterat ännu.", strings.Join(labels, ", ")),
		"   Genomförd: åtgärden är klar. Delvis genomförd: en del är gjort. Ej genomförd: åtgärden blev inte av. Ej påbörjad: arbetet har inte börjat.",
		"5. Kontrollera: kör  kompass validate <fil>  – programmet kontrollerar att varje Ref finns i utvärderingen, att datum är datum och att varje status finns i listan, och visar blad och cell för det som är fel.",
		"6. Sammanställ: kör  kompass follow-up --kommun <kommun>  – programmet räknar per huvudområde hur många åtgärder som är genomförda, delvis genomförda och inte genomförda, och vilka som är försenade.",
		"",
		"# Bra att veta",
		"Alla celler utom de gula är låsta för att skydda planen. Skyddet har inget lösenord: Granska → Ta bort skydd i Excel, Verktyg → Skydda blad i LibreOffice, om något måste ändras.",
		"Raderna hittas via Ref och kolumnerna via rubrikerna, inte via sin plats: rader får infogas och sorteras (ta då först bort skyddet), men ändra inte rubrikerna och Ref-värdena.",
		"Vid utskrift upprepas kolumnerna Ref, Område och Förbättringsområde på varje sida; uppföljningskolumnerna skrivs ut på följande sidor.",
	}
}

func (w *writer) instructions() error {
	f, sh := w.f, SheetInstructions
	lines := w.instructionLines()
	if err := f.SetColWidth(sh, "A", "A", 110); err != nil {
		return err
	}
	for i, l := range lines {
		c := sheet.Cell(1, i+1)
		style := w.st.Instr
		if rest, ok := strings.CutPrefix(l, "# "); ok {
			l, style = rest, w.st.InstrHead
		}
		if i == 0 {
			style = w.st.Title
		}
		if err := sheet.FirstErr(f.SetCellStr(sh, c, l), f.SetCellStyle(sh, c, c, style)); err != nil {
			return err
		}
	}
	if err := f.SetSheetDimension(sh, fmt.Sprintf("A1:A%d", len(lines))); err != nil {
		return err
	}
	return sheet.Protect(f, sh)
}

func (w *writer) facts() error {
	return sheet.WriteFacts(w.f, w.st, SheetFacts, []sheet.Fact{
		{Label: workbook.FactKommun, Value: w.ev.Facts.Kommun, Help: "Kommunen vars utvärdering planen följer."},
		{Label: workbook.FactYear, Value: w.ev.Facts.Year, Help: "Året för utvärderingen som planen följer."},
		{Label: workbook.FactInstrument, Value: w.in.ID, Help: "Instrumentets id."},
		{Label: workbook.FactVersion, Value: w.in.Version, Help: "Instrumentets version."},
		{Label: workbook.FactKind, Value: Kind, Help: "Arbetsboken är en åtgärdsplan, inte en utvärdering."},
	}, 16, 40, 60)
}

// Fixed columns of the Åtgärdsplan sheet, in order; the occasions follow.
var planColumns = [...]struct {
	name  string
	width float64
}{
	{ColRef, 7}, {ColArea, 24}, {ColText, 36}, {ColScore, 8}, {ColMax, 10},
	{ColAction, 36}, {ColResponsible, 21}, {ColDue, 13}, {ColGoal, 24},
}

// planColumnCount is the number of the plan's own columns.
const planColumnCount = len(planColumns)

const (
	statusWidth  = 17
	commentWidth = 38
	// firstDate and lastDate bound Klart senast in the data validation, as
	// Excel's serial numbers of 2000-01-01 and 2100-12-31.
	firstDate = 36526
	lastDate  = 73415
)

func (w *writer) plan() error {
	f, sh, st := w.f, SheetPlan, w.st
	var widths []float64
	headers := []string{}
	for _, c := range planColumns {
		headers = append(headers, c.name)
		widths = append(widths, c.width)
	}
	for _, o := range w.occ {
		headers = append(headers, ColStatus+" "+o.Label, ColComment+" "+o.Label)
		widths = append(widths, statusWidth, commentWidth)
	}
	for i, h := range headers {
		if err := f.SetCellStr(sh, sheet.Cell(i+1, 1), h); err != nil {
			return err
		}
	}
	lastCol := len(headers)
	if err := f.SetCellStyle(sh, "A1", sheet.Cell(lastCol, 1), st.Header); err != nil {
		return err
	}
	tally := w.ev.Tally()
	areaScore := map[string]evaluation.AreaTally{}
	for _, a := range tally.Areas {
		areaScore[a.ID] = a
	}
	for i, ref := range w.refs {
		r := i + 2
		note := w.byRef[ref]
		area := note.Area
		if a, ok := w.in.Area(note.Area); ok {
			area = a.ID + " " + a.Name
		}
		set := func(col int, v any, style int) error {
			c := sheet.Cell(col, r)
			if v != nil {
				if err := f.SetCellValue(sh, c, v); err != nil {
					return err
				}
			}
			return f.SetCellStyle(sh, c, c, style)
		}
		var score, maxp any
		if a, ok := areaScore[note.Area]; ok {
			maxp = a.Max.Float()
			if a.Score.Valid {
				score = a.Score.Value.Float()
			}
		}
		if err := sheet.FirstErr(
			set(1, ref, st.Input),
			set(2, area, st.LockedWrap),
			set(3, sheet.CellText(note.Text), st.LockedWrap),
			set(4, score, st.Locked),
			set(5, maxp, st.Locked),
			set(6, nil, st.InputWrap),
			set(7, nil, st.InputWrap),
			set(8, nil, w.date),
			set(9, nil, st.InputWrap),
		); err != nil {
			return err
		}
		for j := range w.occ {
			if err := sheet.FirstErr(set(10+2*j, nil, st.Input), set(11+2*j, nil, st.InputWrap)); err != nil {
				return err
			}
		}
	}
	last := len(w.refs) + 1
	if err := w.validations(last); err != nil {
		return err
	}
	if err := sheet.SetWidths(f, sh, widths...); err != nil {
		return err
	}
	if err := f.SetSheetDimension(sh, "A1:"+sheet.Cell(lastCol, last)); err != nil {
		return err
	}
	// Ref, Område and Förbättringsområde stay in view on screen and on
	// every printed page; the follow-up columns print on further pages.
	if err := f.SetPanes(sh, &excelize.Panes{Freeze: true, XSplit: 3, YSplit: 1, TopLeftCell: "D2", ActivePane: "bottomRight"}); err != nil {
		return err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%[1]s'!$A:$C,'%[1]s'!$1:$1", sh), Scope: sh}); err != nil {
		return err
	}
	if err := sheet.Protect(f, sh); err != nil {
		return err
	}
	return printWide(f, sh)
}

// printWide prints the sheet landscape on A4 at a fixed scale instead of
// one page wide (Protect's page set-up): a plan with many occasions would
// print too small to read. Columns A–C repeat on every page; the first
// page holds the plan itself (up to Koppling till mål), each further page
// two occasions, and a group of rows is printed across before the next.
func printWide(f *excelize.File, sh string) error {
	fit := false
	if err := f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	scale, order := uint(printScale), "overThenDown"
	return f.SetPageLayout(sh, &excelize.PageLayoutOptions{AdjustTo: &scale, PageOrder: &order})
}

// spareRows is how far below the table the data validations reach.
const spareRows = 100

// printScale is the scale of the printed Åtgärdsplan, in per cent.
const printScale = 58

func (w *writer) validations(last int) error {
	f, sh := w.f, SheetPlan
	// The lists and the date check reach below the table, so that a row
	// inserted below its last row has them too (in the range, they cost
	// nothing: the cells there are locked and empty).
	rows := func(col int) string { return sheet.Cell(col, 2) + ":" + sheet.Cell(col, last+spareRows) }
	// The Ref list, when it fits in a list (Excel takes at most 255
	// characters).
	if list := strings.Join(w.refs, ","); len(list) <= 255 {
		if err := sheet.List(f, sh, rows(1), w.refs, "Okänd Ref", "Välj Ref för ett förbättringsområde i utvärderingen ur listan."); err != nil {
			return err
		}
	}
	due := excelize.NewDataValidation(true)
	due.Sqref = rows(8)
	if err := due.SetRange(firstDate, lastDate, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
		return err
	}
	due.SetError(excelize.DataValidationErrorStyleStop, "Ogiltigt datum", "Skriv ett datum, t.ex. 2008-06-30.")
	due.SetInput(ColDue, "Ett datum, t.ex. 2008-06-30")
	var statuses []string
	for _, s := range Statuses {
		statuses = append(statuses, string(s))
	}
	var cols []string
	for j := range w.occ {
		cols = append(cols, rows(10+2*j))
	}
	if err := f.AddDataValidation(sh, due); err != nil {
		return err
	}
	return sheet.List(f, sh, strings.Join(cols, " "), statuses, "Okänd status", "Välj "+strings.Join(statuses, ", ")+" ur listan, eller lämna tomt.")
}
