package plan

import (
	"fmt"
	"io"
	"strconv"
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
	// Carried are the åtgärder of an earlier plan not yet Genomförd
	// (CarryOver), written below the evaluation's förbättringsområden.
	Carried []Carried
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
// instrument: one row per förbättringsområde (plan.Refs) and one per
// åtgärd carried over, yellow input columns for the åtgärd and a Status
// and Kommentar column per reporting occasion, the sheet of
// förbättringsområden that the rows look their Ref up in, and on Uppgifter
// an open part for the plan's decision and the occasions' dates. The same
// evaluation and options give the same bytes.
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
	f, st, err := sheet.NewFile(SheetInstructions, SheetFacts, SheetPlan, SheetImprovements)
	if err != nil {
		return nil, err
	}
	ps, err := newPlanStyles(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	scored := *ev
	scored.Instrument = in
	w := writer{f: f, st: st, ps: ps, ev: &scored, in: in, occ: occ, byRef: byRef, refs: refs, carried: opts.Carried}
	steps := []struct {
		sheet string
		write func() error
	}{
		{SheetInstructions, w.instructions},
		{SheetFacts, w.facts},
		{SheetPlan, w.plan},
		{SheetImprovements, w.improvements},
	}
	for _, step := range steps {
		if err := step.write(); err != nil {
			f.Close()
			return nil, msg.Errorf("the sheet %s: %w", step.sheet, err)
		}
	}
	// The lookups carry no cached values: the program computes them on
	// opening.
	f.SetActiveSheet(0)
	calc := true
	if err := f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &calc}); err != nil {
		f.Close()
		return nil, err
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator:     "kompass",
		Title:       fmt.Sprintf("Åtgärdsplan – %s %d", ev.Facts.Kommun, ev.Facts.Year),
		Language:    "sv-SE",
		Created:     "2000-01-01T00:00:00Z",
		Modified:    "2000-01-01T00:00:00Z",
		Description: "Åtgärdsplan skapad av kompass för " + in.Ref(),
	}); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

func ptr[T any](v T) *T { return &v }

// planStyles are the plan's own cell styles beside sheet.Styles.
type planStyles struct {
	date    int // a yellow input cell for a date
	derived int // a lookup of the Ref: open (so that it can be filled down into an inserted row), not yellow
	history int // the history of an åtgärd carried over: locked, grey, wrapped
}

func newPlanStyles(f *excelize.File) (planStyles, error) {
	var ps planStyles
	font := &excelize.Font{Family: "Calibri", Size: 11}
	grey := &excelize.Font{Family: "Calibri", Size: 10, Color: "595959"}
	wrap := &excelize.Alignment{WrapText: true, Vertical: "top"}
	defs := []struct {
		dst   *int
		style excelize.Style
	}{
		{&ps.date, excelize.Style{Font: font, Border: sheet.Border(), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{sheet.InputFill}},
			Protection: &excelize.Protection{Locked: false}, Alignment: &excelize.Alignment{Vertical: "top"}, CustomNumFmt: ptr("yyyy-mm-dd")}},
		{&ps.derived, excelize.Style{Font: font, Border: sheet.Border(), Protection: &excelize.Protection{Locked: false}, Alignment: wrap}},
		{&ps.history, excelize.Style{Font: grey, Border: sheet.Border(), Alignment: wrap}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.style)
		if err != nil {
			return ps, err
		}
		*d.dst = id
	}
	return ps, nil
}

type writer struct {
	f       *excelize.File
	st      sheet.Styles
	ps      planStyles
	ev      *evaluation.Evaluation
	in      *instrument.Instrument
	occ     []Occasion
	byRef   map[string]evaluation.Note
	refs    []string
	carried []Carried
}

// example is a date in the plan's own time, for the instructions and the
// data validations' messages.
func (w *writer) example() string { return exampleDay(w.ev.Facts.Year) }

