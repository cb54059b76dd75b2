package msg

// kompass text import (internal/cli/text.go) and workbook.ReplaceText.
func init() {
	register(map[string]string{
		"a subcommand: import":                                                    "ett underkommando: import",
		"one Word document (.docx)":                                               "ett Word-dokument (.docx)",
		"--into is required: the workbook the text goes into":                     "--into krävs: arbetsboken som texten ska in i",
		"give -o NEW.xlsx for a new workbook, or --force to replace %s":           "ange -o NY.xlsx för en ny arbetsbok, eller --force för att ersätta %s",
		"save the analysis as a Word document (.docx) in Word or LibreOffice":     "spara analysen som Word-dokument (.docx) i Word eller LibreOffice",
		"%s is not an evaluation workbook kompass can read":                       "%s är ingen utvärderingsarbetsbok som kompass kan läsa",
		"check it with 'kompass validate', or make one with 'kompass template'":   "kontrollera den med 'kompass validate', eller gör en med 'kompass template'",
		"%s gives %d rows of text, more than the %d a sheet may hold":             "%s ger %d rader text, fler än de %d ett blad får ha",
		"split the analysis":                                                      "dela upp analysen",
		"%s holds no text that can be placed; nothing is written":                 "%s har ingen text som kan placeras; inget skrivs",
		"open it in Excel or LibreOffice and save it again":                       "öppna den i Excel eller LibreOffice och spara den igen",
		"make a new workbook with 'kompass template' and copy the scores into it": "gör en ny arbetsbok med 'kompass template' och för över poängen till den",
		"the workbook has no sheet for the text as the template makes it":         "arbetsboken har inget blad för texten så som mallen gör det",
		"wrote %s: %s and %s from %s\n":                                           "skrev %s: %s och %s från %s\n",
		"row of text":                                                             "rad text",
		"rows of text":                                                            "rader text",
		"table":                                                                   "tabell",
		"tables":                                                                  "tabeller",
		"%s: paragraph %d (%q) is not placed: %s":                                 "%s: stycke %d (%q) har inte placerats: %s",
		"%s: paragraphs %d–%d (%q …) are not placed: %s":                          "%s: stycke %d–%d (%q …) har inte placerats: %s",
		"%s: table %d (%q) is not placed: %s":                                     "%s: tabell %d (%q) har inte placerats: %s",
		"%s: at paragraph %d, %s is not imported":                                 "%s: vid stycke %d finns %s, som inte läses in",
		"give each part of the analysis a heading of its own: Bakgrund, Sammanfattning, Område 1 … (docs/workbook.md)": "ge varje del av analysen en egen rubrik: Bakgrund, Sammanfattning, Område 1 … (docs/workbook.md)",
	})
}
