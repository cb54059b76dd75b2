// Package cli is kompass's command line: one cobra command per file, each
// with an options struct and a run function. It parses flags, wires the
// other packages together and prints messages in the house style
// (output.go, where errors also get their exit codes); reading, checking and
// rendering live in the packages that own the data.
package cli

import (
	"errors"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kompass-dev/kompass/internal/instrument"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/termtext"
)

// globalOptions are the flags every command shares.
type globalOptions struct {
	InstrumentsDir string
	instrumentsSet bool
	Lang           string
	// OutDir is the folder an output without -o is written to: "" (the
	// current folder) on the command line, the data folder for the page.
	OutDir string
}

// Main runs kompass with the given arguments and streams and returns the
// exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	// Messages are Swedish unless the locale is English or --lang says
	// otherwise. The help texts are made with the commands, so --lang is
	// read before they are; PersistentPreRunE checks it again.
	msg.SetLanguage(msg.FromEnv(os.Getenv))
	if l, ok := langArg(args); ok {
		msg.SetLanguage(l)
	}
	out := termtext.NewWriter(stdout)
	root, ran := newRootCmd(stdin, out, stderr)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	out.Flush()
	if err != nil && !*ran {
		// cobra refused the command line before any command ran: an unknown
		// command, flag or argument. A word that names no command is said
		// to be one, whatever flags follow it.
		if w := commandWord(root, args); cmd == root && w != "" {
			err = unknownCommand(root, w)
		}
		var ee *exitError
		if !errors.As(err, &ee) {
			err = &exitError{code: ExitUsage, err: err, hint: msg.Sprintf("see '%s --help'", cmd.CommandPath())}
		}
	}
	return reportError(stderr, err)
}

// newRootCmd builds the command tree; *ran becomes true once a command's
// own code starts, after cobra has accepted the command line.
func newRootCmd(stdin io.Reader, stdout, stderr io.Writer) (*cobra.Command, *bool) {
	g := &globalOptions{}
	ran := new(bool)
	// Every command writes to stdout through textOut; results in a format
	// for programs are written through resultOut.
	out := textOut(stdout)
	root := &cobra.Command{
		Use:           msg.T("kompass"),
		Short:         msg.T("Kommunkompassen evaluations: Excel templates, validation, summaries"),
		Long:          msg.Help("kompass") + "\n\n" + exitCodesHelp(),
		SilenceUsage:  true,
		SilenceErrors: true,
		// Any word is taken, so that an unknown command is reported here,
		// in the language of the messages, rather than by cobra.
		Args:                       cobra.ArbitraryArgs,
		SuggestionsMinimumDistance: 2,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			*ran = true
			g.instrumentsSet = cmd.Flags().Changed("instruments")
			if cmd.Flags().Changed("lang") {
				l, ok := msg.ParseLang(g.Lang)
				if !ok {
					return usageErr("--lang %q: expected sv (svenska) or en (English)", g.Lang)
				}
				msg.SetLanguage(l)
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return unknownCommand(cmd, args[0])
			}
			if startedWithoutTerminal(stdin, stdout) {
				return runServe(cmd.Context(), &serveOptions{globalOptions: g, Open: true, Stdout: out, Stderr: stderr})
			}
			return cmd.Help()
		},
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.PersistentFlags().StringVar(&g.Lang, "lang", "", msg.T("language of messages: sv (the default) or en; without it, an English locale (LANG=en_…) gives English"))
	root.PersistentFlags().StringVar(&g.InstrumentsDir, "instruments", "instruments",
		msg.T("folder of instrument TOML files that add to or replace the built-in ones (ignored if the default is absent)"))
	root.SetFlagErrorFunc(flagError)
	root.SetUsageTemplate(usageTemplate())
	root.SetHelpCommand(newHelpCmd())
	root.CompletionOptions.HiddenDefaultCmd = true
	root.AddCommand(
		newInstrumentsCmd(g, out, stderr),
		newTemplateCmd(g, out, stderr),
		newValidateCmd(g, out, stderr),
		newSummaryCmd(g, out, stderr),
		newConsensusCmd(g, out, stderr),
		newCompareCmd(g, out, stderr),
		newExportCmd(g, out, stderr),
		newReportCmd(g, out, stderr),
		newPlanCmd(g, out, stderr),
		newFollowUpCmd(g, out, stderr),
		newTextCmd(g, out, stderr),
		newServeCmd(g, out, stderr),
		newVersionCmd(out),
	)
	for _, c := range root.Commands() {
		c.Long = strings.TrimSpace(c.Long) + "\n\n" + exitCodesHelp()
	}
	addHelpFlags(root)
	return root, ran
}

// registry loads the instruments: built-in, plus the instruments folder.
func (g *globalOptions) registry() (*instrument.Registry, error) {
	dir := g.InstrumentsDir
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		if g.instrumentsSet {
			return nil, usageErr("--instruments %s: not a folder", dir)
		}
		dir = ""
	}
	reg, err := instrument.NewRegistry(dir)
	if err != nil {
		return nil, inputErr(err, "fix the instrument file, or check it with 'kompass instruments check FILE'")
	}
	return reg, nil
}

func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return &exitError{code: ExitUsage, err: msg.Errorf("%s takes %s", cmd.Name(), msg.T(what)), hint: msg.Sprintf("see '%s --help'", cmd.CommandPath())}
		}
		return nil
	}
}

func checkFormat(format string, allowed ...string) error {
	for _, a := range allowed {
		if format == a {
			return nil
		}
	}
	return usageErr("--format %q: expected one of %s", format, strings.Join(allowed, ", "))
}
