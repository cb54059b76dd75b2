package workbook

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/instrument"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/points"
	"github.com/kompass-dev/kompass/internal/sheet"
)

// Extra is what a program adds to the workbook of an evaluation beyond the
// evaluation itself.
type Extra struct {
	// About, when given, ends the instructions under the heading "Om den
	// här arbetsboken": what the program that fills the workbook in has to
	// say about it (the consensus workbook explains its marks).
	About []string
	// Marked gives the Poäng cells of these ids the colour of a score still
	// to be agreed (markFill), keeping the rest of their style.
	Marked map[string]bool
}

// Write writes the workbook of the evaluation ev made with the instrument
// in: the template an evaluator fills in, holding the facts known when it
// is made (Kommun, År, for one evaluator's own workbook the Bedömare), and
// whatever else ev holds filled in as an evaluator would fill it in — the
// other facts, the scores with their comments, the styrkor and
// förbättringsområden, the text and its tables. The template is Write of
// an evaluation with nothing but those facts; Read gives back what Write
// wrote. The instrument's id and version are in's, whatever ev.Facts say.
func Write(w io.Writer, in *instrument.Instrument, ev *evaluation.Evaluation) error {
	f, err := Build(in, ev, Extra{})
	if err != nil {
		return err
	}
	defer f.Close()
	return sheet.Save(w, f)
}

// Build makes the workbook Write writes, with what x adds, in memory for
// the caller to save (sheet.Save) — or, in a test, to change first.
func Build(in *instrument.Instrument, ev *evaluation.Evaluation, x Extra) (*excelize.File, error) {
	f, err := template(in, ev, x)
	if err != nil {
		return nil, err
	}
	if isFilled(ev) {
		if err := fill(f, ev, x); err != nil {
			f.Close()
			return nil, err
		}
	}
	return f, nil
}

// isAssessment says whether ev is one evaluator's own workbook: it names
// the evaluator (Bedömare), and Avser is bedömning.
func isAssessment(ev *evaluation.Evaluation) bool { return ev.Facts.Assessor != "" }

// template builds the workbook an evaluator fills in for the kommun and
// year of ev with the given instrument.
func template(in *instrument.Instrument, ev *evaluation.Evaluation, x Extra) (*excelize.File, error) {
	if y := ev.Facts.Year; y < MinYear || y > MaxYear {
		return nil, msg.Errorf("year %d: expected a year from %d to %d", y, MinYear, MaxYear)
	}
	if err := checkAreaIDs(in); err != nil {
		return nil, err
	}
	f, st, err := sheet.NewFile(SheetOrder...)
	if err != nil {
		return nil, err
	}
	assessment := isAssessment(ev)
	steps := []struct {
		sheet string
		write func() error
	}{
		{SheetInstructions, func() error { return writeInstructions(f, st, in, ev, x) }},
		{SheetFacts, func() error { return writeFacts(f, st, in, ev, assessment) }},
		{SheetScores, func() error { return writeScores(f, st, in) }},
		{SheetNotes, func() error { return writeNotes(f, st, in) }},
		{SheetText, func() error { return writeText(f, st, in) }},
		{SheetTables, func() error { return writeTables(f, st, in) }},
	}
	for _, step := range steps {
		if err := step.write(); err != nil {
			f.Close()
			return nil, msg.Errorf("the sheet %s: %w", step.sheet, err)
		}
	}
	// The evaluator starts on the instructions; formulas are recalculated
	// on open because the template carries no cached values.
	f.SetActiveSheet(0)
	calc := true
	if err := f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &calc}); err != nil {
		f.Close()
		return nil, err
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator:     "kompass",
		Title:       title(ev),
		Language:    "sv-SE",
		Created:     "2000-01-01T00:00:00Z",
		Modified:    "2000-01-01T00:00:00Z",
		Description: "Utvärderingsmall skapad av kompass för " + in.Ref(),
	}); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// title is the document's title.
func title(ev *evaluation.Evaluation) string {
	t := fmt.Sprintf("Kommunkompassen – %s %d", ev.Facts.Kommun, ev.Facts.Year)
	if isAssessment(ev) {
		t += " – bedömning av " + ev.Facts.Assessor
	}
	return t
}

