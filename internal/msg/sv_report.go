package msg

// The report's settings file report.toml and its logo
// (internal/report/cover.go), and its printing (internal/browser).
func init() {
	register(map[string]string{
		"%s: unknown key %q (known: publisher.name, publisher.unit, publisher.logo, evaluator.name, evaluator.affiliation)":                   "%s: okänd nyckel %q (kända: publisher.name, publisher.unit, publisher.logo, evaluator.name, evaluator.affiliation)",
		"%s: publisher.name is missing: the organisation the cover names":                                                                     "%s: publisher.name saknas: organisationen som försättsbladet namnger",
		"%s: evaluator[%d]: an evaluator needs name and affiliation, e.g. name = \"Anna Exempelsson\" and affiliation = \"Exempelförbundet\"": "%s: evaluator[%d]: en utvärderare behöver name och affiliation, t.ex. name = \"Anna Exempelsson\" och affiliation = \"Exempelförbundet\"",
		"%s: evaluator[%d]: %q is named twice":                                "%s: evaluator[%d]: %q står två gånger",
		"%s: publisher.logo %q: give the name of a file beside %s":            "%s: publisher.logo %q: ange namnet på en fil bredvid %s",
		"%s: publisher.logo: %s is not there":                                 "%s: publisher.logo: %s finns inte",
		"%s: publisher.logo: %s is not a PNG, JPEG or SVG image":              "%s: publisher.logo: %s är ingen PNG-, JPEG- eller SVG-bild",
		"fix report.toml in the data folder; its format is in docs/report.md": "rätta report.toml i datamappen; formatet står i docs/report.md",
		"settings files": "inställningsfiler",
		"logos":          "logotyper",
		"reading the page numbers of the printed page: %w": "kunde inte läsa sidnumren ur den utskrivna sidan: %w",
	})
}
