package workbook

// The sheets of the evaluators' own words (issue 12): Bedömning, one row
// per sub-heading or paragraph of the report, and Tabeller, the small
// tables the text refers to. Both are optional: a workbook without text
// is a complete evaluation of the scores.

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/instrument"
	"github.com/kompass-dev/kompass/internal/sheet"
)

// textParagraphsPerSection is how many Stycke rows the template prepares
// per section, under one Rubrik row. As on the sheet of notes there are no
// open rows below them: a longer text inserts rows.
const textParagraphsPerSection = 2

// Widths of the Tabeller sheet and the size of its prepared table block:
// the Tabell row, the header and tableDataRows rows, tableCols wide.
const (
	tableCols     = 8
	tableDataRows = 12
)

// textWidth is the width of the three columns of the Bedömning sheet, the
// same as the sheet of notes, so that both print at the same scale.
const textWidth = notesWidth

// TextSections are the values the Område column of Bedömning and Tabeller
// accepts, in the order the template prepares them: the background, the
// summary, then the instrument's areas.
func TextSections(in *instrument.Instrument) []string {
	out := []string{evaluation.SectionBackground, evaluation.SectionSummary}
	for _, a := range in.Areas {
		out = append(out, a.ID)
	}
	return out
}

// textInstructions are the steps of the Instruktioner sheet for the text
// and the tables, both optional (step 1 speaks of the interviews).
func textInstructions() []string {
	return []string{
		fmt.Sprintf("4. Bedömning (frivilligt): utvärderarnas text till rapporten, en rad per rubrik eller stycke i den ordning texten ska stå. Välj Område (Bakgrund, Sammanfattning eller ett huvudområde) och Typ (Rubrik, Stycke eller Tabell) i listorna och skriv texten i kolumnen Text. Det finns en rubrikrad och %d styckesrader per avsnitt; rader utan text hoppas över. Behövs fler rader, infoga dem ovanför en förberedd rad.", textParagraphsPerSection),
		"   Varje rad i en cell blir ett eget stycke (ny rad i en cell: Alt+Enter i Excel, Ctrl+Enter i LibreOffice). Klistra in text från Word i cellens redigeringsläge (dubbelklicka i cellen först), annars hamnar varje stycke på en egen rad och skriver över raderna under.",
		"   I ett stycke blir *så här* kursivt och **så här** fetstilt. Rader som börjar med \"- \", \"• \" eller \"– \" (eller de tecken Word lämnar i inklistrade punktlistor) blir en punktlista, rader som börjar med \"1. \" eller \"1) \" en numrerad lista. En webbadress (https://…, www.…) blir en länk, och [text](https://…) en länk med egen text.",
		"   Typ Tabell placerar en tabell från bladet Tabeller just där raden står: skriv tabellens beteckning i Text, t.ex. Tabell 1. Utan en sådan rad står tabellen efter det första stycket som nämner den (\"se Tabell 1\"), annars sist i sitt avsnitt.",
		"   En rubrik ska vara kort: en Rubrik som är längre än 100 tecken eller slutar med punkt får en varning, eftersom den troligen är ett stycke.",
		"5. Tabeller (frivilligt): små tabeller till texten, t.ex. mandatfördelningen i kommunfullmäktige. En tabell börjar med en rad med Tabell i kolumn A, område i kolumn B och tabellens rubrik i kolumn C (t.ex. Tabell 1 Mandatfördelningen i kommunfullmäktige).",
		"   Raden under är tabellens kolumnrubriker. Sedan följer tabellens rader, med lika många ifyllda celler som kolumnrubrikerna, till första tomma rad. En rad med bara en text i kolumn A som börjar med Källa:, Not: eller * är en not som skrivs under tabellen. En tabell till börjar efter en tom rad med Tabell i kolumn A.",
		"   Analysen kan också skrivas i Word och läsas in hit: kompass text import analys.docx --into arbetsbok.xlsx -o ny.xlsx (se docs/workbook.md).",
	}
}

func writeText(f *excelize.File, st sheet.Styles, in *instrument.Instrument) error {
	sh := SheetText
	headers := []string{ColTextSection, ColTextKind, ColTextText}
	for i, h := range headers {
		if err := f.SetCellStr(sh, sheet.Cell(i+1, 1), h); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sh, "A1", "C1", st.Header); err != nil {
		return err
	}
	sections := TextSections(in)
	row := 2
	writeRow := func(section string, kind evaluation.TextKind) error {
		err := sheet.FirstErr(
			f.SetCellStr(sh, sheet.Cell(1, row), section),
			f.SetCellStr(sh, sheet.Cell(2, row), string(kind)),
			f.SetCellStyle(sh, sheet.Cell(1, row), sheet.Cell(2, row), st.Input),
			f.SetCellStyle(sh, sheet.Cell(3, row), sheet.Cell(3, row), st.InputWrap),
		)
		row++
		return err
	}
	for _, s := range sections {
		if err := writeRow(s, evaluation.Heading); err != nil {
			return err
		}
		for i := 0; i < textParagraphsPerSection; i++ {
			if err := writeRow(s, evaluation.Paragraph); err != nil {
				return err
			}
		}
	}
	last := strconv.Itoa(row - 1)
	if err := sheet.FirstErr(
		sectionList(f, sh, "A2:A"+last, sections),
		sheet.List(f, sh, "B2:B"+last, []string{string(evaluation.Heading), string(evaluation.Paragraph), string(evaluation.TableRef)}, "Okänd typ", "Välj Rubrik, Stycke eller Tabell."),
	); err != nil {
		return err
	}
	if err := sheet.SetWidths(f, sh, 16, 10, textWidth-16-10); err != nil {
		return err
	}
	if err := f.SetSheetDimension(sh, "A1:C"+last); err != nil {
		return err
	}
	if err := sheet.HeaderRow(f, sh); err != nil {
		return err
	}
	return sheet.Protect(f, sh)
}

// sectionList is the list of Område on Bedömning and Tabeller.
func sectionList(f *excelize.File, sh, ref string, sections []string) error {
	return sheet.List(f, sh, ref, sections, "Okänt område", "Välj ett område ur listan ("+strings.Join(sections, ", ")+").")
}

// writeTables prepares one empty table block: Tabell in A1, the Område in
// B1 (a list), the title in C1, the header in row 2 and rows below, every
// cell an input cell. Text is not wrapped, so that a title runs on over
// the empty cells to its right.
func writeTables(f *excelize.File, st sheet.Styles, in *instrument.Instrument) error {
	sh := SheetTables
	lastCol, _ := excelize.ColumnNumberToName(tableCols)
	lastRow := 2 + tableDataRows
	if err := sheet.FirstErr(
		f.SetCellStyle(sh, "A1", fmt.Sprintf("%s%d", lastCol, lastRow), st.Input),
		f.SetCellStr(sh, "A1", TableMark),
	); err != nil {
		return err
	}
	if err := sectionList(f, sh, "B1", TextSections(in)); err != nil {
		return err
	}
	widths := []float64{24}
	for len(widths) < tableCols {
		widths = append(widths, 16)
	}
	if err := sheet.SetWidths(f, sh, widths...); err != nil {
		return err
	}
	if err := f.SetSheetDimension(sh, fmt.Sprintf("A1:%s%d", lastCol, lastRow)); err != nil {
		return err
	}
	return sheet.Protect(f, sh)
}
