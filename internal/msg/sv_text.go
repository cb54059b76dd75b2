package msg

// The evaluators' text (internal/validate/bedomning.go): the sheets
// Bedömning and Tabeller and the facts Antal intervjuer and Intervjuade.
func init() {
	register(map[string]string{
		"an area id of %s, Sammanfattning or Bakgrund":                      "ett områdes-id i %s, Sammanfattning eller Bakgrund",
		"an area id, Sammanfattning or Bakgrund":                            "ett områdes-id, Sammanfattning eller Bakgrund",
		"Område %q is neither an area of %s nor Sammanfattning or Bakgrund": "Område %q är varken ett huvudområde i %s, Sammanfattning eller Bakgrund",
		"Rubrik or Stycke":                           "Rubrik eller Stycke",
		"the row has a text but no Typ":              "raden har en text men ingen Typ",
		"Typ %q is neither Rubrik nor Stycke":        "Typ %q är varken Rubrik eller Stycke",
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
