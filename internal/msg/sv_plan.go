package msg

// The åtgärdsplan (internal/plan, internal/validate/plan.go, kompass plan).
func init() {
	register(map[string]string{
		"åtgärdsplan %s %d":                                                "åtgärdsplan %s %d",
		"one åtgärdsplan per evaluation":                                   "en åtgärdsplan per utvärdering",
		"%s %d has an åtgärdsplan already in %s":                           "%s %d har redan en åtgärdsplan i %s",
		"%s is an åtgärdsplan, not an evaluator's workbook":                "%s är en åtgärdsplan, inte en bedömares arbetsbok",
		"give the evaluators' own workbooks (kompass template --bedomare)": "ange bedömarnas egna arbetsböcker (kompass template --bedomare)",
		"%s has no förbättringsområden, so there is nothing to plan":       "%s har inga förbättringsområden, så det finns inget att planera",
		"--occasions: %q is no reporting occasion; expected a Swedish month name (april, augusti …) or årsredovisning": "--occasions: %q är inget rapporteringstillfälle; ange ett månadsnamn (april, augusti …) eller årsredovisning",
		"--until %d: expected a year from %d to %d":                                               "--until %d: ange ett år från %d till %d",
		"%s holds a formula; type the date itself":                                                "%s innehåller en formel; skriv själva datumet",
		"Avser %q: a workbook with a sheet %s is an åtgärdsplan, and says so":                     "Avser %q: en arbetsbok med bladet %s är en åtgärdsplan och ska ange det",
		"Klart senast %q is not a date; type a date such as 2008-06-30":                           "Klart senast %q är inget datum; skriv ett datum, till exempel 2008-06-30",
		"Ref %q is not a reference such as 5.F2":                                                  "Ref %q är ingen hänvisning av formen 5.F2",
		"Ref %s is not a förbättringsområde of %s in %s":                                          "Ref %s är inget förbättringsområde i %s i %s",
		"Status %q is not one of the statuses; choose one from the list, or leave the cell empty": "Status %q finns inte bland statusarna; välj en i listan eller lämna cellen tom",
		"a column %s": "en kolumn %s",
		"a row %s":    "en rad %s",
		"no header row naming the column %q in the first %d rows":                                              "ingen rubrikrad med kolumnen %q bland de första %d raderna",
		"the %s of the evaluation the plan follows":                                                            "%s för utvärderingen som planen följer",
		"the column %q appears twice (first in %s); this one is not read":                                      "kolumnen %q finns två gånger (först i %s); den här läses inte",
		"the column %q names no reporting occasion, so it is not read":                                         "kolumnen %q anger inget rapporteringstillfälle och läses därför inte",
		"the occasion %s has a Kommentar column but no Status column":                                          "tillfället %s har en kolumn Kommentar men ingen kolumn Status",
		"the text of %s differs from the förbättringsområde in %s; check that the row refers to the right one": "texten för %s skiljer sig från förbättringsområdet i %s; kontrollera att raden hänvisar till rätt förbättringsområde",
		"there is no evaluation of %s %d for this åtgärdsplan among the workbooks checked or in %s":            "det finns ingen utvärdering av %s %d för den här åtgärdsplanen bland de kontrollerade arbetsböckerna eller i %s",
		"a date such as 2008-06-30":                                                                            "ett datum, till exempel 2008-06-30",
		"a header row with the column Ref":                                                                     "en rubrikrad med kolumnen Ref",
		"a reporting occasion such as Status April 2008":                                                       "ett rapporteringstillfälle, till exempel Status April 2008",
		"each column once": "varje kolumn en gång",
		"no Ref: the evaluation has no förbättringsområden": "ingen Ref: utvärderingen har inga förbättringsområden",
		"the Ref of a förbättringsområde, such as 5.F2":     "Ref för ett förbättringsområde, till exempel 5.F2",
		"the evaluation the plan follows":                   "utvärderingen som planen följer",
		"the row has an åtgärd but no Ref; write the Ref of its förbättringsområde (a row inserted for a further åtgärd repeats the Ref)": "raden har en åtgärd men ingen Ref; skriv Ref för dess förbättringsområde (en infogad rad för ytterligare en åtgärd upprepar Ref)",
	})
}
