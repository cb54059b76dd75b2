// Package cli is kompass's command line: one cobra command per file, each
// with an options struct and a run function. It parses flags and wires the
// other packages together; it holds no parsing or rendering logic of its own.
package cli

import (
	"context"
	"errors"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kompass-dev/kompass/internal/instrument"
)

// globalOptions are the flags every command shares.
type globalOptions struct {
	InstrumentsDir string
	instrumentsSet bool
}

// Main runs kompass with the given arguments and streams and returns the
// exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd(stdin, stdout, stderr)
	root.SetArgs(args)
	err := root.ExecuteContext(context.Background())
	if err != nil && isCobraUsage(err) {
		err = &exitError{code: ExitUsage, err: err, hint: "see 'kompass --help'"}
	}
	return reportError(stderr, err)
}

func isCobraUsage(err error) bool {
	var ee *exitError
	if errors.As(err, &ee) {
		return false
	}
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument", "invalid argument", "required flag", "accepts ", "requires at least"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

func newRootCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	g := &globalOptions{}
	root := &cobra.Command{
		Use:   "kompass",
		Short: "Kommunkompassen evaluations: Excel templates, validation, summaries",
		Long: `kompass works with Kommunkompassen evaluations: the instrument as TOML,
the evaluator's Excel workbook, and checks and summaries of the scores.

` + exitCodesHelp,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRun: func(cmd *cobra.Command, args []string) {
			g.instrumentsSet = cmd.Flags().Changed("instruments")
		},
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.PersistentFlags().StringVar(&g.InstrumentsDir, "instruments", "instruments",
		"folder of instrument TOML files that add to or replace the built-in ones (ignored if the default is absent)")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return &exitError{code: ExitUsage, err: err, hint: "see 'kompass " + cmd.Name() + " --help'"}
	})
	root.AddCommand(
		newInstrumentsCmd(g, stdout, stderr),
		newTemplateCmd(g, stdout, stderr),
		newValidateCmd(g, stdout, stderr),
		newSummaryCmd(g, stdout, stderr),
		newCompareCmd(g, stdout, stderr),
		newExportCmd(g, stdout, stderr),
		newReportCmd(g, stdout, stderr),
	)
	for _, c := range root.Commands() {
		c.Long = strings.TrimSpace(c.Long) + "\n\n" + exitCodesHelp
	}
	return root
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
			return &exitError{code: ExitUsage, err: errors.New(cmd.Name() + " takes " + what), hint: "see 'kompass " + cmd.Name() + " --help'"}
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