// instruction is a line of the Instruktioner sheet; a heading is bold.
type instruction struct {
	head bool
	text string
}

// instructions are the lines of the Instruktioner sheet. They speak of
// delfrågor only when the instrument has them: an area-level instrument
// (kommunkompassen@2010, @2020) is scored area by area.
func instructions(in *instrument.Instrument, ev *evaluation.Evaluation, x Extra) []instruction {
	step, ex := in.Step.Swedish(), exampleScore(in.Step).Swedish()
	text := func(format string, args ...any) instruction { return instruction{false, fmt.Sprintf(format, args...)} }
	lines := []instruction{
		{true, "Kommunkompassen – utvärderingsmall"},
		text("Instrument: %s, version %s (%s).", in.Name, in.Version, in.ID),
	}
	if in.HasQuestions() {
		lines = append(lines,
			text("Instrumentet har %d huvudområden med sammanlagt %d delfrågor; högst %s poäng totalt.", len(in.Areas), in.Questions(), in.Max().Swedish()),
			instruction{},
			instruction{true, "Så fyller du i mallen"},
			text("1. Uppgifter: fyll i utvärderare, datum för utvärderingen och källor (och, om du vill, antal intervjuer och vilka som intervjuades; de visas i rapportens bakgrund). Kommun, år och instrument är redan ifyllda; ändra dem bara om de är fel."),
			text("2. Poäng: skriv poängen i den gula kolumnen Poäng. Varje rad är en delfråga (t.ex. %[1]s) eller ett huvudområde (t.ex. %[2]s). Högsta tillåtna poäng står i kolumnen Maxpoäng.", firstQuestionID(in), in.Areas[0].ID),
			text("   Poäng anges från 0 till maxpoäng i steg om %s, t.ex. %s. Lämna cellen tom om frågan inte är bedömd ännu.", step, ex),
			text("   Full utvärdering: poängsätt varje delfråga och lämna huvudområdets Poäng tom – Summa räknas fram automatiskt."),
			text("   Utvärdering på huvudområdesnivå (t.ex. äldre publicerade resultat): skriv områdets totalpoäng på områdets rad och lämna delfrågorna tomma."),
		)
	} else {
		lines = append(lines,
			text("Instrumentet har %d huvudområden, som poängsätts vart för sig; högst %s poäng totalt.", len(in.Areas), in.Max().Swedish()),
			instruction{},
			instruction{true, "Så fyller du i mallen"},
			text("1. Uppgifter: fyll i utvärderare, datum för utvärderingen och källor (och, om du vill, antal intervjuer och vilka som intervjuades; de visas i rapportens bakgrund). Kommun, år och instrument är redan ifyllda; ändra dem bara om de är fel."),
			text("2. Poäng: skriv varje huvudområdes poäng i den gula kolumnen Poäng. Högsta tillåtna poäng står i kolumnen Maxpoäng."),
			text("   Poäng anges från 0 till maxpoäng i steg om %s, t.ex. %s. Lämna cellen tom om området inte är bedömt ännu.", step, ex),
			text("   Summa visar områdets poäng; på raden Totalt räknas summan av huvudområdena fram automatiskt."),
		)
	}
	lines = append(lines,
		text("   Raden Totalt: fyll i bara om en publicerad totalsumma ska kontrolleras mot delarna. kompass räknar alltid summorna själv och säger till om en ifylld summa inte stämmer."),
		text("   %s", PublishedRule),
		text("   Kommentar: era egna anteckningar (osäkerheter, källor, frågor att ställa). Motivering i rapporten: det som ska tryckas bredvid poängen, t.ex. en rättelse av en publicerad siffra och varför."),
		text("3. Styrkor och förbättringsområden: en rad per styrka eller förbättringsområde. Det finns %d förberedda rader av varje typ per huvudområde; välj område och typ i listorna och skriv texten i kolumnen Text. Behövs fler rader, infoga dem ovanför en förberedd rad (se nedan). Områdesnamn visas på de förberedda raderna och behövs inte för kompass.", noteRowsPerKind),
	)
	for _, l := range textInstructions() {
		lines = append(lines, instruction{false, l})
	}
	lines = append(lines,
		text("6. Kontrollera: kör  kompass validate <fil>  – programmet visar blad, cell och vad som är fel."),
		text("7. När utvärderingen är klar: välj Status Slutlig på bladet Uppgifter. Till dess är arbetsboken ett utkast, och kompass report skriver bara en rapport märkt UTKAST på varje sida (med --utkast)."),
		instruction{},
		instruction{true, "Bra att veta"},
		text("Alla celler utom de gula är låsta för att skydda mallen. Skyddet har inget lösenord: Granska → Ta bort skydd i Excel, Verktyg → Skydda blad i LibreOffice, om något måste ändras."),
		text("Raderna hittas via kolumnen ID på bladet Poäng och via etiketten i kolumn A på bladet Uppgifter, inte via radnumret. Tomma rader får infogas även när bladet är skyddat (högerklicka på ett radnummer och välj Infoga), och rader du själv har infogat får tas bort."),
		text("Vill du sortera eller flytta rader, ta först bort skyddet. Summa och Totalt räknas via ID och stämmer även efter en sortering. Ändra inte ID-värdena."),
	)
	if !in.Step.MultipleOf(points.FromInt(1)) {
		lines = append(lines, text("Decimaler skrivs med komma (%s). Text som \"%s\" eller \"%s\" godtas också.", ex, ex, exampleScore(in.Step).String()))
	}
	if isAssessment(ev) {
		lines = append(lines, instruction{},
			instruction{true, "En bedömares egen arbetsbok"},
			text("Den här arbetsboken är en egen bedömning, gjord av %s (Avser = bedömning, Bedömare = %[1]s). Varje bedömare fyller i en egen arbetsbok; de räknas inte som kommunens utvärdering i jämförelser, export och rapporter.", ev.Facts.Assessor),
			text("När alla är klara: kör  kompass consensus <filer> -o <fil>  – programmet visar var bedömarna skiljer sig åt och skriver konsensusarbetsboken till mötet, där de omstridda poängen är markerade."),
		)
	}
	if len(x.About) > 0 {
		lines = append(lines, instruction{}, instruction{true, "Om den här arbetsboken"})
		for _, l := range x.About {
			lines = append(lines, instruction{false, l})
		}
	}
	return lines
}

