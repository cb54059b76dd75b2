package msg

// Writing the template (internal/workbook/template.go).
func init() {
	register(map[string]string{
		"year %d: expected a year from %d to %d": "året %d: ange ett år från %d till %d",
		"the sheet %s: %w":                       "bladet %s: %w",
		"huvudområde %s: its id begins with %q, which marks the delfrågor of huvudområde %s, so the template's sums cannot tell them apart; give it another id": "huvudområde %s: id:t börjar med %q, som utmärker delfrågorna i huvudområde %s, så mallens summor kan inte skilja dem åt; ge det ett annat id",
		"huvudområden %s and %s differ only in case, which the template's sums do not tell apart; give one another id":                                          "huvudområdena %s och %s skiljer sig bara i stora och små bokstäver, vilket mallens summor inte skiljer på; ge ett av dem ett annat id",
	})
}
