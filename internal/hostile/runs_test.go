package hostile

// The table of the corpus test: for each input, the commands to run, the
// exit code documented for them (README, "Exit codes") and what kompass
// must say, naming the file and the place (sheet and cell, or line and key).

// run is one command of the corpus test. The working folder holds a copy of
// the input (in dir), and nothing else unless base is set; afterwards it
// must hold exactly the same files with the same bytes: no output file, no
// temporary file, no change to the input.
import "strings"

type run struct {
	in     string   // the input's name in inputs
	dir    string   // folder of the working folder the input is copied into; "" is the top
	args   []string // the command line; "$F" is the copied input's path
	exit   int      // the documented exit code
	out    []string // lines stdout must hold, in order ("$F" is the input's path; "re:" starts a regular expression for the line)
	err    []string // the same for stderr
	base   bool     // also write the valid base workbook as data/exempelkommun-a-2025.xlsx
	writes []string // outputs the command must write (the others' working folder is left as it was)
	// result: the command prints a result (a table, CSV) that need not
	// name the input file; every other run must.
	result bool
}

// The commands. Summary works on a workbook being filled in: problems in
// cells are warnings and it exits 0, but a workbook it cannot read, or
// whose score sheet it cannot read, is refused with 3. Report and export
// leave broken workbooks out with a warning; a report of a kommun with no
// valid evaluation is a usage error (2), as for an unknown kommun. A broken
// instrument file, given or in the instruments folder, is 3 for every
// command.
var (
	cmdValidate      = []string{"validate", "$F"}
	cmdSummary       = []string{"summary", "$F"}
	cmdCheck         = []string{"instruments", "check", "$F"}
	cmdTemplate      = []string{"template", "--instrument", "$F", "--kommun", kommunA, "--year", "2025", "-o", "out.xlsx"}
	cmdExport        = []string{"--instruments", "inst", "export", "--data", "data", "-o", "out.csv"}
	cmdReportInst    = []string{"--instruments", "inst", "report", "--data", "data", "--kommun", kommunA, "-o", "out.html"}
	cmdReportAllInst = []string{"--instruments", "inst", "report", "--all", "--data", "data", "-o", "out"}
	cmdReportData    = []string{"report", "--data", "data", "--kommun", kommunA, "-o", "out.html"}
	cmdValidateData  = []string{"validate", "data"}
	cmdExportData    = []string{"export", "--data", "data", "-o", "out.csv"}
	cmdCompareData   = []string{"compare", "--data", "data", "--kommun", kommunA}
	cmdInstruments   = []string{"--instruments", "inst", "instruments"}
)

// What kompass says about a damaged XML part names the part and the sheet;
// the XML parser's own words after them are not part of the contract.
const (
	malformedPoang     = `the sheet could not be read: malformed workbook part: (sheet "Poäng"|xl/worksheets/sheet3\.xml): `
	damagedWorkbookXML = `the workbook is damaged and cannot be read \(malformed workbook part: xl/workbook\.xml: .+\); open it in Excel or LibreOffice and save it again`
)

