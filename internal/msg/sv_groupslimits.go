package msg

// The limits of the small TOML files of a data folder: groups.toml and
// report.toml (internal/evalset/limits.go).
func init() {
	register(map[string]string{
		"%s:%d: %s": "%s:%d: %s",
		"nested more than %d levels deep; a settings file needs two":                                      "nästlad mer än %d nivåer djupt; en inställningsfil behöver två",
		"a key or value longer than %d characters without a break; the keys of a settings file are short": "en nyckel eller ett värde längre än %d tecken utan uppehåll; nycklarna i en inställningsfil är korta",
	})
}
