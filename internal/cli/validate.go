package cli

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kompass-dev/kompass/internal/encode"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/validate"
)

type validateOptions struct {
	*globalOptions
	Format string
	Paths  []string
	Stdout io.Writer
	Stderr io.Writer
}

func newValidateCmd(g *globalOptions, stdout, stderr io.Writer) *cobra.Command {
	opts := &validateOptions{globalOptions: g, Stdout: stdout, Stderr: stderr}
	cmd := &cobra.Command{
		Use:   msg.T("validate [--format text|json] [PATH…]"),
		Short: msg.T("Check evaluation workbooks"),
		Long:  msg.Help("validate"),
		Example: `  kompass validate
  kompass validate evaluations/umea-2007.xlsx
  kompass validate --format json inkommet/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.Format, "text", "json"); err != nil {
				return err
			}
			opts.Paths = args
			if len(opts.Paths) == 0 {
				opts.Paths = []string{"evaluations"}
			}
			return runValidate(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", msg.T("output format: text or json"))
	return cmd
}

func runValidate(_ context.Context, opts *validateOptions) error {
	reg, err := opts.registry()
	if err != nil {
		return err
	}
	files, err := collectWorkbooks(opts.Paths)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return failure(msg.Errorf("no .xlsx workbooks in %s", strings.Join(opts.Paths, ", ")), "make one with 'kompass template'")
	}
	// One workbook at a time; only the problems and a label are kept.
	var results []validate.Outcome
	var all []problem.Problem
	prog := newProgress(opts.Stderr, "checking", len(files))
	clashes := validate.Each(files, reg, func(i int, r validate.Result) {
		results = append(results, r.Outcome())
		prog.step(i + 1)
	})
	prog.done()
	for i := range results {
		results[i].Add(clashes[i]...)
		all = append(all, results[i].Problems...)
	}
	switch opts.Format {
	case "json":
		if all == nil {
			all = []problem.Problem{}
		}
		if err := encode.JSON(resultOut(opts.Stdout, opts.Format), all); err != nil {
			return failure(err, "")
		}
	default:
		if err := validate.WriteText(opts.Stdout, results); err != nil {
			return failure(err, "")
		}
	}
	if problem.HasErrors(all) {
		return errProblemsFound
	}
	return nil
}

// collectWorkbooks finds the workbooks of paths as validate takes them:
// files as they are, folders searched for .xlsx files.
func collectWorkbooks(paths []string) ([]string, error) {
	files, err := validate.Collect(paths)
	if err != nil {
		var pe *fs.PathError
		if errors.Is(err, fs.ErrNotExist) && errors.As(err, &pe) {
			return nil, failure(msg.Errorf("%s: no such file or folder", pe.Path), "give a workbook or a folder of workbooks")
		}
		return nil, failure(err, "")
	}
	return files, nil
}