// exampleScore is the score the instructions give as an example: 7,5 in
// steps of 0,5, always a multiple of the step.
func exampleScore(step points.P) points.P {
	return points.FromInt(7)/step*step + step
}

// firstQuestionID is the id of the instrument's first delfråga.
func firstQuestionID(in *instrument.Instrument) string {
	for _, a := range in.Areas {
		if len(a.Questions) > 0 {
			return a.Questions[0].ID
		}
	}
	return ""
}

func writeInstructions(f *excelize.File, st sheet.Styles, in *instrument.Instrument, ev *evaluation.Evaluation, x Extra) error {
	sh := SheetInstructions
	lines := instructions(in, ev, x)
	if err := f.SetColWidth(sh, "A", "A", 110); err != nil {
		return err
	}
	for i, l := range lines {
		c := sheet.Cell(1, i+1)
		if err := f.SetCellStr(sh, c, l.text); err != nil {
			return err
		}
		style := st.Instr
		if l.head {
			style = st.InstrHead
		}
		if i == 0 {
			style = st.Title
		}
		if err := f.SetCellStyle(sh, c, c, style); err != nil {
			return err
		}
	}
	if err := f.SetSheetDimension(sh, fmt.Sprintf("A1:A%d", len(lines))); err != nil {
		return err
	}
	return sheet.Protect(f, sh)
}

