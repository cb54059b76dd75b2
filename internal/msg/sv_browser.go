package msg

// The headless browser that prints reports to PDF.
func init() {
	register(map[string]string{
		"no Chromium browser was found":                                 "ingen Chromium-webbläsare hittades",
		"%w (looked for %s and $KOMPASS_CHROMIUM)":                      "%w (letade efter %s och $KOMPASS_CHROMIUM)",
		"opening %s: %w":                                                "kunde inte öppna %s: %w",
		"%s: the charts were not drawn: %w":                             "%s: diagrammen ritades inte: %w",
		"%s: %s of %d charts were drawn (is the chart script missing?)": "%s: %s av %d diagram ritades (saknas diagramskriptet?)",
	})
}
