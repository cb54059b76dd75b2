package msg

// Reading the evaluator's workbook (internal/workbook) and its cells
// (internal/xlsx): what the file is, its sheets, facts, scores and notes.
func init() {
	register(map[string]string{
		// The file.
		"the workbook could not be read (internal error: %v); open it in Excel or LibreOffice and save it again as .xlsx": "arbetsboken kunde inte läsas (internt fel: %v); öppna den i Excel eller LibreOffice och spara den igen som .xlsx",
		"cannot read the file: %v": "filen kan inte läsas: %v",
		"%d bytes":                 "%d byte",
		"at most %d bytes":         "högst %d byte",
		"an .xlsx workbook":        "en .xlsx-arbetsbok",
		"the file is empty":        "filen är tom",
		"the workbook is password-protected (encrypted); save a copy without a password to open (Arkiv → Info → Skydda arbetsbok)":            "arbetsboken är lösenordsskyddad (krypterad); spara en kopia utan lösenord för att öppna (Arkiv → Info → Skydda arbetsbok)",
		"this is an old Excel file (.xls, Excel 97–2003); save it as an Excel workbook (.xlsx)":                                               "det här är en gammal Excel-fil (.xls, Excel 97–2003); spara den som Excel-arbetsbok (.xlsx)",
		"the file is not an xlsx workbook (an xlsx file is a zip archive; this one is not)":                                                   "filen är ingen xlsx-arbetsbok (en xlsx-fil är ett zip-arkiv, och det är inte den här)",
		"the file is a damaged or truncated zip archive, not a readable xlsx workbook (%v)":                                                   "filen är ett skadat eller avkortat zip-arkiv, inte en läsbar xlsx-arbetsbok (%v)",
		"the zip archive holds the part %s twice, so programs may read different contents; open it in Excel or LibreOffice and save it again": "zip-arkivet innehåller delen %s två gånger, så olika program kan läsa olika innehåll; öppna filen i Excel eller LibreOffice och spara den igen",
		"the workbook unpacks to %s, more than the %d MB kompass accepts (a zip bomb, or not an evaluation workbook)":                         "arbetsboken packas upp till %s, mer än de %d MB som kompass tar emot (en zip-bomb, eller ingen utvärderingsarbetsbok)",
		"the file is a damaged zip archive, not a readable xlsx workbook":                                                                     "filen är ett skadat zip-arkiv, inte en läsbar xlsx-arbetsbok",
		"the zip archive holds no xl/workbook.xml: it is not an xlsx workbook":                                                                "zip-arkivet innehåller ingen xl/workbook.xml: det är ingen xlsx-arbetsbok",
		"the workbook is larger than kompass accepts (%v)":                                                                                    "arbetsboken är större än kompass tar emot (%v)",
		"the workbook is damaged and cannot be read (%v); open it in Excel or LibreOffice and save it again":                                  "arbetsboken är skadad och kan inte läsas (%v); öppna den i Excel eller LibreOffice och spara den igen",

		// Sheets.
		"a sheet named %s": "ett blad med namnet %s",
		"the sheet %q is very hidden, so no one sees what it holds, and kompass does not read it; make it visible (with a macro), or make a new workbook with kompass template": "bladet %q är mycket dolt, så ingen ser vad det innehåller, och kompass läser det inte; gör det synligt (med ett makro), eller skapa en ny arbetsbok med kompass template",
		"the sheet %q is missing, and the workbook has no sheets; make one with kompass template":                                                                               "bladet %q saknas, och arbetsboken har inga blad; skapa en med kompass template",
		"the sheet %q is missing; the workbook has the sheets %s (rename the sheet back, or make a new workbook with kompass template)":                                         "bladet %q saknas; arbetsboken har bladen %s (byt tillbaka bladets namn, eller skapa en ny arbetsbok med kompass template)",
		"the sheet has more than %d rows with content; an evaluation workbook has one row per area and delfråga":                                                                "bladet har fler än %d ifyllda rader; en utvärderingsarbetsbok har en rad per huvudområde och delfråga",
		"more than %d rows with content":     "fler än %d ifyllda rader",
		"at most %d rows":                    "högst %d rader",
		"the sheet is too large to read: %s": "bladet är för stort för att läsas: %s",
		"the sheet could not be read: %v":    "bladet kunde inte läsas: %v",
		"=(shared formula)":                  "=(delad formel)",

		// Uppgifter.
		"%s is given twice (first at %s)":           "%s anges två gånger (första gången i %s)",
		"one row %s":                                "en rad %s",
		"%s holds a formula; type the value itself": "%s innehåller en formel; skriv in själva värdet",
		"a value":             "ett värde",
		"År %q is not a year": "År %q är inget årtal",
		"a year such as 2007": "ett årtal, till exempel 2007",
		"Avser %q is neither kommun, medelvärde nor bedömning": "Avser %q är varken kommun, medelvärde eller bedömning",
		`"kommun", "medelvärde" or "bedömning"`:                `"kommun", "medelvärde" eller "bedömning"`,

		// Poäng.
		"no header row naming the columns %q and %q in the first %d rows": "ingen rubrikrad med kolumnerna %q och %q bland de första %d raderna",
		"a header row with the columns ID and Poäng":                      "en rubrikrad med kolumnerna ID och Poäng",
		"the ID cell holds a formula; ids must be plain text":             "ID-cellen innehåller en formel; id ska vara vanlig text",
		"the id typed as text":                                            "id:t inskrivet som text",
		"id %s appears twice (first in row %d); this row is ignored":      "id %s förekommer två gånger (första gången på rad %d); den här raden hoppas över",
		"each id once": "varje id en gång",
		"the Poäng cell is merged with other cells (%s); unmerge it": "Poäng-cellen är sammanfogad med andra celler (%s); dela upp den",
		"merged cells %s":        "sammanfogade celler %s",
		"one Poäng cell per row": "en Poäng-cell per rad",
		"the Poäng cell holds a formula; type the score itself (kompass computes all sums)": "Poäng-cellen innehåller en formel; skriv in själva poängen (kompass räknar ut alla summor)",
		"a number typed in the cell": "ett tal inskrivet i cellen",
		"Poäng looks like a date (%s), not a number; type the score as a number, in a cell formatted as a number": "Poäng ser ut som ett datum (%s), inte som ett tal; skriv poängen som ett tal, i en cell med talformat",
		"Poäng %q is not a number; leave the cell empty for what is not scored":                                   "Poäng %q är inget tal; lämna cellen tom för det som inte är poängsatt",
		"Poäng %q is not a number": "Poäng %q är inget tal",
		"a number such as 7,5":     "ett tal, till exempel 7,5",

		// Styrkor och förbättringsområden.
		"no header row naming the columns %q, %q and %q in the first %d rows": "ingen rubrikrad med kolumnerna %q, %q och %q bland de första %d raderna",
		"a header row with the columns Område, Typ and Text":                  "en rubrikrad med kolumnerna Område, Typ och Text",
		"Typ %q is neither Styrka nor Förbättringsområde":                     "Typ %q är varken Styrka eller Förbättringsområde",
		"Styrka or Förbättringsområde":                                        "Styrka eller Förbättringsområde",
		"the row has a text but no Område":                                    "raden har en text men inget Område",
		"an area id such as 1":                                                "ett huvudområde, till exempel 1",
	})
}
