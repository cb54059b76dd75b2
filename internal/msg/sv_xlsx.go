package msg

// The cells of an xlsx file (internal/xlsx): a damaged or oversized
// archive, sheet or XML part, in the detail of the workbook's messages.
func init() {
	register(map[string]string{
		"not a zip archive":                          "inget zip-arkiv",
		"the archive holds no xl/workbook.xml":       "arkivet innehåller ingen xl/workbook.xml",
		"the archive unpacks to more than the limit": "arkivet packas upp till mer än gränsen",
		"the archive holds too many files":           "arkivet innehåller för många filer",
		"the archive holds the part %s twice":        "arkivet innehåller delen %s två gånger",
		"no such sheet":                              "bladet finns inte",
		"the sheet has more rows than the limit":     "bladet har fler rader än gränsen",
		"malformed workbook part":                    "felaktig del av arbetsboken",
		"XML syntax error":                           "syntaxfel i XML",

		"%w: %d files (at most %d)":                                "%w: %d filer (högst %d)",
		"%w: more than %d MB":                                      "%w: mer än %d MB",
		"%w: %s is missing":                                        "%w: %s saknas",
		"%w: %s unpacks to %d MB":                                  "%w: %s packas upp till %d MB",
		"%w: %s unpacks to more than %d MB":                        "%w: %s packas upp till mer än %d MB",
		"%w: %s ends inside an element (truncated)":                "%w: %s slutar mitt i ett element (avkortad)",
		"%w: %s: an end tag without a start tag":                   "%w: %s: en sluttagg utan starttagg",
		"%w: a shared string is longer than %d bytes":              "%w: en delad textsträng är längre än %d byte",
		"%w: sheet %q: %s":                                         "%w: bladet %q: %s",
		"sheet %q":                                                 "bladet %q",
		"row number %q":                                            "radnummer %q",
		"cell reference %q":                                        "cellreferens %q",
		"cell %s refers to shared string %q, which does not exist": "cellen %s hänvisar till den delade textsträngen %q, som inte finns",
		"%w: sheet %q has a value in %s, beyond column %s":         "%w: bladet %q har ett värde i %s, bortom kolumn %s",
		"%w: sheet %q has more than %d cells with content":         "%w: bladet %q har fler än %d ifyllda celler",
		"%w: sheet %q has more than %d rows with content":          "%w: bladet %q har fler än %d ifyllda rader",
		"%w: cell %s holds more than %d bytes":                     "%w: cellen %s innehåller mer än %d byte",

		// The XML tokenizer.
		"%w on line %d: %s":                              "%w på rad %d: %s",
		"unterminated processing instruction":            "en bearbetningsinstruktion tar aldrig slut",
		"unterminated comment":                           "en kommentar tar aldrig slut",
		"unterminated CDATA section":                     "ett CDATA-avsnitt tar aldrig slut",
		"DOCTYPE and other declarations are not allowed": "DOCTYPE och andra deklarationer är inte tillåtna",
		"expected > after </%s":                          "> saknas efter </%s",
		"expected a name":                                "ett namn saknas",
		"invalid UTF-8 in a name":                        "ogiltig UTF-8 i ett namn",
		"unterminated element <%s":                       "elementet <%s tar aldrig slut",
		"expected /> in <%s":                             "/> saknas i <%s",
		"attribute %s of <%s> has no value":              "attributet %s i <%s> saknar värde",
		"unquoted attribute value in <%s>":               "attributvärde utan citattecken i <%s>",
		"unterminated attribute value in <%s>":           "ett attributvärde i <%s> tar aldrig slut",
		"< in an attribute value of <%s>":                "< i ett attributvärde i <%s>",
		"unterminated entity":                            "en entitet tar aldrig slut",
		"unknown entity &%s;":                            "okänd entitet &%s;",
		"invalid character reference &%s;":               "ogiltig teckenreferens &%s;",
		"invalid UTF-8":                                  "ogiltig UTF-8",
	})
}