// instructionLines are the lines of the Instruktioner sheet; a line
// starting with "# " is a heading.
func (w *writer) instructionLines() []string {
	first, last := w.occ[0].Label, w.occ[len(w.occ)-1].Label
	var labels []string
	for _, s := range Statuses {
		labels = append(labels, string(s))
	}
	var occasions []string
	for _, o := range w.occ {
		occasions = append(occasions, fmt.Sprintf("%s (%s)", o.Label, o.Date.Format("2006-01-02")))
	}
	year := w.ev.Facts.Year
	lines := []string{
		fmt.Sprintf("# Åtgärdsplan – %s %d", w.ev.Facts.Kommun, year),
		fmt.Sprintf("Planen bygger på förbättringsområdena i Kommunkompassens utvärdering av %s %d (%s, version %s). Här bestämmer kommunen vad som ska göras åt varje förbättringsområde, vem som ansvarar och när det ska vara klart, och följer sedan upp arbetet vid varje rapporteringstillfälle i kommunens styrmodell fram till nästa utvärdering.", w.ev.Facts.Kommun, year, w.in.Name, w.in.Version),
		"",
		"# Så fyller du i planen",
		"1. Åtgärdsplan: varje rad är ett förbättringsområde från utvärderingen. Ref (t.ex. 5.F2 = huvudområde 5, förbättringsområde 2) knyter raden till utvärderingen; Område, Förbättringsområde, Poäng och Maxpoäng hämtas via Ref från bladet Förbättringsområden.",
		fmt.Sprintf("2. Skriv i de gula kolumnerna: Åtgärd (vad som ska göras), Ansvarig (vem), Nämnd/förvaltning (vilken nämnd eller förvaltning som ansvarar), Prioritet (Hög, Medel eller Låg), Klart senast (ett datum, t.ex. %s), Indikator och Målvärde (hur det mäts och vad som ska uppnås) och Koppling till mål (vilket mål i kommunens styrning åtgärden hör till).", w.example()),
		fmt.Sprintf("   Ett datum utan dag, t.ex. juni %d, räknas som månadens sista dag (30 juni %[1]d).", year+1),
		"3. Flera åtgärder för samma förbättringsområde: högerklicka på radnumret under förbättringsområdets rad och välj Infoga rader ovanför (Excel: Infoga), och välj samma Ref i den nya raden. Markera sedan cellerna från Område till Maxpoäng i raden ovanför och i den nya raden och tryck Ctrl+D (Fyll nedåt): då visas förbättringsområdet även på den nya raden, på skärmen och på papper. Varje rad är en åtgärd.",
		fmt.Sprintf("4. Uppföljning: för varje rapporteringstillfälle (%s till %s) finns kolumnerna Status och Kommentar. Välj status i listan och skriv gärna en kommentar om läget.", first, last),
		fmt.Sprintf("   Status är en av: %s. Lämna cellen tom för ett tillfälle som inte är rapporterat ännu. Stavningen behöver inte vara exakt: genomford och GENOMFÖRD läses som Genomförd.", strings.Join(labels, ", ")),
		"   Genomförd: åtgärden är klar. Delvis genomförd: en del är gjort. Pågår: arbetet är igång. Ej genomförd: åtgärden blev inte av. Ej påbörjad: arbetet har inte börjat.",
		"   I måluppfyllelse som i verksamhetsberättelsen (helt, delvis eller inte alls): Genomförd är helt, Delvis genomförd och Pågår är delvis, Ej genomförd och Ej påbörjad är inte alls.",
		"5. Kontrollera: kör  kompass validate <fil>  – programmet kontrollerar att varje Ref finns i utvärderingen, att datum är datum och att varje status finns i listan, och visar blad och cell för det som är fel.",
		"6. Sammanställ: kör  kompass follow-up --kommun <kommun>  – programmet räknar per huvudområde och per nämnd hur många åtgärder som är genomförda, delvis genomförda, pågår och inte genomförda, och vilka som är försenade; med --format xlsx eller --format html blir det en rapport till nämnden.",
		"",
		"# Trafikljus",
		"Uppföljningen visar varje åtgärds läge vid det senaste rapporterade tillfället som ett trafikljus:",
		"   ● Enligt plan (grön): genomförd, eller igång med tid kvar till Klart senast.",
		"   ▲ Risk (gul): ingen status rapporterad; eller inte genomförd fast Klart senast infaller senast vid nästa rapporteringstillfälle; eller ej påbörjad utan Klart senast.",
		"   ■ Försenad (röd): Klart senast har passerat utan att åtgärden är genomförd, eller status Ej genomförd.",
		"",
		"# Rapporteringstillfällen och beslut",
		fmt.Sprintf("Tillfällena är: %s. Ett tillfälle rapporterar läget den dag som står vid det på bladet Uppgifter; ändra datumet där om kommunens styrmodell anger ett annat.", strings.Join(occasions, ", ")),
		fmt.Sprintf("Ett tillfälle till: lägg till två kolumner, Status och Kommentar följt av tillfällets namn (t.ex. Status Delårsrapport %d), och, om namnet inte är en månad, tertial 1–3, delårsrapport, delårsbokslut eller årsredovisning, en rad med namnet och datumet i tabellen på bladet Uppgifter.", year+1),
		"Skriv planens beslut i de gula cellerna på bladet Uppgifter: Beslutsinstans (t.ex. Kommunstyrelsen), Beslutsparagraf (t.ex. § 48) och Beslutsdatum.",
	}
	if len(w.carried) > 0 {
		lines = append(lines, "",
			"# Överförda åtgärder",
			fmt.Sprintf("Under förbättringsområdena står de %d åtgärder från den förra åtgärdsplanen som inte var genomförda. Deras Ref börjar med året för den utvärdering de kom från (t.ex. %s), och kolumnen Historik visar hur de rapporterades där. Följ upp dem som de andra; ändra Klart senast om ett nytt datum beslutas.", len(w.carried), w.carried[0].NewRef()))
	}
	return append(lines, "",
		"# Bra att veta",
		"Alla celler utom de gula och cellerna Område–Maxpoäng är låsta för att skydda planen. Skyddet har inget lösenord: Granska → Ta bort skydd i Excel, Verktyg → Skydda blad i LibreOffice, om något måste ändras.",
		"Raderna hittas via Ref och kolumnerna via rubrikerna, inte via sin plats: rader får infogas och sorteras (ta då först bort skyddet), men ändra inte rubrikerna och Ref-värdena.",
		"Vid utskrift upprepas kolumnerna Ref, Område och Förbättringsområde på varje sida; uppföljningskolumnerna skrivs ut på följande sidor.",
	)
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

// facts writes Uppgifter: the facts of the evaluation the plan follows
// (locked), the plan's decision (open), and the table of the reporting
// occasions with their dates (open).
func (w *writer) facts() error {
	f, sh, st := w.f, SheetFacts, w.st
	facts := []sheet.Fact{
		{Label: workbook.FactKommun, Value: w.ev.Facts.Kommun, Help: "Kommunen vars utvärdering planen följer."},
		{Label: workbook.FactYear, Value: w.ev.Facts.Year, Help: "Året för utvärderingen som planen följer."},
		{Label: workbook.FactInstrument, Value: w.in.ID, Help: "Instrumentets id."},
		{Label: workbook.FactVersion, Value: w.in.Version, Help: "Instrumentets version."},
		{Label: workbook.FactKind, Value: Kind, Help: "Arbetsboken är en åtgärdsplan, inte en utvärdering."},
		{Label: FactDecisionBody, Help: "Vem som beslutade planen, t.ex. Kommunstyrelsen.", Input: true},
		{Label: FactDecisionParagraph, Help: "Paragrafen i protokollet, t.ex. § 48.", Input: true},
		{Label: FactDecisionDate, Help: fmt.Sprintf("Dagen för beslutet, t.ex. %d-02-15.", w.ev.Facts.Year+1), Input: true},
	}
	if err := sheet.WriteFacts(f, st, sh, facts, 22, 40, 70); err != nil {
		return err
	}
	// The decision's day is a date cell.
	dateCell := sheet.Cell(2, len(facts)+1)
	if err := f.SetCellStyle(sh, dateCell, dateCell, w.ps.date); err != nil {
		return err
	}
	head := len(facts) + 3
	for i, h := range []string{ColOccasion, ColOccasionDate, "Förklaring"} {
		if err := f.SetCellStr(sh, sheet.Cell(i+1, head), h); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sh, sheet.Cell(1, head), sheet.Cell(3, head), st.Header); err != nil {
		return err
	}
	for i, o := range w.occ {
		r := head + 1 + i
		help := "Tillfället rapporterar läget den här dagen; ändra datumet om styrmodellen anger ett annat."
		if i > 0 {
			help = ""
		}
		if err := sheet.FirstErr(
			f.SetCellStr(sh, sheet.Cell(1, r), o.Label),
			f.SetCellValue(sh, sheet.Cell(2, r), o.Date),
			f.SetCellStr(sh, sheet.Cell(3, r), help),
			f.SetCellStyle(sh, sheet.Cell(1, r), sheet.Cell(1, r), st.InputWrap),
			f.SetCellStyle(sh, sheet.Cell(2, r), sheet.Cell(2, r), w.ps.date),
			f.SetCellStyle(sh, sheet.Cell(3, r), sheet.Cell(3, r), st.LockedWrap),
		); err != nil {
			return err
		}
	}
	last := head + len(w.occ)
	if err := w.dateValidation(sh, sheet.Cell(2, len(facts)+1)+" "+sheet.Cell(2, head+1)+":"+sheet.Cell(2, last+spareRows)); err != nil {
		return err
	}
	return f.SetSheetDimension(sh, "A1:C"+strconv.Itoa(last))
}

// column is one column of the Åtgärdsplan sheet.
type column struct {
	name  string
	width float64
}

// The fixed columns of the Åtgärdsplan sheet, in order; Historik follows
// when åtgärder are carried over, then the occasions.
var planColumns = [...]column{
	{ColRef, 9}, {ColArea, 22}, {ColText, 32}, {ColScore, 8}, {ColMax, 10},
	{ColAction, 34}, {ColResponsible, 18}, {ColBoard, 18}, {ColPriority, 10}, {ColDue, 12},
	{ColIndicator, 20}, {ColTarget, 12}, {ColGoal, 20},
}

// planColumnCount is the number of the plan's own columns, Historik
// included.
const planColumnCount = len(planColumns) + 1

const (
	historyWidth = 50
	statusWidth  = 17
	commentWidth = 38
	// firstDate and lastDate bound the dates in the data validations, as
	// Excel's serial numbers of 2000-01-01 and 2100-12-31.
	firstDate = 36526
	lastDate  = 73415
)

// columns are the plan's columns, and where the occasions start.
func (w *writer) columns() ([]column, int) {
	cols := append([]column(nil), planColumns[:]...)
	if len(w.carried) > 0 {
		cols = append(cols, column{ColHistory, historyWidth})
	}
	first := len(cols) + 1
	for _, o := range w.occ {
		cols = append(cols, column{ColStatus + " " + o.Label, statusWidth}, column{ColComment + " " + o.Label, commentWidth})
	}
	return cols, first
}

// colOf is the 1-based column of a fixed column.
func colOf(name string) int {
	for i, c := range planColumns {
		if c.name == name {
			return i + 1
		}
	}
	return len(planColumns) + 1 // Historik
}

// lookupColumns are the columns of the Åtgärdsplan sheet that show their
// row's Ref's entry on the sheet of förbättringsområden: column → the
// column of that sheet.
var lookupColumns = map[string]int{ColArea: 2, ColText: 3, ColScore: 4, ColMax: 5}

// Lookup is the formula of a cell of the Åtgärdsplan sheet in a column of
// lookupColumns (Område, Förbättringsområde, Poäng, Maxpoäng) and a row:
// the Ref's entry on the sheet of förbättringsområden, empty without a Ref.
// A row inserted for a further åtgärd gets it by Ctrl+D from the row
// above; a program filling a plan in writes it.
func Lookup(column string, row int) string {
	ref := sheet.Cell(colOf(ColRef), row)
	return fmt.Sprintf(`IF(TRIM(%[1]s)="","",IFERROR(VLOOKUP(TRIM(%[1]s),'%[2]s'!$A:$E,%[3]d,FALSE),""))`, ref, SheetImprovements, lookupColumns[column])
}

// listed are the förbättringsområden of the sheet Förbättringsområden, in
// order: the evaluation's, then those of the åtgärder carried over.
type listed struct {
	ref, area, text string
	score, max      any
	from            int
}

func (w *writer) listed() []listed {
	tally := w.ev.Tally()
	areaScore := map[string]evaluation.AreaTally{}
	for _, a := range tally.Areas {
		areaScore[a.ID] = a
	}
	var out []listed
	for _, ref := range w.refs {
		note := w.byRef[ref]
		l := listed{ref: ref, area: w.areaName(note.Area), text: note.Text}
		if a, ok := areaScore[note.Area]; ok {
			l.max = a.Max.Float()
			if a.Score.Valid {
				l.score = a.Score.Value.Float()
			}
		}
		out = append(out, l)
	}
	seen := map[string]bool{}
	for _, c := range w.carried {
		if r := c.NewRef(); !seen[r] {
			seen[r] = true
			area := c.AreaName
			if area == "" {
				area = w.areaName(c.Area)
			}
			out = append(out, listed{ref: r, area: area, text: c.Text, from: c.from()})
		}
	}
	return out
}

func (w *writer) areaName(id string) string {
	if a, ok := w.in.Area(id); ok {
		return a.ID + " " + a.Name
	}
	return id
}

func (w *writer) plan() error {
	f, sh, st := w.f, SheetPlan, w.st
	cols, firstOcc := w.columns()
	var widths []float64
	for i, c := range cols {
		if err := f.SetCellStr(sh, sheet.Cell(i+1, 1), c.name); err != nil {
			return err
		}
		widths = append(widths, c.width)
	}
	lastCol := len(cols)
	if err := f.SetCellStyle(sh, "A1", sheet.Cell(lastCol, 1), st.Header); err != nil {
		return err
	}
	listed := map[string]listed{}
	for _, l := range w.listed() {
		listed[l.ref] = l
	}
	r := 2
	row := func(ref string, c *Carried) error {
		set := func(name string, v any, style int) error {
			cell := sheet.Cell(colOf(name), r)
			if v != nil && v != "" {
				if err := f.SetCellValue(sh, cell, v); err != nil {
					return err
				}
			}
			return f.SetCellStyle(sh, cell, cell, style)
		}
		formula := func(name string) error {
			cell := sheet.Cell(colOf(name), r)
			return sheet.FirstErr(f.SetCellFormula(sh, cell, Lookup(name, r)), f.SetCellStyle(sh, cell, cell, w.ps.derived))
		}
		var a Action
		if c != nil {
			a = c.Action
		}
		var due any
		if !a.Due.IsZero() {
			due = a.Due
		}
		err := sheet.FirstErr(
			set(ColRef, ref, st.Input),
			formula(ColArea), formula(ColText), formula(ColScore), formula(ColMax),
			set(ColAction, sheet.CellText(a.Text), st.InputWrap),
			set(ColResponsible, a.Responsible, st.InputWrap),
			set(ColBoard, a.Board, st.InputWrap),
			set(ColPriority, a.Priority, st.Input),
			set(ColDue, due, w.ps.date),
			set(ColIndicator, a.Indicator, st.InputWrap),
			set(ColTarget, a.Target, st.InputWrap),
			set(ColGoal, a.Goal, st.InputWrap),
		)
		if err != nil {
			return err
		}
		if len(w.carried) > 0 {
			var history string
			if c != nil {
				history = c.History
			}
			if err := set(ColHistory, sheet.CellText(history), w.ps.history); err != nil {
				return err
			}
		}
		for j := range w.occ {
			s, k := sheet.Cell(firstOcc+2*j, r), sheet.Cell(firstOcc+2*j+1, r)
			if err := sheet.FirstErr(f.SetCellStyle(sh, s, s, st.Input), f.SetCellStyle(sh, k, k, st.InputWrap)); err != nil {
				return err
			}
		}
		// The lookups have no value until the program computes them: the
		// row is made as tall as the area's name and the
		// förbättringsområde's text need.
		l := listed[ref]
		if err := sheet.FirstErr(
			sheet.FitText(f, sh, r, l.area, planColumns[colOf(ColArea)-1].width),
			sheet.FitText(f, sh, r, l.text, planColumns[colOf(ColText)-1].width),
		); err != nil {
			return err
		}
		r++
		return nil
	}
	for _, ref := range w.refs {
		if err := row(ref, nil); err != nil {
			return err
		}
	}
	for i := range w.carried {
		if err := row(w.carried[i].NewRef(), &w.carried[i]); err != nil {
			return err
		}
	}
	last := r - 1
	if err := w.validations(last, firstOcc); err != nil {
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

// improvements writes the sheet of förbättringsområden: Ref, Område,
// Förbättringsområde, the area's Poäng and Maxpoäng, and for those carried
// over the year of their evaluation; locked.
func (w *writer) improvements() error {
	f, sh, st := w.f, SheetImprovements, w.st
	headers := []string{ColRef, ColArea, ColText, ColScore, ColMax, "Från utvärdering"}
	for i, h := range headers {
		if err := f.SetCellStr(sh, sheet.Cell(i+1, 1), h); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sh, "A1", sheet.Cell(len(headers), 1), st.Header); err != nil {
		return err
	}
	ls := w.listed()
	for i, l := range ls {
		r := i + 2
		from := any(w.ev.Facts.Year)
		if l.from != 0 {
			from = l.from
		}
		for j, v := range []any{l.ref, l.area, sheet.CellText(l.text), l.score, l.max, from} {
			c := sheet.Cell(j+1, r)
			if v != nil {
				if err := f.SetCellValue(sh, c, v); err != nil {
					return err
				}
			}
			style := st.Locked
			if j == 1 || j == 2 {
				style = st.LockedWrap
			}
			if err := f.SetCellStyle(sh, c, c, style); err != nil {
				return err
			}
		}
	}
	if err := sheet.SetWidths(f, sh, 10, 24, 60, 8, 10, 12); err != nil {
		return err
	}
	if err := f.SetSheetDimension(sh, "A1:"+sheet.Cell(len(headers), len(ls)+1)); err != nil {
		return err
	}
	if err := sheet.HeaderRow(f, sh); err != nil {
		return err
	}
	return sheet.Protect(f, sh)
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

// Priorities are the list of Prioritet (any other text is read as written).
var Priorities = []string{"Hög", "Medel", "Låg"}

// dateValidation restricts cells to dates, with the plan's own example.
func (w *writer) dateValidation(sh, sqref string) error {
	due := excelize.NewDataValidation(true)
	due.Sqref = sqref
	if err := due.SetRange(firstDate, lastDate, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
		return err
	}
	due.SetError(excelize.DataValidationErrorStyleStop, "Ogiltigt datum", "Skriv ett datum, t.ex. "+w.example()+".")
	due.SetInput("Datum", "Ett datum, t.ex. "+w.example())
	return w.f.AddDataValidation(sh, due)
}

func (w *writer) validations(last, firstOcc int) error {
	f, sh := w.f, SheetPlan
	// The lists and the date check reach below the table, so that a row
	// inserted below its last row has them too (in the range, they cost
	// nothing: the cells there are locked and empty).
	rows := func(col int) string { return sheet.Cell(col, 2) + ":" + sheet.Cell(col, last+spareRows) }
	source := fmt.Sprintf("'%s'!$A$2:$A$%d", SheetImprovements, len(w.listed())+1)
	if err := sheet.ListFrom(f, sh, rows(colOf(ColRef)), source, "Okänd Ref", "Välj Ref för ett förbättringsområde i utvärderingen ur listan."); err != nil {
		return err
	}
	if err := w.dateValidation(sh, rows(colOf(ColDue))); err != nil {
		return err
	}
	if err := sheet.List(f, sh, rows(colOf(ColPriority)), Priorities, "Okänd prioritet", "Välj "+strings.Join(Priorities, ", ")+" ur listan, eller lämna tomt."); err != nil {
		return err
	}
	var statuses []string
	for _, s := range Statuses {
		statuses = append(statuses, string(s))
	}
	var cols []string
	for j := range w.occ {
		cols = append(cols, rows(firstOcc+2*j))
	}
	return sheet.List(f, sh, strings.Join(cols, " "), statuses, "Okänd status", "Välj "+strings.Join(statuses, ", ")+" ur listan, eller lämna tomt.")
}
