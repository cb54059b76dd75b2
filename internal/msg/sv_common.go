package msg

// Nouns counted in messages (Plural, Count).
func init() {
	register(map[string]string{
		"workbook": "arbetsbok", "workbooks": "arbetsböcker",
		"error": "fel", "errors": "fel",
		"warning": "varning", "warnings": "varningar",
		"problem": "problem", "problems": "problem",
		"report": "rapport", "reports": "rapporter",
		"huvudområde": "huvudområde", "huvudområden": "huvudområden",
		"delfråga": "delfråga", "delfrågor": "delfrågor",
	})
}
