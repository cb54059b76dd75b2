package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/spf13/cobra"

	"github.com/kompass-dev/kompass/internal/instrument"
	"github.com/kompass-dev/kompass/internal/msg"
)

type instrumentsOptions struct {
	*globalOptions
	Stdout, Stderr io.Writer
}

func newInstrumentsCmd(g *globalOptions, stdout, stderr io.Writer) *cobra.Command {
	opts := &instrumentsOptions{globalOptions: g, Stdout: stdout, Stderr: stderr}
	cmd := &cobra.Command{
		Use:   msg.T("instruments"),
		Short: msg.T("List the known instrument versions"),
		Long:  msg.Help("instruments"),
		Args:  exactArgs(0, "no arguments (did you mean 'instruments check FILE…'?)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runInstruments(cmd.Context(), opts)
		},
	}
	checkOpts := &instrumentsCheckOptions{Stdout: stdout, Stderr: stderr}
	check := &cobra.Command{
		Use:   msg.T("check FILE…"),
		Short: msg.T("Check instrument TOML files"),
		Long:  msg.Help("instruments check"),
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErr("instruments check takes one or more TOML files")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			checkOpts.Files = args
			return runInstrumentsCheck(cmd.Context(), checkOpts)
		},
	}
	cmd.AddCommand(check)
	return cmd
}

func runInstruments(_ context.Context, opts *instrumentsOptions) error {
	reg, err := opts.registry()
	if err != nil {
		return err
	}
	return instrument.WriteTable(opts.Stdout, reg.All())
}

type instrumentsCheckOptions struct {
	Files          []string
	Stdout, Stderr io.Writer
}

func runInstrumentsCheck(_ context.Context, opts *instrumentsCheckOptions) error {
	bad := false
	for _, f := range opts.Files {
		in, err := instrument.LoadFile(f)
		var le *instrument.LoadError
		switch {
		case errors.As(err, &le):
			bad = true
			fmt.Fprintln(opts.Stdout, le.Error())
		case errors.Is(err, fs.ErrNotExist):
			return failure(msg.Errorf("%s: no such file", f), "")
		case err != nil:
			return failure(err, "")
		default:
			fmt.Fprint(opts.Stdout, msg.Sprintf("%s: ok (%s)\n", f, in.Outline()))
		}
	}
	if bad {
		return errProblemsFound
	}
	return nil
}
