package msg

// Instrument files: the problems the TOML loader reports after
// "file:line: key: ", the registry's errors, and the names of TOML values.
func init() {
	register(map[string]string{
		"file is %d bytes; an instrument file may be at most %d":                                                       "filen är %d byte; en instrumentfil får vara högst %d byte",
		"nested more than %d levels deep; an instrument file needs at most 3":                                          "nästlad i mer än %d nivåer; en instrumentfil behöver högst 3",
		"key path longer than %d characters; instrument keys are short":                                                "nyckeln är längre än %d tecken; nycklarna i en instrumentfil är korta",
		"[[area.question]] comes before any [[area]]; a delfråga must follow the [[area]] (huvudområde) it belongs to": "[[area.question]] står före första [[area]]; en delfråga ska stå efter [[area]] för det huvudområde den hör till",

		"unknown key %q; expected one of %s":                                               "okänd nyckel %q; ska vara en av %s",
		"missing; expected a text value":                                                   "saknas; ska vara en text",
		"is %s; expected a text value":                                                     "är %s; ska vara en text",
		"is empty; expected a text value":                                                  "är tom; ska vara en text",
		"%q is not a valid id; use letters, digits, '.', '-' and '_'":                      "%q är inget giltigt id; använd bokstäver, siffror, '.', '-' och '_'",
		"missing; expected a number":                                                       "saknas; ska vara ett tal",
		"is %s; expected a number":                                                         "är %s; ska vara ett tal",
		"is %v; expected a number above 0 and at most %s":                                  "är %v; ska vara ett tal över 0 och högst %s",
		"%v is not a number with at most three decimals":                                   "%v är inget tal med högst tre decimaler",
		"is %s; expected a number above 0":                                                 "är %s; ska vara ett tal över 0",
		"is an array holding %s; expected [[%s]] tables":                                   "är en lista med %s; ska vara [[%s]]-tabeller",
		"is a single table; write [[%s]] (an array of tables) for each entry":              "är en enstaka tabell; skriv [[%s]] (en lista med tabeller) för varje post",
		"is %s; expected [[%s]] tables":                                                    "är %s; ska vara [[%s]]-tabeller",
		"%s is not a multiple of the step %s":                                              "%s är ingen multipel av steget %s",
		"no [[area]] tables; an instrument needs at least one huvudområde":                 "inga [[area]]-tabeller; ett instrument behöver minst ett huvudområde",
		"duplicate id %q (already used by %s)":                                             "id:t %q används redan av %s",
		"%q is reserved for the total row":                                                 "%q är reserverat för totalraden",
		"delfråga id %q does not belong to area %q; expected an id starting with %q":       "delfrågans id %q hör inte till huvudområdet %q; id:t ska börja med %q",
		"area %q has max %s but its delfrågor's maxpoäng add up to %s":                     "huvudområdet %q har max %s, men dess delfrågors maxpoäng är tillsammans %s",
		"missing; expected a table mapping this version's area ids to the other version's": "saknas; ska vara en tabell som för varje huvudområdes id i den här versionen anger id:t i den andra versionen",
		"is %s; expected a table mapping this version's area ids to the other version's":   "är %s; ska vara en tabell som för varje huvudområdes id i den här versionen anger id:t i den andra versionen",
		"area %q is not an area of this instrument":                                        "%q är inget huvudområde i det här instrumentet",

		// describe: what a TOML value is, after "is"
		"the text %q":        "texten %q",
		"the integer %d":     "heltalet %d",
		"the number %v":      "talet %v",
		"the boolean %v":     "sanningsvärdet %v",
		"a table":            "en tabell",
		"an array of tables": "en lista med tabeller",
		"an array":           "en lista",
		"a date or time":     "ett datum eller en tidpunkt",

		"unknown instrument":                   "okänt instrument",
		"built-in instrument: %w":              "inbyggt instrument: %w",
		"%w: %s: no such file":                 "%w: %s: filen finns inte",
		"%w %q version %q; known versions: %s": "%w %q version %q; kända versioner: %s",
		"%w %q; known instruments: %s":         "%w %q; kända instrument: %s",
	})
}
