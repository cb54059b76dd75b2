package msg

// Evaluation sets: a kommun or year not found, a name that fits several
// kommuner, workbooks left out, groups.toml, and --years and --period.
func init() {
	register(map[string]string{
		"%s has no valid evaluation from %d":                                                      "%s har ingen giltig utvärdering från %d",
		"no valid evaluation of %q in %s":                                                         "ingen giltig utvärdering av %q i %s",
		"no valid evaluation of %q in %s: %s has problems":                                        "ingen giltig utvärdering av %q i %s: %s har problem",
		"fix what the warnings above name, or run 'kompass validate %s'":                          "rätta det som varningarna ovan nämner, eller kör 'kompass validate %s'",
		"years with an evaluation: %s":                                                            "år med en utvärdering: %s",
		"no workbook in %[1]s validates; see the warnings above, or run 'kompass validate %[1]s'": "ingen arbetsbok i %[1]s är giltig; se varningarna ovan, eller kör 'kompass validate %[1]s'",
		"kommuner in %s: %s":                                                                      "kommuner i %s: %s",
		"%q fits more than one kommun: %s":                                                        "%q passar in på mer än en kommun: %s",
		"write the name with å, ä and ö as the kommun writes it, e.g. --kommun %s":                "skriv namnet med å, ä och ö så som kommunen skriver det, till exempel --kommun %s",
		"%[1]s is left out of comparisons: %[2]s%[3]s (run 'kompass validate %[1]s')":             "%[1]s lämnas utanför jämförelserna: %[2]s%[3]s (kör 'kompass validate %[1]s')",

		"unknown group":           "okänd grupp",
		"%w %q; known groups: %s": "%w %q; kända grupper: %s",
		"%w %q: no other kommun in %s is evaluated with %s (%s)%s":                                            "%w %q: ingen annan kommun i %s är utvärderad med %s (%s)%s",
		"%s: unknown key %q (known: group.name, group.description, group.members.kommun, group.members.year)": "%s: okänd nyckel %q (kända nycklar: group.name, group.description, group.members.kommun, group.members.year)",
		"%s: %s.name is missing": "%s: %s.name saknas",
		"%s: %s: the group name %q is reserved for the built-in group of all evaluations":                                               "%s: %s: gruppnamnet %q är reserverat för den inbyggda gruppen med alla utvärderingar",
		"%s: %s: the group name %q is used twice":                                                                                       "%s: %s: gruppnamnet %q används två gånger",
		"%s: %s (%q) has no members":                                                                                                    "%s: %s (%q) har inga medlemmar",
		"%s: %s: a member needs kommun and year, e.g. { kommun = \"Umeå\", year = 2007 }":                                               "%s: %s: en medlem behöver kommun och year, till exempel { kommun = \"Umeå\", year = 2007 }",
		"%s: %s: %s %d is already a member of %q (%s)":                                                                                  "%s: %s: %s %d är redan medlem i %q (%s)",
		"%s: %s: group %q: %w; write the name as the kommun's workbook does":                                                            "%s: %s: gruppen %q: %w; skriv namnet så som kommunens arbetsbok gör",
		"%[1]s: %[2]s: group %[3]q names %[4]s %[5]d, whose workbook %[6]s has problems and is left out (run 'kompass validate %[6]s')": "%[1]s: %[2]s: gruppen %[3]q tar med %[4]s %[5]d, vars arbetsbok %[6]s har problem och lämnas utanför (kör 'kompass validate %[6]s')",
		"%s: %s: group %q names %s %d, which has no valid evaluation in %s (%s)":                                                        "%s: %s: gruppen %q tar med %s %d, som inte har någon giltig utvärdering i %s (%s)",
		"no evaluations of %s validate":                                                                                                 "ingen utvärdering av %s är giltig",
		"evaluations of %s: %s":                                                                                                         "utvärderingar av %s: %s",

		"%q: expected years such as 2005,2007":    "%q: ange år, till exempel 2005,2007",
		"%q: expected a period such as 2019-2022": "%q: ange en period, till exempel 2019-2022",
	})
}
