package cli

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/summary"
	"github.com/kompass-dev/kompass/internal/validate"
)

type summaryOptions struct {
	*globalOptions
	Format string
	File   string
	Stdout io.Writer
	Stderr io.Writer
}

func newSummaryCmd(g *globalOptions, stdout, stderr io.Writer) *cobra.Command {
	opts := &summaryOptions{globalOptions: g, Stdout: stdout, Stderr: stderr}
	cmd := &cobra.Command{
		Use:   msg.T("summary [--format text|csv|json] FILE"),
		Short: msg.T("Print the poängsammanställning of one evaluation"),
		Long:  msg.Help("summary"),
		Example: `  kompass summary evaluations/umea-2007.xlsx
  kompass summary --format json evaluations/umea-2007.xlsx`,
		Args: exactArgs(1, "one workbook (FILE)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.Format, "text", "csv", "json"); err != nil {
				return err
			}
			opts.File = args[0]
			return runSummary(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", msg.T("output format: text, csv or json"))
	return cmd
}

func runSummary(_ context.Context, opts *summaryOptions) error {
	reg, err := opts.registry()
	if err != nil {
		return err
	}
	if _, err := os.Stat(opts.File); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return failure(msg.Errorf("%s: no such file", opts.File), "")
		}
		return failure(err, "")
	}
	r := validate.File(opts.File, reg)
	for _, p := range r.Problems {
		warn(opts.Stderr, "%s", p.String())
	}
	s, err := summarise(r)
	if err != nil {
		return err
	}
	switch opts.Format {
	case "json":
		err = summary.JSON(resultOut(opts.Stdout, opts.Format), s)
	case "csv":
		err = summary.CSV(resultOut(opts.Stdout, opts.Format), s)
	default:
		err = summary.Text(opts.Stdout, s)
	}
	if err != nil {
		return failure(err, "")
	}
	return nil
}

// summarise is the poängsammanställning of a checked workbook. A workbook
// whose score sheet could not be read (missing, damaged, or refused at a
// limit) has no rows: an empty summary would claim that nothing is scored
// yet, so it has none.
func summarise(r validate.Result) (summary.Summary, error) {
	if r.Evaluation == nil || r.Evaluation.Instrument == nil || len(r.Evaluation.Entries) == 0 {
		return summary.Summary{}, inputErr(msg.Errorf("%s: cannot summarise this workbook", r.File), msg.Sprintf("fix the problems above; 'kompass validate %s' lists them", r.File))
	}
	return summary.Build(r.Evaluation), nil
}