// scoreValidation restricts a Poäng cell to 0…max in the instrument's step.
func scoreValidation(f *excelize.File, ref string, max, step points.P, what string) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = ref
	dv.Type = "custom"
	formula := fmt.Sprintf("AND(ISNUMBER(%[1]s),%[1]s>=0,%[1]s<=%[2]s,MOD(%[1]s,%[3]s)=0)", ref, max.String(), step.String())
	// The formula goes into the XML as is: escape what XML needs.
	dv.Formula1 = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(formula)
	dv.SetError(excelize.DataValidationErrorStyleStop, "Ogiltig poäng",
		fmt.Sprintf("%s: skriv ett tal från 0 till %s i steg om %s, t.ex. %s. Lämna tomt om det inte är bedömt.", what, max.Swedish(), step.Swedish(), exampleScore(step).Swedish()))
	dv.SetInput("Poäng", fmt.Sprintf("0–%s, steg %s", max.Swedish(), step.Swedish()))
	return f.AddDataValidation(SheetScores, dv)
}

// The Summa formulas find their rows by ID, over whole columns, never by
// position: rows may be sorted, moved or inserted and the sums stay right.
// An area's delfrågor are the rows whose ID begins with the area's id and a
// point ("2.*"); checkAreaIDs makes sure no other row does.
//
// They add up the hidden column H, each row's Poäng as a number (asNumber):
// a score typed as text ("22.5" in a Swedish sheet, or "7,5" in an English
// one) counts there as kompass counts it, so the sheet and the report give
// the same totals. kompass still warns about such a cell, since other sums
// skip it.
const (
	idRange    = "$A:$A"
	scoreRange = "$H:$H"
)

// asNumber is the formula of the hidden column H: the Poäng of the row as
// a number, text included ("22.5", "22,5", " 7.5 "), "" when it is empty
// or no number. The decimal point and comma are both made the locale's own
// separator (MID(1/2,2,1), the second character of 0,5 or 0.5) before
// VALUE reads it, so that it works in Swedish and English Excel and
// LibreOffice alike (NUMBERVALUE would too, but not in Excel 2010).
func asNumber(score string) string {
	return fmt.Sprintf(`IFERROR(IF(LEN(TRIM(%[1]s))=0,"",VALUE(SUBSTITUTE(SUBSTITUTE(TRIM(%[1]s),",","."),".",MID(1/2,2,1)))),"")`, score)
}

// areaSum is the Summa of an area: the sum of its delfrågor when one of
// them is scored, else the area's own Poäng, given by own (the area row's
// own cell, or a SUMIF by its id where the formula stands elsewhere).
func areaSum(a instrument.Area, own string) string {
	if len(a.Questions) == 0 {
		return own
	}
	prefix := strconv.Quote(a.ID + ".*")
	return fmt.Sprintf(`IF(COUNTIFS(%[1]s,%[2]s,%[3]s,">=0")>0,SUMIF(%[1]s,%[2]s,%[3]s),%[4]s)`, idRange, prefix, scoreRange, own)
}

// totalSum is the Summa of the TOTAL row: the areas' Summa added up. It
// repeats each area's formula instead of referring to the area rows'
// Summa, since a SUMIF over the Summa column would include the total's own
// cell (a circular reference).
func totalSum(in *instrument.Instrument) string {
	terms := make([]string, len(in.Areas))
	for i, a := range in.Areas {
		terms[i] = areaSum(a, fmt.Sprintf("SUMIF(%s,%s,%s)", idRange, strconv.Quote(a.ID), scoreRange))
	}
	return "SUM(" + strings.Join(terms, ",") + ")"
}

// checkAreaIDs refuses an instrument whose ids the Summa formulas cannot
// tell apart: an area whose id begins with another area's id and a point
// (areas 1 and 1.5) would count as the other's delfråga. SUMIF compares
// without regard to case, so neither may two areas differ only in case.
func checkAreaIDs(in *instrument.Instrument) error {
	for _, a := range in.Areas {
		for _, b := range in.Areas {
			if a.ID == b.ID {
				continue
			}
			la, lb := strings.ToLower(a.ID), strings.ToLower(b.ID)
			switch {
			case la == lb:
				return msg.Errorf("huvudområden %s and %s differ only in case, which the template's sums do not tell apart; give one another id", a.ID, b.ID)
			case strings.HasPrefix(lb, la+"."):
				return msg.Errorf("huvudområde %s: its id begins with %q, which marks the delfrågor of huvudområde %s, so the template's sums cannot tell them apart; give it another id", b.ID, a.ID+".", a.ID)
			}
		}
	}
	return nil
}

