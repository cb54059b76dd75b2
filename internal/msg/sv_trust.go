package msg

// Issue 19: one evaluation per kommun and year, drafts and the marks of the
// evaluators' meeting, scores stored as text, the status of a workbook,
// other programs' spreadsheets, and a follow-up of a plan with problems.
func init() {
	register(map[string]string{
		// claims (validate/claims.go) and clashes (evalset)
		"%s and %s": "%s och %s",
		"%s is also in %s; none of them is used until only one is left in the folder":                   "%s finns också i %s; ingen av dem används förrän bara en finns kvar i mappen",
		"%s's bedömning of %s is also in %s; none of them is used until only one is left in the folder": "%ss bedömning av %s finns också i %s; ingen av dem används förrän bara en finns kvar i mappen",
		"%s is also in %s, which is used; this workbook has errors, so it is not":                       "%s finns också i %s, som används; den här arbetsboken har fel och används inte",
		"%s %d is in %d workbooks, %s": "%s %d finns i %d arbetsböcker, %s",
		"%s; none of them is used, since kompass cannot tell which is the evaluation":                                                                            "%s; ingen av dem används, eftersom kompass inte kan avgöra vilken som är utvärderingen",
		"keep the agreed workbook and move the others out of the folder (a copy such as '… - kopia.xlsx' is the usual cause); 'kompass validate' names them all": "behåll den överenskomna arbetsboken och flytta de andra ur mappen (oftast är det en kopia, som '… - kopia.xlsx'); 'kompass validate' nämner dem alla",
		"the åtgärdsplan %[1]s is left out of reports: %[2]s%[3]s (run 'kompass validate %[1]s')":                                                                "åtgärdsplanen %[1]s lämnas utanför rapporterna: %[2]s%[3]s (kör 'kompass validate %[1]s')",

		// Status (workbook/read.go) and drafts (validate, report)
		"Utkast or Slutlig":                       "Utkast eller Slutlig",
		"Status %q is neither Utkast nor Slutlig": "Status %q är varken Utkast eller Slutlig",
		"Status is empty, so the evaluation counts as a draft (Utkast); choose Slutlig when it is finished": "Status är tom, så utvärderingen räknas som ett utkast (Utkast); välj Slutlig när den är klar",
		"%s, draft":                 "%s, utkast",
		"%s is a draft (Status %s)": "%s är ett utkast (Status %s)",
		"%s is a draft (Status Utkast in %s); its scores may still change":                                                   "%s är ett utkast (Status Utkast i %s); poängen kan fortfarande ändras",
		"an agreed score, without the mark":                                                                                  "en överenskommen poäng, utan markering",
		"the score is still marked %s; agree on it, then delete the mark":                                                    "poängen är fortfarande markerad %s; kom överens om den och ta sedan bort markeringen",
		"the agreed text, without names":                                                                                     "den överenskomna texten, utan namn",
		"the text still starts with the names of the evaluators who wrote it (%q); agree on the text, then delete the names": "texten börjar fortfarande med namnen på bedömarna som skrev den (%q); kom överens om texten och ta sedan bort namnen",
		"%s %d is not finished, so its report is not written:":                                                               "%s %d är inte klar, så rapporten skrivs inte:",
		"… and %d more": "… och %d till",
		"agree on what is marked, delete the marks and set Status to Slutlig on the sheet Uppgifter; or write a draft with --utkast (every page then says UTKAST)": "kom överens om det som är markerat, ta bort markeringarna och sätt Status till Slutlig på bladet Uppgifter; eller skriv ett utkast med --utkast (då står det UTKAST på varje sida)",
		"the report of %s %d is a draft, marked UTKAST on every page:\n  %s":                                                                                       "rapporten för %s %d är ett utkast, märkt UTKAST på varje sida:\n  %s",

		// a workbook made before Motivering i rapporten (workbook/read.go)
		"the sheet has no column %[1]s, so no Kommentar is published (they are the evaluators' own notes); to print a correction or reason in the report, add a column headed %[1]s and write it there": "bladet har ingen kolumn %[1]s, så ingen Kommentar publiceras (de är utvärderarnas egna anteckningar); för att trycka en rättelse eller motivering i rapporten, lägg till en kolumn med rubriken %[1]s och skriv den där",

		// scores stored as text (workbook/read.go)
		"the number %s": "talet %s",
		"Poäng %q is stored as text; kompass reads it as %s, but sums in Excel and LibreOffice skip text — type %s again as a number": "Poäng %q är sparad som text; kompass läser den som %s, men summor i Excel och LibreOffice räknar inte med text – skriv in %s igen som ett tal",

		// an evaluator's gap (validate.go)
		"huvudområde %s is partly scored: %s not scored; the consensus takes the other evaluators' scores": "huvudområde %s är delvis poängsatt: %s inte poängsatt; konsensus tar de andra bedömarnas poäng",
		"huvudområde %s is not scored; the consensus takes the other evaluators' scores":                   "huvudområde %s är inte poängsatt; konsensus tar de andra bedömarnas poäng",

		// other programs' spreadsheets (sheet/open.go)
		"this is an OpenDocument spreadsheet (.ods), which kompass does not read; open it and save it as .xlsx (LibreOffice: Arkiv → Spara som → Excel 2007–365)":                                       "det här är ett OpenDocument-kalkylark (.ods), som kompass inte läser; öppna det och spara det som .xlsx (LibreOffice: Arkiv → Spara som → Excel 2007–365)",
		"this is an old Excel workbook (.xls), which kompass does not read; open it and save it as .xlsx (Excel: Arkiv → Spara som → Excel-arbetsbok; LibreOffice: Arkiv → Spara som → Excel 2007–365)": "det här är en gammal Excel-arbetsbok (.xls), som kompass inte läser; öppna den och spara den som .xlsx (Excel: Arkiv → Spara som → Excel-arbetsbok; LibreOffice: Arkiv → Spara som → Excel 2007–365)",
		"this is a Numbers document (.numbers), which kompass does not read; export it as .xlsx (Numbers: Arkiv → Exportera till → Excel)":                                                              "det här är ett Numbers-dokument (.numbers), som kompass inte läser; exportera det som .xlsx (Numbers: Arkiv → Exportera till → Excel)",
		"this is a binary Excel workbook (.xlsb), which kompass does not read; open it and save it as .xlsx (Excel: Arkiv → Spara som → Excel-arbetsbok)":                                               "det här är en binär Excel-arbetsbok (.xlsb), som kompass inte läser; öppna den och spara den som .xlsx (Excel: Arkiv → Spara som → Excel-arbetsbok)",

		// a follow-up of a plan with problems (cli/followup.go)
		"the åtgärdsplan %s has %s; the follow-up above counts an åtgärd whose status could not be read as not reported": "åtgärdsplanen %s har %s; uppföljningen ovan räknar en åtgärd vars status inte gick att läsa som ej rapporterad",
		"correct the cells named above; 'kompass validate %s' lists them too":                                            "rätta cellerna som nämns ovan; 'kompass validate %s' listar dem också",
	})
}
