package msg

// Issue 18: what Excel refuses when kompass writes a workbook
// (internal/sheet/limits.go).
func init() {
	register(map[string]string{
		"Excel refuses the workbook: %s":                                            "Excel tar inte emot arbetsboken: %s",
		"a row would be taller than the 409 points Excel allows":                    "en rad skulle bli högre än de 409 punkter Excel tillåter",
		"a cell would hold more than the 32,767 characters Excel allows":            "en cell skulle rymma mer än de 32 767 tecken Excel tillåter",
		"a column would be wider than the 255 characters Excel allows":              "en kolumn skulle bli bredare än de 255 tecken Excel tillåter",
		"a row would lie beyond the last row Excel has":                             "en rad skulle hamna nedanför Excels sista rad",
		"a cell would lie beyond the last column Excel has":                         "en cell skulle hamna till höger om Excels sista kolumn",
		"a drop-down list would be longer than the 255 characters Excel allows":     "en rullgardinslista skulle bli längre än de 255 tecken Excel tillåter",
		"the workbook would have more cell styles than Excel allows":                "arbetsboken skulle få fler cellformat än Excel tillåter",
		"a sheet name would be longer than the 31 characters Excel allows":          "ett bladnamn skulle bli längre än de 31 tecken Excel tillåter",
		"a sheet name would hold a character Excel does not allow (: \\ / ? * [ ])": "ett bladnamn skulle innehålla ett tecken som Excel inte tillåter (: \\ / ? * [ ])",
		"a sheet name would be empty":                                               "ett bladnamn skulle bli tomt",
		"a sheet name would start or end with a single quote":                       "ett bladnamn skulle börja eller sluta med en apostrof",
		"a sheet would have more links than Excel allows":                           "ett blad skulle få fler länkar än Excel tillåter",
	})
}

// Issue 18: one check of every input file (internal/inputfile).
func init() {
	register(map[string]string{
		"is a folder, not a file": "är en mapp, inte en fil",
		"a folder":                "en mapp",
		"the file is %s; kompass reads %s of at most %s":             "filen är %s; kompass läser %s på högst %s",
		"the file is larger than %s; kompass reads %s of at most %s": "filen är större än %s; kompass läser %s på högst %s",
		"instrument files": "instrumentfiler",
		"groups files":     "gruppfiler",
		"%s MB":            "%s MB",
	})
}

// Issue 18: what kompass writes, it reads (internal/sheet/save.go,
// internal/plan/occasion.go, internal/cli).
func init() {
	register(map[string]string{
		"the workbook would be larger than kompass reads: %s": "arbetsboken skulle bli större än kompass läser: %s",
		"sheet %q: %s": "bladet %q: %s",
		"nothing was written; shorten or merge the text in the workbooks it comes from (the limits are in docs/workbook.md)":                                                                                      "inget skrevs; korta eller slå ihop texten i arbetsböckerna den kommer från (gränserna står i docs/workbook.md)",
		"--until %d and --occasions make %d reporting occasions (%d columns); a plan holds at most %d, so that it stays within the %d columns kompass reads: choose fewer occasions a year or an earlier --until": "--until %d och --occasions ger %d rapporteringstillfällen (%d kolumner); en plan rymmer högst %d, så att den håller sig inom de %d kolumner kompass läser: välj färre tillfällen per år eller ett tidigare --until",
	})
}

// Issue 18: the limit on shared strings (internal/xlsx, internal/sheet).
func init() {
	register(map[string]string{
		"too many shared strings":            "för många delade strängar",
		"%w: the part %s holds more than %d": "%w: delen %s har fler än %d",
		"the workbook is larger than kompass accepts: %v (shared strings are the texts of its cells; an evaluation workbook has a few thousand)": "arbetsboken är större än kompass tar emot: %v (delade strängar är cellernas texter; en utvärderingsarbetsbok har några tusen)",
		"more than %d shared strings": "fler än %d delade strängar",
		"at most %d":                  "högst %d",
	})
}
