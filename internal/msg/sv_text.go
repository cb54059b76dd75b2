package msg

// The evaluators' text (internal/validate/bedomning.go): the sheets
// Bedömning and Tabeller and the facts Antal intervjuer and Intervjuade.
func init() {
	register(map[string]string{
		"an area id of %s, Sammanfattning or Bakgrund":                      "ett områdes-id i %s, Sammanfattning eller Bakgrund",
		"an area id, Sammanfattning or Bakgrund":                            "ett områdes-id, Sammanfattning eller Bakgrund",
		"Område %q is neither an area of %s nor Sammanfattning or Bakgrund": "Område %q är varken ett huvudområde i %s, Sammanfattning eller Bakgrund",
		"Rubrik, Stycke or Tabell":                                          "Rubrik, Stycke eller Tabell",
		"the row has a text but no Typ":                                     "raden har en text men ingen Typ",
		"Typ %q is neither Rubrik, Stycke nor Tabell":                       "Typ %q är varken Rubrik, Stycke eller Tabell",
		"a short heading":                                                   "en kort rubrik",
		"this Rubrik reads like a paragraph (%d characters%s); if it is one, set its Typ (%s) to Stycke": "den här rubriken ser ut som ett stycke (%d tecken%s); är den ett stycke, ändra dess Typ (%s) till Stycke",
		", ends with a full stop":                   ", slutar med punkt",
		", holds a line break":                      ", har en radbrytning",
		"a label no other table of the section has": "en beteckning som ingen annan tabell i avsnittet har",
		"two tables of the section are labelled %s (the other at %s); the text and the rows Tabell on Bedömning cannot tell them apart": "två tabeller i avsnittet heter %s (den andra vid %s); texten och raderna Tabell på Bedömning kan inte skilja dem åt",
		"a table's label, such as Tabell 1":                                                           "en tabells beteckning, till exempel Tabell 1",
		"a row Tabell names the table it places by its label, such as Tabell 1; %q is none":           "en rad Tabell anger med beteckningen vilken tabell som ska stå där, till exempel Tabell 1; %q är ingen beteckning",
		"a table of Område %s":                                                                        "en tabell i Område %s",
		"%s is a table of Område %s on the sheet %s, not of %s; a table is placed in its own section": "%s är en tabell i Område %s på bladet %s, inte i %s; en tabell placeras i sitt eget avsnitt",
		"a table whose title starts with %s on the sheet %s":                                          "en tabell vars rubrik börjar med %s på bladet %s",
		"there is no table %s of this section on the sheet %s":                                        "det finns ingen tabell %s i det här avsnittet på bladet %s",
		"one row Tabell per table":                                                                    "en rad Tabell per tabell",
		"%s is placed already, at %s; a table stands in one place":                                    "%s är redan placerad, vid %s; en tabell står på ett ställe",
		"%d characters":                              "%d tecken",
		"at most %d characters":                      "högst %d tecken",
		"the table %q has no Område":                 "tabellen %q har inget Område",
		"the column headers in the row below Tabell": "kolumnrubrikerna på raden under Tabell",
		"the table %q has no header row; the row below Tabell names its columns": "tabellen %q har ingen rubrikrad; raden under Tabell anger tabellens kolumner",
		"cell":  "cell",
		"cells": "celler",
		"no header row naming the columns %q, %q and %q in the first %d rows, so the text on the sheet is not read":                      "ingen rubrikrad med kolumnerna %q, %q och %q på de första %d raderna, så texten på bladet läses inte",
		"a row with %s in column A above the table":                                                                                      "en rad med %s i kolumn A ovanför tabellen",
		"row %d is not in a table, so it is not read; a table starts with a row with %s in column A, its Område in B and its title in C": "rad %d hör inte till någon tabell och läses inte; en tabell börjar med en rad med %s i kolumn A, dess Område i B och dess rubrik i C",
		"a whole number such as 24": "ett heltal, till exempel 24",
		"Antal intervjuer %q is not a whole number of 0 or more, so the report does not give it":                                       "Antal intervjuer %q är inte ett heltal från 0 och uppåt, så rapporten anger inget antal",
		"the cell holds %d characters, more than the %d Excel keeps in a cell; split the text into several paragraphs":                 "cellen innehåller %d tecken, fler än de %d som Excel rymmer i en cell; dela upp texten i flera stycken",
		"the row has %s, but the header of table %q has %s; every row of a table is as wide as its header (write – for an empty cell)": "raden har %s, men rubrikraden i tabellen %q har %s; varje rad i en tabell är lika bred som rubrikraden (skriv – för en tom cell)",
	})
}
