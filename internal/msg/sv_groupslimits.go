package msg

// The limits of the small files of a data folder: groups.toml, report.toml
// and a logo (internal/evalset/limits.go).
func init() {
	register(map[string]string{
		"%s: not a regular file":   "%s: ingen vanlig fil",
		"%s: larger than %d bytes": "%s: större än %d byte",
		"%s:%d: %s":                "%s:%d: %s",
		"nested more than %d levels deep; a settings file needs two":                                      "nästlad mer än %d nivåer djupt; en inställningsfil behöver två",
		"a key or value longer than %d characters without a break; the keys of a settings file are short": "en nyckel eller ett värde längre än %d tecken utan uppehåll; nycklarna i en inställningsfil är korta",
	})
}
