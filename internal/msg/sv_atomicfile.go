package msg

// Writing output files.
func init() {
	register(map[string]string{
		"the folder %s does not exist":   "mappen %s finns inte",
		"cannot create a file in %s: %w": "kan inte skapa en fil i %s: %w",
		"rename into place: %w":          "kunde inte flytta den färdiga filen på plats: %w",
	})
}