func writeScores(f *excelize.File, st sheet.Styles, in *instrument.Instrument) error {
	sh := SheetScores
	headers := []string{ColID, ColText, ColMax, ColScore, ColSum, ColComment, ColPublished, colAsNumber}
	for i, h := range headers {
		if err := f.SetCellStr(sh, sheet.Cell(i+1, 1), h); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sh, "A1", "H1", st.Header); err != nil {
		return err
	}
	set := func(c string, v any, style int) error {
		if err := f.SetCellValue(sh, c, v); err != nil {
			return err
		}
		return f.SetCellStyle(sh, c, c, style)
	}
	setFormula := func(c, formula string, style int) error {
		return sheet.FirstErr(f.SetCellFormula(sh, c, formula), f.SetCellStyle(sh, c, c, style))
	}
	// An input cell stays blank, not an empty text: COUNTIFS and ISBLANK
	// would see a text.
	blank := func(c string, style int) error { return f.SetCellStyle(sh, c, c, style) }
	// The Kommentar (the evaluators' note), the Motivering i rapporten
	// (what is published) and the hidden number the sums add up.
	notes := func(row int) error {
		return sheet.FirstErr(
			blank(sheet.Cell(6, row), st.InputWrap),
			blank(sheet.Cell(7, row), st.InputWrap),
			setFormula(sheet.Cell(8, row), asNumber(sheet.Cell(4, row)), st.Locked),
		)
	}
	row := 2
	for _, a := range in.Areas {
		own := sheet.Cell(4, row)
		if err := sheet.FirstErr(
			set(sheet.Cell(1, row), a.ID, st.Area),
			set(sheet.Cell(2, row), a.ID+" "+a.Name, st.Area),
			set(sheet.Cell(3, row), a.Max.Float(), st.AreaSum),
			blank(own, st.AreaInput),
			setFormula(sheet.Cell(5, row), areaSum(a, fmt.Sprintf(`IF(ISNUMBER(%[1]s),%[1]s,"")`, sheet.Cell(8, row))), st.AreaSum),
			notes(row),
			scoreValidation(f, own, a.Max, in.Step, "Huvudområde "+a.ID),
		); err != nil {
			return err
		}
		row++
		for _, q := range a.Questions {
			if err := sheet.FirstErr(
				set(sheet.Cell(1, row), q.ID, st.Locked),
				set(sheet.Cell(2, row), q.ID+" "+q.Text, st.LockedWrap),
				set(sheet.Cell(3, row), q.Max.Float(), st.Locked),
				blank(sheet.Cell(4, row), st.Input),
				blank(sheet.Cell(5, row), st.Sum),
				notes(row),
				scoreValidation(f, sheet.Cell(4, row), q.Max, in.Step, "Delfråga "+q.ID),
			); err != nil {
				return err
			}
			row++
		}
	}
	if err := sheet.FirstErr(
		set(sheet.Cell(1, row), evaluation.TotalID, st.Total),
		set(sheet.Cell(2, row), evaluation.TotalLabel, st.Total),
		set(sheet.Cell(3, row), in.Max().Float(), st.Total),
		blank(sheet.Cell(4, row), st.TotalInput),
		setFormula(sheet.Cell(5, row), totalSum(in), st.Total),
		notes(row),
		scoreValidation(f, sheet.Cell(4, row), in.Max(), in.Step, evaluation.TotalLabel),
	); err != nil {
		return err
	}
	if err := sheet.SetWidths(f, sh, 8, 70, 11, 10, 10, 35, 35, 10); err != nil {
		return err
	}
	// The helper column is for the sums, not for people: hidden, and so
	// not printed either.
	if err := f.SetColVisible(sh, "H", false); err != nil {
		return err
	}
	// The used range: readers that trust it (openpyxl's read-only mode, some
	// BI tools) would otherwise see only A1.
	if err := f.SetSheetDimension(sh, fmt.Sprintf("A1:H%d", row)); err != nil {
		return err
	}
	if err := sheet.HeaderRow(f, sh); err != nil {
		return err
	}
	return sheet.Protect(f, sh)
}

