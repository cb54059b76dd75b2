package msg

// The limits of groups.toml (internal/evalset/limits.go).
func init() {
	register(map[string]string{
		"%s:%d: %s": "%s:%d: %s",
		"nested more than %d levels deep; a groups file needs two":                       "nästlad mer än %d nivåer djupt; en gruppfil behöver två",
		"a key or value longer than %d characters without a break; group keys are short": "en nyckel eller ett värde längre än %d tecken utan uppehåll; nycklarna i en gruppfil är korta",
	})
}
