package cli

// The command line's own words: help, usage and the errors of parsing a
// command line, in the language of the messages. Cobra and pflag write
// them in English; here they are rebuilt from the catalogue (internal/msg).
// Every command's Use, Short and Long and every flag's usage are catalogue
// keys too (msg.T where the command is made), so the language must be
// known before the commands are made: Main reads --lang from the
// arguments first (langArg).

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/kompass-dev/kompass/internal/msg"
)

func init() {
	cobra.AddTemplateFuncs(map[string]any{"useLine": useLine, "flagUsages": flagUsages})
	// kompass started from Windows' Explorer (a double-click) opens the
	// page (serve) instead of cobra's note that it is a command-line tool.
	cobra.MousetrapHelpText = ""
}

// langArg is the language --lang asks for among args, if it names one;
// the flag is parsed again (and checked) with the others.
func langArg(args []string) (msg.Lang, bool) {
	for i, a := range args {
		if a == "--" {
			break
		}
		v, ok := strings.CutPrefix(a, "--lang=")
		if !ok && a == "--lang" && i+1 < len(args) {
			v, ok = args[i+1], true
		}
		if ok {
			return msg.ParseLang(v)
		}
	}
	return "", false
}

// usageTemplate is cobra's usage template with its headings in the
// language of the messages.
func usageTemplate() string {
	return msg.T("Usage:") + `{{if .Runnable}}
  {{useLine .}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} ` + msg.T("[command]") + `{{end}}{{if .HasExample}}

` + msg.T("Examples:") + `
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

` + msg.T("Commands:") + `{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

` + msg.T("Flags:") + `
{{flagUsages .LocalFlags}}{{end}}{{if .HasAvailableInheritedFlags}}

` + msg.T("Flags of every command:") + `
{{flagUsages .InheritedFlags}}{{end}}{{if .HasAvailableSubCommands}}

` + msg.Sprintf("Run '%s COMMAND --help' for the help of a command.", "{{.CommandPath}}") + `{{end}}
`
}

// useLine is the command's usage line, as cobra's UseLine with its
// "[flags]" translated.
func useLine(c *cobra.Command) string {
	line := c.Use
	if c.HasParent() {
		line = c.Parent().CommandPath() + " " + line
	}
	if c.HasAvailableFlags() && !strings.Contains(line, "[") {
		line += " " + msg.T("[flags]")
	}
	return line
}

// flagUsages lists flags as pflag does (a column of names, then the
// usage), with the value's type and the default in the language of the
// messages and no line wider than the usage itself.
func flagUsages(fs *pflag.FlagSet) string {
	type row struct{ left, usage string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		if t := f.Value.Type(); t != "bool" {
			left += " " + typeName(t)
		}
		usage := f.Usage
		if d := f.DefValue; d != "" && d != "0" && d != "false" && d != "[]" {
			if f.Value.Type() == "string" {
				d = strconv.Quote(d)
			}
			usage += msg.Sprintf(" (default %s)", d)
		}
		rows = append(rows, row{left, usage})
		width = max(width, len([]rune(left)))
	})
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%s%s   %s\n", r.left, strings.Repeat(" ", width-len([]rune(r.left))), r.usage)
	}
	return strings.TrimRight(b.String(), "\n")
}

// typeName is how a flag's value is named in its usage.
func typeName(t string) string {
	switch t {
	case "string":
		return msg.T("string")
	case "int":
		return msg.T("int")
	}
	return t
}

// newHelpCmd is the help command ("kompass help validate"), in the
// language of the messages.
func newHelpCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   msg.T("help [COMMAND]"),
		Short: msg.T("Show the help of a command"),
		Long:  msg.T("Show the help of kompass, or of the command named."),
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := c.Root().Find(args)
			if err != nil || cmd == nil || len(rest) > 0 {
				return unknownCommand(c.Root(), args[len(args)-1])
			}
			return cmd.Help()
		},
	}
	addHelpFlags(c)
	return c
}

// addHelpFlags gives every command its -h, --help in the language of the
// messages (cobra adds an English one to a command without it).
func addHelpFlags(c *cobra.Command) {
	c.Flags().BoolP("help", "h", false, msg.Sprintf("show this help of %s", c.Name()))
	for _, sub := range c.Commands() {
		addHelpFlags(sub)
	}
}

// unknownCommand is the error for a command kompass does not have, with
// the commands it may have meant (cobra's suggestions) in the hint.
func unknownCommand(root *cobra.Command, name string) error {
	hint := msg.Sprintf("see '%s --help'", root.CommandPath())
	if s := root.SuggestionsFor(name); len(s) > 0 {
		for i := range s {
			s[i] = "'" + root.CommandPath() + " " + s[i] + "'"
		}
		hint = msg.Sprintf("did you mean %s? see '%s --help'", strings.Join(s, msg.T(" or ")), root.CommandPath())
	}
	return &exitError{code: ExitUsage, err: msg.Errorf("unknown command %q", name), hint: hint}
}

// commandWord is the first argument that is not a flag of the root
// command, or its value: what the user gave as a command.
func commandWord(root *cobra.Command, args []string) string {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return ""
		case strings.HasPrefix(a, "--"):
			name, _, hasValue := strings.Cut(a[2:], "=")
			if f := root.PersistentFlags().Lookup(name); f != nil && !hasValue && f.Value.Type() != "bool" {
				i++ // its value
			}
		case strings.HasPrefix(a, "-") && a != "-":
		default:
			return a
		}
	}
	return ""
}

// flagError is a command line's flag that pflag refused, in the language
// of the messages.
func flagError(cmd *cobra.Command, err error) error {
	var (
		ne *pflag.NotExistError
		ve *pflag.ValueRequiredError
		ie *pflag.InvalidValueError
		se *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &ne):
		if sh := ne.GetSpecifiedShortnames(); sh != "" {
			err = msg.Errorf("unknown flag -%s (in -%s)", ne.GetSpecifiedName(), sh)
		} else {
			err = msg.Errorf("unknown flag --%s", ne.GetSpecifiedName())
		}
	case errors.As(err, &ve):
		if sh := ve.GetSpecifiedShortnames(); sh != "" {
			err = msg.Errorf("-%s needs a value", ve.GetSpecifiedName())
		} else {
			err = msg.Errorf("--%s needs a value", ve.GetSpecifiedName())
		}
	case errors.As(err, &ie):
		name := ie.GetFlag().Name
		switch ie.GetFlag().Value.Type() {
		case "int":
			err = msg.Errorf("--%s %q: expected a whole number", name, ie.GetValue())
		case "bool":
			err = msg.Errorf("--%s %q: expected true or false", name, ie.GetValue())
		default:
			err = msg.Errorf("--%s %q: not a valid value", name, ie.GetValue())
		}
	case errors.As(err, &se):
		err = msg.Errorf("%s: not a flag", se.GetSpecifiedFlag())
	}
	return &exitError{code: ExitUsage, err: err, hint: msg.Sprintf("see '%s --help'", cmd.CommandPath())}
}
