package cli

import (
	"context"
	"errors"
	"io"
	"io/fs"

	"github.com/spf13/cobra"

	"github.com/kompass-dev/kompass/internal/compare"
	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/msg"
)

type compareOptions struct {
	*globalOptions
	Data   string
	Kommun string
	Years  []int
	Group  string
	Period evalset.Period
	Format string
	Stdout io.Writer
	Stderr io.Writer
}

func newCompareCmd(g *globalOptions, stdout, stderr io.Writer) *cobra.Command {
	opts := &compareOptions{globalOptions: g, Stdout: stdout, Stderr: stderr}
	var years, period string
	cmd := &cobra.Command{
		Use:   msg.T("compare --kommun NAME [--years Y1,Y2,…] [--group GROUP] [--format text|csv|json]"),
		Short: msg.T("Compare a kommun across years, or with a reference group"),
		Long:  msg.Help("compare"),
		Example: `  kompass compare --kommun Umeå
  kompass compare --kommun umea --years 2005,2007 --format csv
  kompass compare --kommun Vallentuna --group "Sverigesnitt 2021"`,
		Args: exactArgs(0, "no arguments; use the flags"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("kommun") {
				return usageErr("--kommun is required")
			}
			if err := checkFormat(opts.Format, "text", "csv", "json"); err != nil {
				return err
			}
			ys, err := evalset.ParseYears(years)
			if err != nil {
				return usageErr("--years: %v", err)
			}
			opts.Years = ys
			if opts.Period, err = evalset.ParsePeriod(period); err != nil {
				return usageErr("--period: %v", err)
			}
			return runCompare(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Data, "data", "evaluations", msg.T("data folder with the evaluation workbooks and groups.toml"))
	cmd.Flags().StringVar(&opts.Kommun, "kommun", "", msg.T("the kommun to compare"))
	cmd.Flags().StringVar(&years, "years", "", msg.T("comma-separated years to include (default: all)"))
	cmd.Flags().StringVar(&opts.Group, "group", "", msg.T("reference group: a name from groups.toml, a published mean such as \"Sverigesnitt 2021\", or \"alla\""))
	cmd.Flags().StringVar(&period, "period", "", msg.T("with --group alla: only evaluations made in these years, e.g. 2019-2022"))
	cmd.Flags().StringVar(&opts.Format, "format", "text", msg.T("output format: text, csv or json"))
	return cmd
}

// loadSet loads the data folder and warns about every workbook left out.
func loadSet(g *globalOptions, dir string, stderr io.Writer) (*evalset.Set, error) {
	set, err := readSet(g, dir, stderr)
	if err != nil {
		return nil, err
	}
	for _, w := range set.Warnings() {
		warn(stderr, "%s", w)
	}
	return set, nil
}

// readSet reads a data folder, showing progress, without the warnings
// about the workbooks left out (set.Warnings).
func readSet(g *globalOptions, dir string, stderr io.Writer) (*evalset.Set, error) {
	reg, err := g.registry()
	if err != nil {
		return nil, err
	}
	prog := newProgress(stderr, "reading", 0)
	set, err := evalset.Load(dir, reg, func(done, total int) {
		prog.total, prog.on = total, isTerminal(stderr) && total > 1
		prog.step(done)
	})
	prog.done()
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, failure(msg.Errorf("data folder %s: no such folder", dir), "give the folder of evaluation workbooks with --data")
		}
		return nil, failure(err, "")
	}
	return set, nil
}

func runCompare(_ context.Context, opts *compareOptions) error {
	set, err := loadSet(opts.globalOptions, opts.Data, opts.Stderr)
	if err != nil {
		return err
	}
	evs, err := set.Select(opts.Kommun, opts.Years...)
	if err != nil {
		return err
	}
	warnDrafts(opts.Stderr, evs)
	if opts.Group == "" {
		h, err := compare.NewHistory(evs)
		if err != nil {
			return err
		}
		return render(opts.Format, opts.Stdout, h, compare.HistoryText, compare.HistoryCSV)
	}
	own := evs[len(evs)-1]
	g, err := set.Group(opts.Group, own, opts.Period)
	if err != nil {
		return err
	}
	warnDrafts(opts.Stderr, g.Members)
	gc, err := compare.Against(own, g)
	if err != nil {
		return err
	}
	return render(opts.Format, opts.Stdout, gc, compare.GroupText, compare.GroupCSV)
}

// warnDrafts names the evaluations compared that are drafts (Status
// Utkast): their scores may still change.
func warnDrafts(stderr io.Writer, evs []*evaluation.Evaluation) {
	for _, ev := range evs {
		if ev.Facts.Draft() {
			warn(stderr, "%s is a draft (Status Utkast in %s); its scores may still change", ev.Label(), ev.File)
		}
	}
}

// render writes v in the chosen format.
func render[T any](format string, w io.Writer, v T, text, csv func(io.Writer, T) error) error {
	w = resultOut(w, format)
	var err error
	switch format {
	case "json":
		err = compare.JSON(w, v)
	case "csv":
		err = csv(w, v)
	default:
		err = text(w, v)
	}
	if err != nil {
		return failure(err, "")
	}
	return nil
}
