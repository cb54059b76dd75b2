package msg

// Help: every command's usage, short and long description and flags, the
// headings of the help, and the command line's own errors (cobra, pflag).
func init() {
	register(map[string]string{
		"replace output files that exist already": "ersätt utdatafiler som redan finns",
		"text": "text",
		"Bring the evaluators' text into a workbook":                                                 "För in utvärderarnas text i en arbetsbok",
		"import DOCUMENT.docx --into WORKBOOK.xlsx (-o NEW.xlsx | --force)":                          "import DOKUMENT.docx --into ARBETSBOK.xlsx (-o NY.xlsx | --force)",
		"Read the analysis from a Word document into a workbook":                                     "Läs in analysen från ett Word-dokument till en arbetsbok",
		"the evaluation workbook (.xlsx) the text goes into":                                         "utvärderingens arbetsbok (.xlsx) som texten ska in i",
		"write the result to this new workbook (default: replace the --into workbook, with --force)": "skriv resultatet till den här nya arbetsboken (standard: ersätt arbetsboken i --into, med --force)",
		"Compare the evaluators' own workbooks and write the consensus workbook":                     "Jämför utvärderarnas egna arbetsböcker och skriv konsensusarbetsboken",
		`kompass has stopped.
`: `kompass har avslutats.
`,
		"reference group: a name from groups.toml, a published mean such as \"Sverigesnitt 2021\", or \"alla\"": "referensgrupp: ett namn ur groups.toml, ett publicerat medelvärde som \"Sverigesnitt 2021\", eller \"alla\"",
		"Commands:": "Kommandon:",
		"the year of the evaluation whose plan to follow up (default: the latest with a plan)": "året för utvärderingen vars plan följs upp (standard: den senaste med en plan)",
		"reference group (see 'kompass compare --help')":                                       "referensgrupp (se 'kompass compare --help')",
		"serve takes at most one folder, got %d arguments":                                     "serve tar högst en mapp, fick %d argument",
		"kompass": "kompass",
		" or ":    " eller ",
		`Keep this window open while you use the page. kompass stops when the page is closed, or with Ctrl+C.
`: `Låt det här fönstret vara öppet medan du använder sidan. kompass avslutas när sidan stängs, eller med Ctrl+C.
`,
		"add a note on how far the evaluators agreed before they met (Bedömarnas samstämmighet), from their own workbooks (Avser = bedömning) in the data folder": "lägg till en not om hur samstämmiga utvärderarna var innan de möttes (Bedömarnas samstämmighet), ur deras egna arbetsböcker (Avser = bedömning) i datamappen",
		"output format: text, csv or json":                      "utdataformat: text, csv eller json",
		"Write the HTML report of a kommun, or of every kommun": "Skriv rapporten för en kommun, eller för alla kommuner, som HTML",
		"Write an Excel workbook for an evaluator to fill in":   "Skriv en arbetsbok i Excel som en utvärderare fyller i",
		"--%s %q: expected true or false":                       "--%s %q: ange true eller false",
		"starting the page: %w":                                 "sidan kunde inte startas: %w",
		"unknown flag --%s":                                     "okänd flagga --%s",
		"write the report of an unfinished evaluation (Status Utkast, ATT DISKUTERA left) as a draft, marked UTKAST on every page": "skriv rapporten för en ofärdig utvärdering (Status Utkast, ATT DISKUTERA kvar) som ett utkast, märkt UTKAST på varje sida",
		"the evaluation year, e.g. 2007": "utvärderingsåret, t.ex. 2007",
		"no arguments":                   "inga argument",
		`Exit codes:
  0  ok: no problems
  1  the tool failed (a file could not be read or written)
  2  usage error (unknown command or flag, missing argument)
  3  the input has problems (reported above)`: `Slutkoder:
  0  ok: inga problem
  1  verktyget misslyckades (en fil kunde inte läsas eller skrivas)
  2  fel i kommandoraden (okänt kommando eller flagga, argument saknas)
  3  indata har problem (redovisade ovan)`,
		"data folder with the evaluation workbooks (or give it as DIR)": "datamapp med utvärderingarnas arbetsböcker (eller ange den som MAPP)",
		"Run '%s COMMAND --help' for the help of a command.":            "Kör '%s KOMMANDO --help' för hjälp om ett kommando.",
		"string": "text",
		"comma-separated years to include (default: all)":        "år att ta med, åtskilda av kommatecken (standard: alla)",
		"Print the version of kompass":                           "Skriv ut versionen av kompass",
		"instruments":                                            "instruments",
		"Check evaluation workbooks":                             "Kontrollera utvärderingarnas arbetsböcker",
		"do not open the browser; only print the page's address": "öppna inte webbläsaren; skriv bara ut sidans adress",
		"serve [DIR]":                                            "serve [MAPP]",
		"the kommun to compare":                                  "kommunen som ska jämföras",
		"discuss a score when the evaluators' spread is at least this many points (default: a quarter of its maxpoäng)": "diskutera en poäng när utvärderarnas spridning är minst så här många poäng (standard: en fjärdedel av maxpoängen)",
		"output file (default <kommun>-<year>.xlsx)":                     "utdatafil (standard <kommun>-<år>.xlsx)",
		"output file (default: stdout)":                                  "utdatafil (standard: stdout)",
		"give the folder of the evaluation workbooks: kompass serve DIR": "ange mappen med utvärderingarnas arbetsböcker: kompass serve MAPP",
		"help [COMMAND]": "help [KOMMANDO]",
		" (default %s)":  " (standard %s)",
		`The page was closed; kompass has stopped.
`: `Sidan stängdes; kompass har avslutats.
`,
		" (with changes not committed)":             " (med ändringar som inte är incheckade)",
		"--%s needs a value":                        "--%s behöver ett värde",
		"[flags]":                                   "[flaggor]",
		"the evaluation year (default: the latest)": "utvärderingsåret (standard: det senaste)",
		"with --group alla: only evaluations made in these years, e.g. 2019-2022":                                     "med --group alla: bara utvärderingar gjorda dessa år, t.ex. 2019-2022",
		"output file (default <kommun>-<year>-atgardsplan.xlsx)":                                                      "utdatafil (standard <kommun>-<år>-atgardsplan.xlsx)",
		"did you mean %s? see '%s --help'":                                                                            "menade du %s? se '%s --help'",
		"unknown flag -%s (in -%s)":                                                                                   "okänd flagga -%s (i -%s)",
		"Compare a kommun across years, or with a reference group":                                                    "Jämför en kommun över åren, eller med en referensgrupp",
		"List the known instrument versions":                                                                          "Lista de kända instrumentversionerna",
		"folder of instrument TOML files that add to or replace the built-in ones (ignored if the default is absent)": "mapp med instrumentfiler (TOML) som lägger till eller ersätter de inbyggda (hoppas över om standardmappen saknas)",
		"consensus FILE… [-o OUT.xlsx] [--format text|json] [--threshold P]":                                          "consensus FIL… [-o UT.xlsx] [--format text|json] [--threshold P]",
		"Export every validated evaluation as one table":                                                              "Exportera alla utvärderingar utan fel som en tabell",
		"output format: csv, json or xlsx":                                                                            "utdataformat: csv, json eller xlsx",
		"show this help of %s":                                                                                        "visa den här hjälpen för %s",
		"Show the data folder on a page in the web browser, with a button for each job":                               "Visa datamappen på en sida i webbläsaren, med en knapp för varje uppgift",
		"output format: text or json":                                                                                 "utdataformat: text eller json",
		"--%s %q: not a valid value":                                                                                  "--%s %q: är inget giltigt värde",
		"take the standing on this day (YYYY-MM-DD) instead of at the latest reported occasion":                       "ta läget den här dagen (ÅÅÅÅ-MM-DD) i stället för vid det senaste rapporterade tillfället",
		"-%s needs a value":                                                                                           "-%s behöver ett värde",
		"Flags of every command:":                                                                                     "Flaggor för alla kommandon:",
		"Write the åtgärdsplan workbook for an evaluation's förbättringsområden":                                      "Skriv arbetsboken med åtgärdsplanen för en utvärderings förbättringsområden",
		"Flags:":             "Flaggor:",
		"unknown command %q": "okänt kommando %q",
		"write a report for every kommun and an index page": "skriv en rapport för varje kommun och en indexsida",
		`kompass shows %s at %s
`: `kompass visar %s på %s
`,
		"data folder with the evaluation workbooks and their åtgärdsplaner":                        "datamapp med utvärderingarnas arbetsböcker och deras åtgärdsplaner",
		"instrument as id@version (e.g. kommunkompassen@2007), id (latest version) or a TOML file": "instrumentet som id@version (t.ex. kommunkompassen@2007), id (senaste versionen) eller en TOML-fil",
		"Show the help of a command":  "Visa hjälpen för ett kommando",
		"Check instrument TOML files": "Kontrollera instrumentfiler (TOML)",
		"make one evaluator's own workbook (Avser = bedömning) with this evaluator's name": "gör en utvärderares egen arbetsbok (Avser = bedömning) med utvärderarens namn",
		"Show the help of kompass, or of the command named.":                               "Visa hjälpen för kompass, eller för kommandot som anges.",
		"compare --kommun NAME [--years Y1,Y2,…] [--group GROUP] [--format text|csv|json]": "compare --kommun NAMN [--years Å1,Å2,…] [--group GRUPP] [--format text|csv|json]",
		"the browser could not be opened (%v); open the address above in a browser":        "webbläsaren kunde inte öppnas (%v); öppna adressen ovan i en webbläsare",
		"Kommunkompassen evaluations: Excel templates, validation, summaries":              "Utvärderingar med Kommunkompassen: Excelmallar, kontroller, sammanställningar",
		"%s: not a flag":                                 "%s: är ingen flagga",
		"summary [--format text|csv|json] FILE":          "summary [--format text|csv|json] FIL",
		"also write the consensus workbook to this file": "skriv också konsensusarbetsboken till den här filen",
		"check FILE…":                                    "check FIL…",
		"language of messages: sv (the default) or en; without it, an English locale (LANG=en_…) gives English": "meddelandenas språk: sv (standard) eller en; utan flaggan ger en engelsk locale (LANG=en_…) engelska",
		"data folder with the evaluation workbooks":                                                             "datamapp med utvärderingarnas arbetsböcker",
		"export [--format csv|json|xlsx] [-o FILE]":                                                             "export [--format csv|json|xlsx] [-o FIL]",
		"Examples:":                        "Exempel:",
		"--%s %q: expected a whole number": "--%s %q: ange ett heltal",
		"the last year with reporting occasions (default: two years after the evaluation)": "det sista året med rapporteringstillfällen (standard: två år efter utvärderingen)",
		"Usage:": "Användning:",
		"also print the report to this PDF file (needs Chromium, Google Chrome or Microsoft Edge)": "skriv också ut rapporten till den här PDF-filen (kräver Chromium, Google Chrome eller Microsoft Edge)",
		"data folder with the evaluation workbooks and groups.toml":                                "datamapp med utvärderingarnas arbetsböcker och groups.toml",
		"[command]": "[KOMMANDO]",
		"int":       "tal",
		"output file (with --all: output folder)":                                                       "utdatafil (med --all: utdatamapp)",
		"template --instrument ID[@VERSION]|FILE --kommun NAME --year YYYY [--bedomare NAME] [-o FILE]": "template --instrument ID[@VERSION]|FIL --kommun NAMN --year ÅÅÅÅ [--bedomare NAMN] [-o FIL]",
		"output file (default: stdout for csv and json)":                                                "utdatafil (standard: stdout för csv och json)",
		"the kommun": "kommunen",
		"validate [--format text|json] [PATH…]": "validate [--format text|json] [SÖKVÄG…]",
		`built %s
`: `byggd %s
`,
		"report (--kommun NAME [--year Y] [-o FILE] [--pdf FILE] | --all -o DIR) [--group GROUP]": "report (--kommun NAMN [--year Å] [-o FIL] [--pdf FIL] | --all -o MAPP) [--group GRUPP]",
		`commit %s
`: `incheckning %s
`,
		"Print the poängsammanställning of one evaluation": "Skriv ut poängsammanställningen för en utvärdering",
		"version": "version",
		"follow-up --kommun NAME [--year Y] [--format text|csv|json|xlsx|html] [--by område|nämnd] [--per YYYY-MM-DD] [-o FILE] [DIR]":    "follow-up --kommun NAMN [--year Å] [--format text|csv|json|xlsx|html] [--by område|nämnd] [--per ÅÅÅÅ-MM-DD] [-o FIL] [MAPP]",
		"Follow up a kommun's åtgärdsplan: how many åtgärder are done, per area, per nämnd and over time":                                 "Följ upp en kommuns åtgärdsplan: hur många åtgärder som är gjorda, per område, per nämnd och över tid",
		"plan --kommun NAME [--year Y] [-o FILE] [--force] [--until YEAR] [--occasions LIST] [--from PREVIOUS-PLAN] [DIR]":                "plan --kommun NAMN [--year Å] [-o FIL] [--force] [--until ÅR] [--occasions LISTA] [--from FÖRRA-PLANEN] [MAPP]",
		"output format: text, csv, json, or the nämnd's report as xlsx or html":                                                           "utdataformat: text, csv, json, eller rapporten till nämnden som xlsx eller html",
		"group the åtgärder per område (huvudområde) or per nämnd (nämnd/förvaltning)":                                                    "gruppera åtgärderna per område (huvudområde) eller per nämnd (nämnd/förvaltning)",
		"the reporting occasions, comma-separated: months, tertial 1–3, delårsrapport, delårsbokslut, årsredovisning, or NAME:YYYY-MM-DD": "rapporteringstillfällena, åtskilda av kommatecken: månader, tertial 1–3, delårsrapport, delårsbokslut, årsredovisning, eller NAMN:ÅÅÅÅ-MM-DD",
		"the kommun's previous åtgärdsplan: carry over its åtgärder not yet Genomförd":                                                    "kommunens förra åtgärdsplan: för över dess åtgärder som ännu inte är Genomförda",
	})
}
