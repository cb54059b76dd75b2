package msg

// The headless browser that prints reports to PDF.
func init() {
	register(map[string]string{
		"no browser to print with was found (Chromium, Google Chrome or Microsoft Edge)":                                                                                         "ingen webbläsare att skriva ut med hittades (Chromium, Google Chrome eller Microsoft Edge)",
		"%w: KOMPASS_CHROMIUM=%s is no program that can be run":                                                                                                                  "%w: KOMPASS_CHROMIUM=%s är inget program som går att köra",
		"install Microsoft Edge or Google Chrome (https://www.google.com/chrome), or set KOMPASS_CHROMIUM to the path of msedge.exe or chrome.exe":                               "installera Microsoft Edge eller Google Chrome (https://www.google.com/chrome), eller ange sökvägen till msedge.exe eller chrome.exe i KOMPASS_CHROMIUM",
		"install Google Chrome (https://www.google.com/chrome) or Microsoft Edge in Applications, or set KOMPASS_CHROMIUM to the browser's program":                              "installera Google Chrome (https://www.google.com/chrome) eller Microsoft Edge i mappen Program, eller ange webbläsarens program i KOMPASS_CHROMIUM",
		"install Chromium (Debian and Ubuntu: sudo apt-get install chromium; Fedora: sudo dnf install chromium) or Google Chrome, or set KOMPASS_CHROMIUM to the browser's path": "installera Chromium (Debian och Ubuntu: sudo apt-get install chromium; Fedora: sudo dnf install chromium) eller Google Chrome, eller ange webbläsarens sökväg i KOMPASS_CHROMIUM",
		"%w (looked for %s and $KOMPASS_CHROMIUM)": "%w (letade efter %s och $KOMPASS_CHROMIUM)",
		"opening %s: %w":                    "kunde inte öppna %s: %w",
		"%s: the charts were not drawn: %w": "%s: diagrammen ritades inte: %w",
		"%s: %s of %d charts were drawn (is the chart script missing?)": "%s: %s av %d diagram ritades (saknas diagramskriptet?)",
	})
}