// Validate lists a workbook whose score sheet cannot be read with every
// row as missing and every area as not scored (noted in the report of the
// hardening issue); for those the table asserts the cause only.
var runs = []run{
	{in: "workbook/text.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   -            -      the file is not an xlsx workbook (an xlsx file is a zip archive; this one is not) (found –; expected an .xlsx workbook)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/text.xlsx", args: cmdSummary, exit: 3, err: []string{
		"kompass: warning: $F: the file is not an xlsx workbook (an xlsx file is a zip archive; this one is not)",
		"kompass: error: $F: cannot summarise this workbook",
		"hint: fix the problems above; 'kompass validate $F' lists them",
	}},
	{in: "workbook/empty.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   -            -      the file is empty (found –; expected an .xlsx workbook)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/empty.xlsx", args: cmdSummary, exit: 3, err: []string{
		"kompass: warning: $F: the file is empty",
		"kompass: error: $F: cannot summarise this workbook",
		"hint: fix the problems above; 'kompass validate $F' lists them",
	}},
	{in: "workbook/truncated.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   -            -      the file is a damaged or truncated zip archive, not a readable xlsx workbook (zip: not a valid zip file) (found –; expected an .xlsx workbook)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/truncated.xlsx", args: cmdSummary, exit: 3, err: []string{
		"kompass: warning: $F: the file is a damaged or truncated zip archive, not a readable xlsx workbook (zip: not a valid zip file)",
		"kompass: error: $F: cannot summarise this workbook",
		"hint: fix the problems above; 'kompass validate $F' lists them",
	}},
	{in: "workbook/zip-without-workbook.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   -            -      the zip archive holds no xl/workbook.xml: it is not an xlsx workbook (found –; expected an .xlsx workbook)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/zip-without-workbook.xlsx", args: cmdSummary, exit: 3, err: []string{
		"kompass: warning: $F: the zip archive holds no xl/workbook.xml: it is not an xlsx workbook",
		"kompass: error: $F: cannot summarise this workbook",
		"hint: fix the problems above; 'kompass validate $F' lists them",
	}},
	{in: "workbook/legacy.xls", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   -            -      this is an old Excel workbook (.xls), which kompass does not read; open it and save it as .xlsx (Excel: Arkiv → Spara som → Excel-arbetsbok; LibreOffice: Arkiv → Spara som → Excel 2007–365) (found .xls; expected an .xlsx workbook)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/legacy.xls", args: cmdSummary, exit: 3, err: []string{
		"kompass: warning: $F: this is an old Excel workbook (.xls), which kompass does not read; open it and save it as .xlsx (Excel: Arkiv → Spara som → Excel-arbetsbok; LibreOffice: Arkiv → Spara som → Excel 2007–365)",
		"kompass: error: $F: cannot summarise this workbook",
		"hint: fix the problems above; 'kompass validate $F' lists them",
	}},
	{in: "workbook/encrypted.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   -            -      the workbook is password-protected (encrypted); save a copy without a password to open (Arkiv → Info → Skydda arbetsbok) (found –; expected an .xlsx workbook)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/encrypted.xlsx", args: cmdSummary, exit: 3, err: []string{
		"kompass: warning: $F: the workbook is password-protected (encrypted); save a copy without a password to open (Arkiv → Info → Skydda arbetsbok)",
		"kompass: error: $F: cannot summarise this workbook",
		"hint: fix the problems above; 'kompass validate $F' lists them",
	}},
	{in: "workbook/bomb-declared-1tib.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   -            -      the workbook unpacks to 1048576.1 MB, more than the 50 MB kompass accepts (a zip bomb, or not an evaluation workbook) (found –; expected an .xlsx workbook)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/bomb-declared-1tib.xlsx", args: cmdSummary, exit: 3, err: []string{
		"kompass: warning: $F: the workbook unpacks to 1048576.1 MB, more than the 50 MB kompass accepts (a zip bomb, or not an evaluation workbook)",
		"kompass: error: $F: cannot summarise this workbook",
		"hint: fix the problems above; 'kompass validate $F' lists them",
	}},
	{in: "workbook/bomb-200mb.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   -            -      the workbook unpacks to 200.1 MB, more than the 50 MB kompass accepts (a zip bomb, or not an evaluation workbook) (found –; expected an .xlsx workbook)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/bomb-200mb.xlsx", args: cmdSummary, exit: 3, err: []string{
		"kompass: warning: $F: the workbook unpacks to 200.1 MB, more than the 50 MB kompass accepts (a zip bomb, or not an evaluation workbook)",
		"kompass: error: $F: cannot summarise this workbook",
		"hint: fix the problems above; 'kompass validate $F' lists them",
	}},
	{in: "workbook/size-lies.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"re:  error   Poäng        -      " + malformedPoang + `.*zip: not a valid zip file`,
	}},
	{in: "workbook/size-lies.xlsx", args: cmdSummary, exit: 3, err: []string{
		"re:kompass: warning: $F: Poäng: " + malformedPoang + `.*zip: not a valid zip file`,
		"kompass: error: $F: cannot summarise this workbook",
		"hint: fix the problems above; 'kompass validate $F' lists them",
	}},
	{in: "workbook/too-many-parts.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   -            -      the workbook is larger than kompass accepts (the archive holds too many files: 1015 files (at most 1000)) (found –; expected an .xlsx workbook)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/too-many-parts.xlsx", args: cmdSummary, exit: 3, err: []string{
		"kompass: warning: $F: the workbook is larger than kompass accepts (the archive holds too many files: 1015 files (at most 1000))",
		"kompass: error: $F: cannot summarise this workbook",
		"hint: fix the problems above; 'kompass validate $F' lists them",
	}},
	{in: "workbook/sheet-xml-truncated.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		// where the cut falls decides the tokenizer's words ("…: unexpected
		// end", or "sheet "Poäng" ends inside an element (truncated)")
		"re:  error   Poäng        -      " + strings.TrimSuffix(malformedPoang, ": ") + `.+`,
	}},
	{in: "workbook/sheet-xml-truncated.xlsx", args: cmdSummary, exit: 3, err: []string{
		"re:kompass: warning: $F: Poäng: " + strings.TrimSuffix(malformedPoang, ": ") + `.+`,
		"kompass: error: $F: cannot summarise this workbook",
		"hint: fix the problems above; 'kompass validate $F' lists them",
	}},
	{in: "workbook/workbook-xml-truncated.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"re:  error   -            -      " + damagedWorkbookXML + ` \(found –; expected an \.xlsx workbook\)`,
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/workbook-xml-truncated.xlsx", args: cmdSummary, exit: 3, err: []string{
		"re:kompass: warning: $F: " + damagedWorkbookXML,
		"kompass: error: $F: cannot summarise this workbook",
		"hint: fix the problems above; 'kompass validate $F' lists them",
	}},
	{in: "workbook/sheet-xml-entities.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		// where the cut falls decides the tokenizer's words ("…: unexpected
		// end", or "sheet "Poäng" ends inside an element (truncated)")
		"re:  error   Poäng        -      " + strings.TrimSuffix(malformedPoang, ": ") + `.+`,
	}},
	{in: "workbook/sheet-xml-entities.xlsx", args: cmdSummary, exit: 3, err: []string{
		"re:kompass: warning: $F: Poäng: " + strings.TrimSuffix(malformedPoang, ": ") + `.+`,
		"kompass: error: $F: cannot summarise this workbook",
		"hint: fix the problems above; 'kompass validate $F' lists them",
	}},
	{in: "workbook/part-twice.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   -            -      the zip archive holds the part xl/worksheets/sheet3.xml twice, so programs may read different contents; open it in Excel or LibreOffice and save it again (found –; expected an .xlsx workbook)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/part-twice.xlsx", args: cmdSummary, exit: 3, err: []string{
		"kompass: warning: $F: the zip archive holds the part xl/worksheets/sheet3.xml twice, so programs may read different contents; open it in Excel or LibreOffice and save it again",
		"kompass: error: $F: cannot summarise this workbook",
		"hint: fix the problems above; 'kompass validate $F' lists them",
	}},
	// The target is resolved inside the archive, never on disk.
	{in: "workbook/sheet-target-outside.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Poäng        -      the sheet could not be read: malformed workbook part: ../../etc/passwd is missing",
	}},
	{in: "workbook/sheet-target-outside.xlsx", args: cmdSummary, exit: 3, err: []string{
		"kompass: warning: $F: Poäng: the sheet could not be read: malformed workbook part: ../../etc/passwd is missing",
		"kompass: error: $F: cannot summarise this workbook",
		"hint: fix the problems above; 'kompass validate $F' lists them",
	}},
	{in: "workbook/shared-string-missing.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Poäng        -      the sheet could not be read: malformed workbook part: sheet \"Poäng\": cell D3 refers to shared string \"99999\", which does not exist",
	}},
	{in: "workbook/shared-string-missing.xlsx", args: cmdSummary, exit: 3, err: []string{
		"kompass: warning: $F: Poäng: the sheet could not be read: malformed workbook part: sheet \"Poäng\": cell D3 refers to shared string \"99999\", which does not exist",
		"kompass: error: $F: cannot summarise this workbook",
		"hint: fix the problems above; 'kompass validate $F' lists them",
	}},
	{in: "workbook/cell-text-2mb.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Poäng        -      the sheet is too large to read: cell D3 holds more than 1048576 bytes",
	}},
	{in: "workbook/cell-text-2mb.xlsx", args: cmdSummary, exit: 3, err: []string{
		"kompass: warning: $F: Poäng: the sheet is too large to read: cell D3 holds more than 1048576 bytes",
		"kompass: error: $F: cannot summarise this workbook",
		"hint: fix the problems above; 'kompass validate $F' lists them",
	}},
	{in: "workbook/rows-100000.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Poäng        -      the sheet has more than 5000 rows with content; an evaluation workbook has one row per area and delfråga (found more than 5000 rows with content; expected at most 5000 rows)",
	}},
	{in: "workbook/rows-100000.xlsx", args: cmdSummary, exit: 3, err: []string{
		"kompass: warning: $F: Poäng: the sheet has more than 5000 rows with content; an evaluation workbook has one row per area and delfråga",
		"kompass: error: $F: cannot summarise this workbook",
		"hint: fix the problems above; 'kompass validate $F' lists them",
	}},
	{in: "workbook/column-xfd.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Poäng        -      the sheet is too large to read: sheet \"Poäng\" has a value in XFD3, beyond column IV",
	}},
	{in: "workbook/column-xfd.xlsx", args: cmdSummary, exit: 3, err: []string{
		"kompass: warning: $F: Poäng: the sheet is too large to read: sheet \"Poäng\" has a value in XFD3, beyond column IV",
		"kompass: error: $F: cannot summarise this workbook",
		"hint: fix the problems above; 'kompass validate $F' lists them",
	}},
	{in: "workbook/missing-poang.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Poäng        -      the sheet \"Poäng\" is missing; the workbook has the sheets Instruktioner, Uppgifter, Styrkor och förbättringsområden, Bedömning, Tabeller (rename the sheet back, or make a new workbook with kompass template) (found –; expected a sheet named Poäng)",
	}},
	{in: "workbook/missing-poang.xlsx", args: cmdSummary, exit: 3, err: []string{
		"kompass: warning: $F: Poäng: the sheet \"Poäng\" is missing; the workbook has the sheets Instruktioner, Uppgifter, Styrkor och förbättringsområden, Bedömning, Tabeller (rename the sheet back, or make a new workbook with kompass template)",
		"kompass: error: $F: cannot summarise this workbook",
		"hint: fix the problems above; 'kompass validate $F' lists them",
	}},
	{in: "workbook/missing-header.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Poäng!A1     -      no header row naming the columns \"ID\" and \"Poäng\" in the first 10 rows (found –; expected a header row with the columns ID and Poäng)",
	}},
	{in: "workbook/missing-header.xlsx", args: cmdSummary, exit: 3, err: []string{
		"kompass: warning: $F: Poäng!A1: no header row naming the columns \"ID\" and \"Poäng\" in the first 10 rows",
		"kompass: error: $F: cannot summarise this workbook",
		"hint: fix the problems above; 'kompass validate $F' lists them",
	}},
	{in: "workbook/score-text.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Poäng!D3     1.1    Poäng \"tjugoåtta\" is not a number (found tjugoåtta; expected a number such as 7,5)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/score-text.xlsx", args: cmdSummary, exit: 0, out: []string{
		"Poängsammanställning: Exempelkommun A 2025",
	}, err: []string{
		"kompass: warning: $F: Poäng!D3 (1.1): Poäng \"tjugoåtta\" is not a number",
	}},
	{in: "workbook/score-formula-ref.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Poäng!D3     1.1    the Poäng cell holds a formula; type the score itself (kompass computes all sums) (found =#REF!+1; expected a number typed in the cell)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/score-formula-ref.xlsx", args: cmdSummary, exit: 0, out: []string{
		"Poängsammanställning: Exempelkommun A 2025",
	}, err: []string{
		"kompass: warning: $F: Poäng!D3 (1.1): the Poäng cell holds a formula; type the score itself (kompass computes all sums)",
	}},
	{in: "workbook/score-error-ref.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Poäng!D3     1.1    Poäng \"#REF!\" is not a number (found #REF!; expected a number such as 7,5)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/score-error-ref.xlsx", args: cmdSummary, exit: 0, out: []string{
		"Poängsammanställning: Exempelkommun A 2025",
	}, err: []string{
		"kompass: warning: $F: Poäng!D3 (1.1): Poäng \"#REF!\" is not a number",
	}},
	{in: "workbook/score-formula.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Poäng!D3     1.1    the Poäng cell holds a formula; type the score itself (kompass computes all sums) (found =20+8; expected a number typed in the cell)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/score-formula.xlsx", args: cmdSummary, exit: 0, out: []string{
		"Poängsammanställning: Exempelkommun A 2025",
	}, err: []string{
		"kompass: warning: $F: Poäng!D3 (1.1): the Poäng cell holds a formula; type the score itself (kompass computes all sums)",
	}},
	{in: "workbook/score-nan-text.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Poäng!D3     1.1    Poäng \"NaN\" is not a number (found NaN; expected a number such as 7,5)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/score-nan-text.xlsx", args: cmdSummary, exit: 0, out: []string{
		"Poängsammanställning: Exempelkommun A 2025",
	}, err: []string{
		"kompass: warning: $F: Poäng!D3 (1.1): Poäng \"NaN\" is not a number",
	}},
	// NaN is no date (it read as 1899-12-31), and the text of a phonetic
	// run is no part of the value (28 with the reading 0 read as 280).
	{in: "workbook/score-nan-date.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Poäng!D3     1.1    Poäng \"NaN\" is not a number (found NaN; expected a number such as 7,5)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/score-phonetic.xlsx", args: cmdValidate, exit: 0, out: []string{
		// 28, not 280; an inline string is text, which kompass names
		"$F:",
		`  warning Poäng!D3     1.1    Poäng "28" is stored as text; kompass reads it as 28, but sums in Excel and LibreOffice skip text — type 28 again as a number (found 28; expected the number 28)`,
	}},
	// Millions of empty shared strings are refused as the part is read,
	// naming the part.
	{in: "workbook/shared-strings-4m.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   -            -      the workbook is larger than kompass accepts: too many shared strings: the part xl/sharedStrings.xml holds more than 200000 (shared strings are the texts of its cells; an evaluation workbook has a few thousand) (found more than 200000 shared strings; expected at most 200000)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/shared-strings-4m.xlsx", args: cmdSummary, exit: 3, err: []string{
		"kompass: warning: $F: the workbook is larger than kompass accepts: too many shared strings: the part xl/sharedStrings.xml holds more than 200000 (shared strings are the texts of its cells; an evaluation workbook has a few thousand)",
		"kompass: error: $F: cannot summarise this workbook",
	}},
	{in: "workbook/shared-strings-4m.xlsx", args: cmdReportData, exit: 0, dir: "data", base: true, writes: []string{"out.html"}, err: []string{
		"kompass: warning: $F is left out of comparisons: 1 problem: the workbook is larger than kompass accepts: too many shared strings: the part xl/sharedStrings.xml holds more than 200000 (shared strings are the texts of its cells; an evaluation workbook has a few thousand) (run 'kompass validate $F')",
	}},
	{in: "workbook/score-nan-number.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Poäng!D3     1.1    Poäng \"NaN\" is not a number (found NaN; expected a number such as 7,5)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/score-nan-number.xlsx", args: cmdSummary, exit: 0, out: []string{
		"Poängsammanställning: Exempelkommun A 2025",
	}, err: []string{
		"kompass: warning: $F: Poäng!D3 (1.1): Poäng \"NaN\" is not a number",
	}},
	{in: "workbook/score-negative.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Poäng!D3     1.1    Poäng -5 for delfråga 1.1 is below 0 (found -5; expected 0–40 in steps of 0,5)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/score-negative.xlsx", args: cmdSummary, exit: 0, out: []string{
		"Poängsammanställning: Exempelkommun A 2025",
	}, err: []string{
		"kompass: warning: $F: Poäng!D3 (1.1): Poäng -5 for delfråga 1.1 is below 0",
	}},
	{in: "workbook/score-1e300.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Poäng!D3     1.1    Poäng \"1E+300\" is not a number (found 1E+300; expected a number such as 7,5)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/score-1e300.xlsx", args: cmdSummary, exit: 0, out: []string{
		"Poängsammanställning: Exempelkommun A 2025",
	}, err: []string{
		"kompass: warning: $F: Poäng!D3 (1.1): Poäng \"1E+300\" is not a number",
	}},
	{in: "workbook/score-thousands-space.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Poäng!D3     1.1    Poäng \"1 000\" is not a number (found 1 000; expected a number such as 7,5)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/score-thousands-space.xlsx", args: cmdSummary, exit: 0, out: []string{
		"Poängsammanställning: Exempelkommun A 2025",
	}, err: []string{
		"kompass: warning: $F: Poäng!D3 (1.1): Poäng \"1 000\" is not a number",
	}},
	{in: "workbook/score-thousands-comma.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Poäng!D3     1.1    Poäng \"1,000.5\" is not a number (found 1,000.5; expected a number such as 7,5)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/score-thousands-comma.xlsx", args: cmdSummary, exit: 0, out: []string{
		"Poängsammanställning: Exempelkommun A 2025",
	}, err: []string{
		"kompass: warning: $F: Poäng!D3 (1.1): Poäng \"1,000.5\" is not a number",
	}},
	{in: "workbook/score-true.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Poäng!D3     1.1    Poäng \"TRUE\" is not a number (found TRUE; expected a number such as 7,5)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/score-true.xlsx", args: cmdSummary, exit: 0, out: []string{
		"Poängsammanställning: Exempelkommun A 2025",
	}, err: []string{
		"kompass: warning: $F: Poäng!D3 (1.1): Poäng \"TRUE\" is not a number",
	}},
	{in: "workbook/score-date-iso.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Poäng!D3     1.1    Poäng looks like a date (2025-01-01), not a number; type the score as a number, in a cell formatted as a number (found 2025-01-01; expected a number such as 7,5)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/score-date-iso.xlsx", args: cmdSummary, exit: 0, out: []string{
		"Poängsammanställning: Exempelkommun A 2025",
	}, err: []string{
		"kompass: warning: $F: Poäng!D3 (1.1): Poäng looks like a date (2025-01-01), not a number; type the score as a number, in a cell formatted as a number",
	}},
	{in: "workbook/score-date-serial.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Poäng!D3     1.1    Poäng looks like a date (2025-01-01), not a number; type the score as a number, in a cell formatted as a number (found 2025-01-01; expected a number such as 7,5)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/score-date-serial.xlsx", args: cmdSummary, exit: 0, out: []string{
		"Poängsammanställning: Exempelkommun A 2025",
	}, err: []string{
		"kompass: warning: $F: Poäng!D3 (1.1): Poäng looks like a date (2025-01-01), not a number; type the score as a number, in a cell formatted as a number",
	}},
	{in: "workbook/score-merged.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Poäng!D3     1.1    the Poäng cell is merged with other cells (D3:D4); unmerge it (found merged cells D3:D4; expected one Poäng cell per row)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/score-merged.xlsx", args: cmdSummary, exit: 0, out: []string{
		"Poängsammanställning: Exempelkommun A 2025",
	}, err: []string{
		"kompass: warning: $F: Poäng!D3 (1.1): the Poäng cell is merged with other cells (D3:D4); unmerge it",
	}},
	{in: "workbook/libreoffice-above-max.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Poäng!D37    7.1    Poäng 25 for delfråga 7.1 is above its maxpoäng 20 (found 25; expected 0–20 in steps of 0,5)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/libreoffice-above-max.xlsx", args: cmdSummary, exit: 0, out: []string{
		"Poängsammanställning: Exempelkommun A 2025",
	}, err: []string{
		"kompass: warning: $F: Poäng!D37 (7.1): Poäng 25 for delfråga 7.1 is above its maxpoäng 20",
	}},
	{in: "workbook/id-formula.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Poäng!A3     1.1    the ID cell holds a formula; ids must be plain text (found =\"1.\"&\"1\"; expected the id typed as text)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/id-formula.xlsx", args: cmdSummary, exit: 0, out: []string{
		"Poängsammanställning: Exempelkommun A 2025",
	}, err: []string{
		"kompass: warning: $F: Poäng!A3 (1.1): the ID cell holds a formula; ids must be plain text",
	}},
	{in: "workbook/id-duplicate.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Poäng!A60    1.1    id 1.1 appears twice (first in row 3); this row is ignored (found 1.1; expected each id once)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/id-duplicate.xlsx", args: cmdSummary, exit: 0, out: []string{
		"Poängsammanställning: Exempelkommun A 2025",
	}, err: []string{
		"kompass: warning: $F: Poäng!A60 (1.1): id 1.1 appears twice (first in row 3); this row is ignored",
	}},
	{in: "workbook/id-unknown.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Poäng!A60    9.9    id \"9.9\" is not in the instrument kommunkompassen@2007 (found 9.9; expected an id of kommunkompassen@2007)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/id-unknown.xlsx", args: cmdSummary, exit: 0, out: []string{
		"Poängsammanställning: Exempelkommun A 2025",
	}, err: []string{
		"kompass: warning: $F: Poäng!A60 (9.9): id \"9.9\" is not in the instrument kommunkompassen@2007",
	}},
	{in: "workbook/kommun-empty.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Uppgifter!B2 -      Kommun is empty (found –; expected the kommun's name)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/kommun-empty.xlsx", args: cmdSummary, exit: 0, out: []string{
		"Poängsammanställning:  2025",
	}, err: []string{
		"kompass: warning: $F: Uppgifter!B2: Kommun is empty",
	}},
	{in: "workbook/kommun-spaces.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Uppgifter!B2 -      Kommun is empty (found –; expected the kommun's name)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/kommun-spaces.xlsx", args: cmdSummary, exit: 0, out: []string{
		"Poängsammanställning:  2025",
	}, err: []string{
		"kompass: warning: $F: Uppgifter!B2: Kommun is empty",
	}},
	// A name of only invisible characters is empty (it validated as a
	// kommun without a name, and several such were not duplicates).
	{in: "workbook/kommun-invisible.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Uppgifter!B2 -      Kommun is empty (found –; expected the kommun's name)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/kommun-invisible.xlsx", args: cmdReportData, exit: 0, dir: "data", base: true, writes: []string{"out.html"}, err: []string{
		"kompass: warning: $F is left out of comparisons: 1 problem: Uppgifter!B2: Kommun is empty (run 'kompass validate $F')",
	}},
	{in: "workbook/kommun-formula.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Uppgifter!B2 -      Kommun holds a formula; type the value itself (found =\"Exempel\"&\"kommun\"; expected a value)",
		"  error   Uppgifter!B2 -      Kommun is empty (found –; expected the kommun's name)",
		"1 workbook checked: 0 ok, 1 with problems (2 errors, 0 warnings)",
	}},
	{in: "workbook/kommun-formula.xlsx", args: cmdSummary, exit: 0, out: []string{
		"Poängsammanställning:  2025",
	}, err: []string{
		"kompass: warning: $F: Uppgifter!B2: Kommun holds a formula; type the value itself",
		"kompass: warning: $F: Uppgifter!B2: Kommun is empty",
	}},
	{in: "workbook/year-text.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Uppgifter!B3 -      År \"tjugohundra\" is not a year (found tjugohundra; expected a year such as 2007)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/year-text.xlsx", args: cmdSummary, exit: 0, out: []string{
		"Poängsammanställning: Exempelkommun A",
	}, err: []string{
		"kompass: warning: $F: Uppgifter!B3: År \"tjugohundra\" is not a year",
	}},
	{in: "workbook/year-20071.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Uppgifter!B3 -      År \"20071\" is not a year (found 20071; expected a year such as 2007)",
		"1 workbook checked: 0 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/year-20071.xlsx", args: cmdSummary, exit: 0, out: []string{
		"Poängsammanställning: Exempelkommun A",
	}, err: []string{
		"kompass: warning: $F: Uppgifter!B3: År \"20071\" is not a year",
	}},
	{in: "instrument/syntax-error.toml", args: cmdCheck, exit: 3, out: []string{
		"$F:4: name: strings cannot contain newlines",
	}},
	{in: "instrument/wrong-types.toml", args: cmdCheck, exit: 3, out: []string{
		"$F:3: name: is the integer 7; expected a text value",
		"$F:5: step: is the text \"0,5\"; expected a number",
		"$F:8: area[1].id: is the integer 1; expected a text value",
		"$F:10: area[1].max: is the text \"hundra\"; expected a number",
		"$F:15: area[1].question[1].max: is the boolean true; expected a number",
	}},
	{in: "instrument/unknown-keys.toml", args: cmdCheck, exit: 3, out: []string{
		"$F:6: colour: unknown key \"colour\"; expected one of id, version, name, language, step, description, source, publisher, area, compare",
		"$F:12: area[1].vikt: unknown key \"vikt\"; expected one of id, name, max, question",
		"$F:18: area[1].question[1].poang: unknown key \"poang\"; expected one of id, text, max",
	}},
	{in: "instrument/duplicate-tables.toml", args: cmdCheck, exit: 3, out: []string{
		"$F:20: compare[1].areas: key 'compare.areas' has already been defined",
	}},
	{in: "instrument/duplicate-keys.toml", args: cmdCheck, exit: 3, out: []string{
		"$F:4: id: key 'id' has already been defined",
	}},
	{in: "instrument/question-before-area.toml", args: cmdCheck, exit: 3, out: []string{
		"$F:8: area.question: [[area.question]] comes before any [[area]]; a delfråga must follow the [[area]] (huvudområde) it belongs to",
	}},
	{in: "instrument/max-does-not-add-up.toml", args: cmdCheck, exit: 3, out: []string{
		"$F:11: area[1].max: area \"1\" has max 100 but its delfrågor's maxpoäng add up to 90",
	}},
	{in: "instrument/empty.toml", args: cmdCheck, exit: 3, out: []string{
		"$F: area: no [[area]] tables; an instrument needs at least one huvudområde",
		"$F: id: missing; expected a text value",
		"$F: language: missing; expected a text value",
		"$F: name: missing; expected a text value",
		"$F: step: missing; expected a number",
		"$F: version: missing; expected a text value",
	}},
	{in: "instrument/not-utf8.toml", args: cmdCheck, exit: 3, out: []string{
		"$F:4: name: invalid UTF-8 byte: 0xf6",
	}},
	{in: "instrument/deep-nesting.toml", args: cmdCheck, exit: 3, out: []string{
		"$F:7: nested more than 32 levels deep; an instrument file needs at most 3",
	}},
	{in: "instrument/long-key.toml", args: cmdCheck, exit: 3, out: []string{
		"$F:7: key path longer than 256 characters; instrument keys are short",
	}},
	{in: "instrument/single-area-table.toml", args: cmdCheck, exit: 3, out: []string{
		"$F:8: area: is a single table; write [[area]] (an array of tables) for each entry",
	}},
	{in: "instrument/step-and-ids.toml", args: cmdCheck, exit: 3, out: []string{
		"$F:11: area[1].max: 7,5 is not a multiple of the step 1",
		"$F:14: area[2].id: duplicate id \"1\" (already used by area[1])",
		"$F:19: area[2].question[1].id: delfråga id \"2.1\" does not belong to area \"1\"; expected an id starting with \"1.\"",
		"$F:24: area[3].id: \"Total\" is reserved for the total row",
	}},
	{in: "instrument/too-large.toml", args: cmdCheck, exit: 3, out: []string{
		"$F: the file is 1048777 bytes; kompass reads instrument files of at most 1048576 bytes",
	}},
	{in: "instrument/syntax-error.toml", args: cmdTemplate, exit: 3, err: []string{
		"kompass: error: $F:4: name: strings cannot contain newlines",
		"hint: check the file with 'kompass instruments check $F'",
	}},
	{in: "instrument/max-does-not-add-up.toml", args: cmdTemplate, exit: 3, err: []string{
		"kompass: error: $F:11: area[1].max: area \"1\" has max 100 but its delfrågor's maxpoäng add up to 90",
		"hint: check the file with 'kompass instruments check $F'",
	}},
	{in: "instrument/question-before-area.toml", args: cmdTemplate, exit: 3, err: []string{
		"kompass: error: $F:8: area.question: [[area.question]] comes before any [[area]]; a delfråga must follow the [[area]] (huvudområde) it belongs to",
		"hint: check the file with 'kompass instruments check $F'",
	}},
	{in: "instrument/empty.toml", args: cmdTemplate, exit: 3, err: []string{
		"kompass: error: $F: area: no [[area]] tables; an instrument needs at least one huvudområde",
		"  $F: id: missing; expected a text value",
		"  $F: language: missing; expected a text value",
		"  $F: name: missing; expected a text value",
		"  $F: step: missing; expected a number",
		"  $F: version: missing; expected a text value",
		"hint: check the file with 'kompass instruments check $F'",
	}},
	{in: "instrument/not-utf8.toml", args: cmdTemplate, exit: 3, err: []string{
		"kompass: error: $F:4: name: invalid UTF-8 byte: 0xf6",
		"hint: check the file with 'kompass instruments check $F'",
	}},
	{in: "instrument/too-large.toml", args: cmdTemplate, exit: 3, err: []string{
		"kompass: error: $F: the file is 1048777 bytes; kompass reads instrument files of at most 1048576 bytes",
		"hint: check the file with 'kompass instruments check $F'",
	}},
	{in: "instrument/wrong-types.toml", args: cmdExport, exit: 3, dir: "inst", base: true, err: []string{
		"kompass: error: $F:3: name: is the integer 7; expected a text value",
		"  $F:5: step: is the text \"0,5\"; expected a number",
		"  $F:8: area[1].id: is the integer 1; expected a text value",
		"  $F:10: area[1].max: is the text \"hundra\"; expected a number",
		"  $F:15: area[1].question[1].max: is the boolean true; expected a number",
		"hint: fix the instrument file, or check it with 'kompass instruments check FILE'",
	}},
	{in: "instrument/duplicate-tables.toml", args: cmdExport, exit: 3, dir: "inst", base: true, err: []string{
		"kompass: error: $F:20: compare[1].areas: key 'compare.areas' has already been defined",
		"hint: fix the instrument file, or check it with 'kompass instruments check FILE'",
	}},
	{in: "instrument/unknown-keys.toml", args: cmdExport, exit: 3, dir: "inst", base: true, err: []string{
		"kompass: error: $F:6: colour: unknown key \"colour\"; expected one of id, version, name, language, step, description, source, publisher, area, compare",
		"  $F:12: area[1].vikt: unknown key \"vikt\"; expected one of id, name, max, question",
		"  $F:18: area[1].question[1].poang: unknown key \"poang\"; expected one of id, text, max",
		"hint: fix the instrument file, or check it with 'kompass instruments check FILE'",
	}},
	{in: "instrument/deep-nesting.toml", args: cmdReportInst, exit: 3, dir: "inst", base: true, err: []string{
		"kompass: error: $F:7: nested more than 32 levels deep; an instrument file needs at most 3",
		"hint: fix the instrument file, or check it with 'kompass instruments check FILE'",
	}},
	{in: "instrument/deep-nesting.toml", args: cmdReportAllInst, exit: 3, dir: "inst", base: true, err: []string{
		"kompass: error: $F:7: nested more than 32 levels deep; an instrument file needs at most 3",
		"hint: fix the instrument file, or check it with 'kompass instruments check FILE'",
	}},
	{in: "instrument/long-key.toml", args: cmdReportInst, exit: 3, dir: "inst", base: true, err: []string{
		"kompass: error: $F:7: key path longer than 256 characters; instrument keys are short",
		"hint: fix the instrument file, or check it with 'kompass instruments check FILE'",
	}},
	{in: "instrument/long-key.toml", args: cmdReportAllInst, exit: 3, dir: "inst", base: true, err: []string{
		"kompass: error: $F:7: key path longer than 256 characters; instrument keys are short",
		"hint: fix the instrument file, or check it with 'kompass instruments check FILE'",
	}},
	{in: "instrument/duplicate-keys.toml", args: cmdReportInst, exit: 3, dir: "inst", base: true, err: []string{
		"kompass: error: $F:4: id: key 'id' has already been defined",
		"hint: fix the instrument file, or check it with 'kompass instruments check FILE'",
	}},
	{in: "instrument/duplicate-keys.toml", args: cmdReportAllInst, exit: 3, dir: "inst", base: true, err: []string{
		"kompass: error: $F:4: id: key 'id' has already been defined",
		"hint: fix the instrument file, or check it with 'kompass instruments check FILE'",
	}},
	// Nothing raw reaches the terminal: compare lists a Kommentar, and
	// instruments an instrument's name, with their control characters shown.
	{in: "workbook/comment-control-chars.xlsx", args: cmdCompareData, exit: 0, dir: "data", result: true, out: []string{
		"Kommentarer i arbetsböckerna (rättelser och motiveringar):",
		`- 2025, 1.1: rättad\x1b]0;pwned\x07\x1b[2K\x0ddold`,
	}, err: []string{}},
	{in: "workbook/comment-control-chars.xlsx", args: []string{"compare", "--data", "data", "--kommun", kommunA, "--format", "json"}, exit: 0, dir: "data", out: []string{
		`re:\s+"text": "rättad\\u001b\]0;pwned\\u0007\\u001b\[2K\\rdold"`,
	}},
	{in: "instrument/control-name.toml", args: cmdInstruments, exit: 0, dir: "inst", out: []string{
		`re:hostile@1\s+Ond\\x1b\]0;pwned\\x07\\x1b\[2K\\x0dversion\s+1 .* $F`,
	}},
	{in: "instrument/control-name.toml", args: cmdCheck, exit: 0, out: []string{
		"$F: ok (hostile@1, 1 huvudområde, 0 delfrågor, max 100)",
	}},
	// No CSV holds a formula: a text that starts with =, +, -, @ gets a '
	// in front (numbers stay numbers).
	{in: "workbook/formula-text.xlsx", args: []string{"export", "--data", "data"}, exit: 0, dir: "data", result: true, out: []string{
		`"'=HYPERLINK(""http://evil.example/"",""Exempelkommun A"")",2025,kommun,kommunkompassen,2007,1,,Offentlighet och demokratisk kontroll,100,73,"'=HYPERLINK(""http://evil.example/"",""Källa"")"`,
	}},
	{in: "workbook/formula-text.xlsx", args: []string{"summary", "--format", "csv", "$F"}, exit: 0, result: true, out: []string{
		`"'=HYPERLINK(""http://evil.example/"",""Exempelkommun A"")",2025,kommunkompassen,2007,question,1.1,1,Hur informeras medborgarna?,40,28`,
	}},
	{in: "workbook/formula-text.xlsx", args: []string{"compare", "--data", "data", "--kommun", formulaKommun, "--format", "csv"}, exit: 0, dir: "data", result: true, out: []string{
		`re:"'=HYPERLINK\(""http://evil.example/"",""Exempelkommun A""\)",2025,.*`,
	}},
	// Instrument files are read as every input is: a FIFO or a link to
	// /dev/zero in the instruments folder is refused, never waited for
	// (it made every command hang) or read to the end (out of memory).
	{in: "instrument/fifo.toml", args: cmdCheck, exit: 3, out: []string{
		"$F: is not a regular file but a named pipe (FIFO); kompass reads only regular files",
	}},
	{in: "instrument/fifo.toml", args: cmdInstruments, exit: 3, dir: "inst", err: []string{
		"kompass: error: $F: is not a regular file but a named pipe (FIFO); kompass reads only regular files",
		"hint: fix the instrument file, or check it with 'kompass instruments check FILE'",
	}},
	{in: "instrument/fifo.toml", args: cmdReportInst, exit: 3, dir: "inst", base: true, err: []string{
		"kompass: error: $F: is not a regular file but a named pipe (FIFO); kompass reads only regular files",
	}},
	{in: "instrument/dev-zero.toml", args: cmdCheck, exit: 3, out: []string{
		"$F: is not a regular file but a character device; kompass reads only regular files",
	}},
	{in: "instrument/dev-zero.toml", args: cmdExport, exit: 3, dir: "inst", base: true, err: []string{
		"kompass: error: $F: is not a regular file but a character device; kompass reads only regular files",
	}},
	{in: "instrument/dev-zero.toml", args: []string{"--instruments", "inst", "validate", "data"}, exit: 3, dir: "inst", base: true, err: []string{
		"kompass: error: $F: is not a regular file but a character device; kompass reads only regular files",
	}},
	{in: "workbook/text.xlsx", args: cmdReportData, exit: 3, dir: "data", err: []string{
		"kompass: warning: $F is left out of comparisons: 1 problem: the file is not an xlsx workbook (an xlsx file is a zip archive; this one is not) (run 'kompass validate $F')",
		"kompass: error: no valid evaluation of \"Exempelkommun A\" in data",
		"hint: no workbook in data validates; see the warnings above, or run 'kompass validate data'",
	}},
	{in: "workbook/bomb-200mb.xlsx", args: cmdReportData, exit: 3, dir: "data", err: []string{
		"kompass: warning: $F is left out of comparisons: 1 problem: the workbook unpacks to 200.1 MB, more than the 50 MB kompass accepts (a zip bomb, or not an evaluation workbook) (run 'kompass validate $F')",
		"kompass: error: no valid evaluation of \"Exempelkommun A\" in data",
		"hint: no workbook in data validates; see the warnings above, or run 'kompass validate data'",
	}},
	{in: "workbook/column-xfd.xlsx", args: cmdReportData, exit: 3, dir: "data", err: []string{
		"kompass: warning: $F is left out of comparisons: 1 problem: Poäng: the sheet is too large to read: sheet \"Poäng\" has a value in XFD3, beyond column IV (run 'kompass validate $F')",
		"kompass: error: no valid evaluation of \"Exempelkommun A\" in data: $F has problems",
		"hint: fix what the warnings above name, or run 'kompass validate $F'",
	}},
	{in: "workbook/score-text.xlsx", args: cmdReportData, exit: 3, dir: "data", err: []string{
		"kompass: warning: $F is left out of comparisons: 1 problem: Poäng!D3 (1.1): Poäng \"tjugoåtta\" is not a number (run 'kompass validate $F')",
		"kompass: error: no valid evaluation of \"Exempelkommun A\" in data: $F has problems",
		"hint: fix what the warnings above name, or run 'kompass validate $F'",
	}},
	{in: "workbook/kommun-empty.xlsx", args: cmdReportData, exit: 3, dir: "data", err: []string{
		"kompass: warning: $F is left out of comparisons: 1 problem: Uppgifter!B2: Kommun is empty (run 'kompass validate $F')",
		"kompass: error: no valid evaluation of \"Exempelkommun A\" in data",
		"hint: no workbook in data validates; see the warnings above, or run 'kompass validate data'",
	}},
	{in: "workbook/rows-100000.xlsx", args: cmdReportData, exit: 3, dir: "data", err: []string{
		"kompass: warning: $F is left out of comparisons: 1 problem: Poäng: the sheet has more than 5000 rows with content; an evaluation workbook has one row per area and delfråga (run 'kompass validate $F')",
		"kompass: error: no valid evaluation of \"Exempelkommun A\" in data: $F has problems",
		"hint: fix what the warnings above name, or run 'kompass validate $F'",
	}},
	{in: "workbook/libreoffice-above-max.xlsx", args: cmdReportData, exit: 3, dir: "data", err: []string{
		"kompass: warning: $F is left out of comparisons: 1 problem: Poäng!D37 (7.1): Poäng 25 for delfråga 7.1 is above its maxpoäng 20 (run 'kompass validate $F')",
		"kompass: error: no valid evaluation of \"Exempelkommun A\" in data: $F has problems",
		"hint: fix what the warnings above name, or run 'kompass validate $F'",
	}},
	{in: "workbook/year-text.xlsx", args: cmdReportData, exit: 3, dir: "data", err: []string{
		"kompass: warning: $F is left out of comparisons: 1 problem: Uppgifter!B3: År \"tjugohundra\" is not a year (run 'kompass validate $F')",
		"kompass: error: no valid evaluation of \"Exempelkommun A\" in data: $F has problems",
		"hint: fix what the warnings above name, or run 'kompass validate $F'",
	}},
	{in: "workbook/merges-large.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Poäng!D2     1      the Poäng cell is merged with other cells (A1:J9999); unmerge it (found merged cells A1:J9999; expected one Poäng cell per row)",
	}},
	{in: "workbook/merges-large.xlsx", args: cmdSummary, exit: 0, out: []string{
		"Poängsammanställning: Exempelkommun A 2025",
	}, err: []string{
		"kompass: warning: $F: Poäng!D2 (1): the Poäng cell is merged with other cells (A1:J9999); unmerge it",
	}},
	{in: "workbook/merges-large.xlsx", args: cmdReportData, exit: 0, dir: "data", base: true, writes: []string{"out.html"}, out: []string{
		"wrote out.html (Exempelkommun A 2025)",
	}, err: []string{
		"kompass: warning: $F is left out of comparisons: 1 problem: Poäng!D2 (1): the Poäng cell is merged with other cells (A1:J9999); unmerge it (run 'kompass validate $F')",
	}},
	{in: "workbook/merges-100000.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Poäng        -      the sheet is too large to read: sheet \"Poäng\" has more than 10000 merged ranges",
	}},
	{in: "workbook/merges-100000.xlsx", args: cmdSummary, exit: 3, err: []string{
		"kompass: warning: $F: Poäng: the sheet is too large to read: sheet \"Poäng\" has more than 10000 merged ranges",
		"kompass: error: $F: cannot summarise this workbook",
	}},
	{in: "workbook/merges-100000.xlsx", args: cmdExportData, exit: 0, dir: "data", base: true, writes: []string{"out.csv"}, out: []string{
		"re:wrote out.csv .*",
	}, err: []string{
		"kompass: warning: $F is left out of comparisons: 1 problem: Poäng: the sheet is too large to read: sheet \"Poäng\" has more than 10000 merged ranges (run 'kompass validate $F')",
	}},
	{in: "workbook/shared-string-1mb.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   Poäng!D3     1.1    Poäng \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…\" is not a number (found xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…; expected a number such as 7,5)",
		"  error   -            -      … and 544 more problems",
		"1 workbook checked: 0 ok, 1 with problems (101 errors, 0 warnings)",
	}},
	{in: "workbook/shared-string-1mb.xlsx", args: cmdSummary, exit: 0, out: []string{
		"Poängsammanställning: Exempelkommun A 2025",
	}, err: []string{
		"kompass: warning: $F: Poäng!D3 (1.1): Poäng \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…\" is not a number",
		"kompass: warning: $F: … and 544 more problems",
	}},
	{in: "workbook/shared-string-1mb.xlsx", args: cmdCompareData, exit: 0, dir: "data", base: true, err: []string{
		"kompass: warning: $F is left out of comparisons: 101 problems: Poäng!D3 (1.1): Poäng \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…\" is not a number (run 'kompass validate $F')",
	}},
	{in: "workbook/shared-string-1mb.xlsx", args: cmdReportData, exit: 0, dir: "data", base: true, writes: []string{"out.html"}, out: []string{
		"wrote out.html (Exempelkommun A 2025)",
	}, err: []string{
		"kompass: warning: $F is left out of comparisons: 101 problems: Poäng!D3 (1.1): Poäng \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…\" is not a number (run 'kompass validate $F')",
	}},
	{in: "workbook/control-chars.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		`  error   Poäng!D3     1.1    Poäng "\x1b]0;pwned\a\x1b[2K\rsju\u202etton" is not a number (found \x1b]0;pwned\x07\x1b[2K\x0dsju\u202etton; expected a number such as 7,5)`,
	}},
	{in: "workbook/control-chars.xlsx", args: cmdSummary, exit: 0, out: []string{
		`[1] 1.2: bra\x1b[8m dold`,
	}, err: []string{
		`kompass: warning: $F: Poäng!D3 (1.1): Poäng "\x1b]0;pwned\a\x1b[2K\rsju\u202etton" is not a number`,
	}},
	{in: "workbook/fifo.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   -            -      is not a regular file but a named pipe (FIFO); kompass reads only regular files (found a named pipe (FIFO); expected a regular file)",
	}},
	{in: "workbook/fifo.xlsx", args: cmdValidateData, exit: 3, dir: "data", base: true, out: []string{
		"data/exempelkommun-a-2025.xlsx: ok (Exempelkommun A 2025)",
		"$F:",
		"  error   -            -      is not a regular file but a named pipe (FIFO); kompass reads only regular files (found a named pipe (FIFO); expected a regular file)",
		"2 workbooks checked: 1 ok, 1 with problems (1 error, 0 warnings)",
	}},
	{in: "workbook/fifo.xlsx", args: cmdExportData, exit: 0, dir: "data", base: true, writes: []string{"out.csv"}, err: []string{
		"kompass: warning: $F is left out of comparisons: 1 problem: is not a regular file but a named pipe (FIFO); kompass reads only regular files (run 'kompass validate $F')",
	}},
	{in: "workbook/dev-zero.xlsx", args: cmdValidate, exit: 3, out: []string{
		"$F:",
		"  error   -            -      is not a regular file but a character device; kompass reads only regular files (found a character device; expected a regular file)",
	}},
	{in: "workbook/dev-zero.xlsx", args: cmdSummary, exit: 3, err: []string{
		"kompass: warning: $F: is not a regular file but a character device; kompass reads only regular files",
		"kompass: error: $F: cannot summarise this workbook",
	}},
	{in: "workbook/dev-zero.xlsx", args: cmdReportData, exit: 0, dir: "data", base: true, writes: []string{"out.html"}, err: []string{
		"kompass: warning: $F is left out of comparisons: 1 problem: is not a regular file but a character device; kompass reads only regular files (run 'kompass validate $F')",
	}},
}