// areaNameWidth is the width of the Områdesnamn column: the longest "id
// name" of the instrument fits on one line, since programs do not grow a
// row for the result of a formula (LibreOffice fits rows to their text
// when it opens a workbook, before formulas are computed).
func areaNameWidth(in *instrument.Instrument) float64 {
	n := 0
	for _, a := range in.Areas {
		n = max(n, utf8.RuneCountInString(a.ID+" "+a.Name))
	}
	return float64(min(max(n+2, 20), 60))
}

// notesWidth is the width of the four columns of the sheet of notes.
const notesWidth = 170

// areaNameFormula is the formula of Områdesnamn in a row of the sheet
// Styrkor och förbättringsområden: the name of the area whose id is in
// Område, looked up on Poäng. Område typed or picked from the list is a
// number (3), the ids on Poäng are text ("3"): the lookup compares them as
// text.
func areaNameFormula(row int) string {
	key := fmt.Sprintf(`TRIM(%s&"")`, sheet.Cell(1, row))
	return fmt.Sprintf(`IF(%[1]s="","",IFERROR(VLOOKUP(%[1]s,'%[2]s'!$A:$B,2,FALSE),""))`, key, SheetScores)
}

func writeNotes(f *excelize.File, st sheet.Styles, in *instrument.Instrument) error {
	sh := SheetNotes
	headers := []string{ColNoteArea, ColNoteAreaName, ColNoteKind, ColNoteText}
	for i, h := range headers {
		if err := f.SetCellStr(sh, sheet.Cell(i+1, 1), h); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sh, "A1", "D1", st.Header); err != nil {
		return err
	}
	var areaIDs []string
	for _, a := range in.Areas {
		areaIDs = append(areaIDs, a.ID)
	}
	row := 2
	writeRow := func(area string, kind evaluation.NoteKind) error {
		err := sheet.FirstErr(
			f.SetCellStr(sh, sheet.Cell(1, row), area),
			f.SetCellStr(sh, sheet.Cell(3, row), string(kind)),
			f.SetCellFormula(sh, sheet.Cell(2, row), areaNameFormula(row)),
			f.SetCellStyle(sh, sheet.Cell(1, row), sheet.Cell(1, row), st.Input),
			f.SetCellStyle(sh, sheet.Cell(2, row), sheet.Cell(2, row), st.LockedWrap),
			f.SetCellStyle(sh, sheet.Cell(3, row), sheet.Cell(3, row), st.Input),
			f.SetCellStyle(sh, sheet.Cell(4, row), sheet.Cell(4, row), st.InputWrap),
		)
		row++
		return err
	}
	for _, a := range in.Areas {
		for _, kind := range []evaluation.NoteKind{evaluation.Strength, evaluation.Improvement} {
			for i := 0; i < noteRowsPerKind; i++ {
				if err := writeRow(a.ID, kind); err != nil {
					return err
				}
			}
		}
	}
	last := strconv.Itoa(row - 1)
	if err := sheet.FirstErr(
		sheet.List(f, sh, "A2:A"+last, areaIDs, "Okänt område", "Välj ett huvudområde ur listan ("+strings.Join(areaIDs, ", ")+")."),
		sheet.List(f, sh, "C2:C"+last, []string{string(evaluation.Strength), string(evaluation.Improvement)}, "Okänd typ", "Välj Styrka eller Förbättringsområde."),
	); err != nil {
		return err
	}
	// Text takes the rest of a fixed width, so that the sheet prints at the
	// same scale, with as many rows a page, for every instrument.
	name := areaNameWidth(in)
	if err := sheet.SetWidths(f, sh, 9, name, 20, notesWidth-9-name-20); err != nil {
		return err
	}
	if err := f.SetSheetDimension(sh, "A1:D"+last); err != nil {
		return err
	}
	if err := sheet.HeaderRow(f, sh); err != nil {
		return err
	}
	return sheet.Protect(f, sh)
}
