package msg

// Issue 11: files that are not regular files, many merged ranges, and the
// cap on problems per workbook (internal/workbook, internal/xlsx,
// internal/validate).
func init() {
	register(map[string]string{
		"is not a regular file but %s; kompass reads only regular files": "är ingen vanlig fil utan %s; kompass läser bara vanliga filer",
		"a regular file":         "en vanlig fil",
		"a named pipe (FIFO)":    "en namngiven rörledning (FIFO)",
		"a character device":     "en teckenenhet",
		"a device":               "en enhet",
		"a socket":               "en socket",
		"a special file":         "en specialfil",
		"more than %d bytes":     "mer än %d byte",
		"… and %d more problems": "… och %d problem till",
		"%w: sheet %q has more than %d merged ranges": "%w: bladet %q har fler än %d sammanfogade områden",
	})
}
