package cli

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/plan"
	"github.com/kompass-dev/kompass/internal/sheet"
)

type followUpOptions struct {
	*globalOptions
	Data   string
	Kommun string
	Year   int
	Format string
	By     plan.GroupBy
	Per    time.Time // zero: the latest reported occasion
	Output string
	Force  bool
	Stdout io.Writer
	Stderr io.Writer
}

func newFollowUpCmd(g *globalOptions, stdout, stderr io.Writer) *cobra.Command {
	opts := &followUpOptions{globalOptions: g, Stdout: stdout, Stderr: stderr}
	var per, by string
	cmd := &cobra.Command{
		Use:   msg.T("follow-up --kommun NAME [--year Y] [--format text|csv|json|xlsx|html] [--by område|nämnd] [--per YYYY-MM-DD] [-o FILE] [DIR]"),
		Short: msg.T("Follow up a kommun's åtgärdsplan: how many åtgärder are done, per area, per nämnd and over time"),
		Long:  msg.Help("follow-up"),
		Example: `  kompass follow-up --kommun Exempelkommun
  kompass follow-up --kommun Exempelkommun --year 2005 --per 2007-09-30
  kompass follow-up --kommun Exempelkommun --format html --by nämnd -o uppfoljning.html
  kompass follow-up --kommun Exempelkommun -o uppfoljning.xlsx`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("kommun") {
				return usageErr("--kommun is required")
			}
			if !cmd.Flags().Changed("format") {
				opts.Format = formatOf(opts.Output, opts.Format)
			}
			if err := checkFormat(opts.Format, "text", "csv", "json", "xlsx", "html"); err != nil {
				return err
			}
			if opts.Format == "xlsx" && (opts.Output == "" || opts.Output == "-") {
				return usageErr("--format xlsx writes a workbook: give its file name with -o, e.g. -o uppfoljning.xlsx")
			}
			if opts.Format == "xlsx" && !sheet.IsXLSX(opts.Output) {
				return usageErr("-o %s: the workbook must have the extension .xlsx", opts.Output)
			}
			g, ok := plan.ParseGroupBy(by)
			if !ok {
				return usageErr("--by %q: expected område or nämnd", by)
			}
			opts.By = g
			if len(args) == 1 {
				if cmd.Flags().Changed("data") && args[0] != opts.Data {
					return usageErr("give the data folder once: as DIR or with --data")
				}
				opts.Data = args[0]
			}
			if per != "" {
				t, err := time.Parse(time.DateOnly, per)
				if err != nil {
					return usageErr("--per %q: expected a date as YYYY-MM-DD, e.g. 2008-09-30", per)
				}
				opts.Per = t
			}
			return runFollowUp(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Data, "data", "evaluations", msg.T("data folder with the evaluation workbooks and their åtgärdsplaner"))
	cmd.Flags().StringVar(&opts.Kommun, "kommun", "", msg.T("the kommun"))
	cmd.Flags().IntVar(&opts.Year, "year", 0, msg.T("the year of the evaluation whose plan to follow up (default: the latest with a plan)"))
	cmd.Flags().StringVar(&opts.Format, "format", "text", msg.T("output format: text, csv, json, or the nämnd's report as xlsx or html"))
	cmd.Flags().StringVar(&by, "by", "område", msg.T("group the åtgärder per område (huvudområde) or per nämnd (nämnd/förvaltning)"))
	cmd.Flags().StringVar(&per, "per", "", msg.T("take the standing on this day (YYYY-MM-DD) instead of at the latest reported occasion"))
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", msg.T("output file (default: stdout)"))
	forceFlag(cmd, &opts.Force)
	return cmd
}

func runFollowUp(_ context.Context, opts *followUpOptions) error {
	set, err := readSet(opts.globalOptions, opts.Data, opts.Stderr)
	if err != nil {
		return err
	}
	pr, bad, err := followUp(set, opts.Kommun, opts.Year, opts.Per)
	// The plan followed up speaks for itself below; the other workbooks
	// left out are named as everywhere.
	for _, ex := range set.Excluded {
		if bad == nil || ex.File != bad.File {
			warn(opts.Stderr, "%s", set.Warning(ex))
		}
	}
	if err != nil {
		return err
	}
	write := func(w io.Writer) error { return plan.Renderers[opts.Format](w, *pr, opts.By) }
	if opts.Output == "" || opts.Output == "-" {
		if err := write(resultOut(opts.Stdout, opts.Format)); err != nil {
			return failure(err, "")
		}
	} else {
		if err := (outputs{inputs: set.Inputs(), force: opts.Force}).write(opts.Output, resultOut(opts.Stdout, opts.Format), write); err != nil {
			return err
		}
		fmt.Fprint(opts.Stdout, msg.Sprintf("wrote %s (follow-up of %s %d)\n", opts.Output, pr.Evaluation.Facts.Kommun, pr.Evaluation.Facts.Year))
	}
	if bad == nil {
		return nil
	}
	// A partial result: every row counted, those with problems as far as
	// they could be read (a status not in the list is no status: not
	// reported), and each problem named.
	for _, pb := range bad.Problems {
		warn(opts.Stderr, "%s", pb.String())
	}
	return inputErr(msg.Errorf("the åtgärdsplan %s has %s; the follow-up above counts an åtgärd whose status could not be read as not reported", bad.File, msg.Count(len(bad.Problems), "problem", "problems")),
		msg.Sprintf("correct the cells named above; 'kompass validate %s' lists them too", bad.File))
}

// followUp is the follow-up of the plan of the kommun's evaluation in year
// (0: the latest that has a plan). A plan with problems in its rows is
// still followed up, as far as it can be read (a valid plan of the same
// evaluation first): it is returned with bad, the workbook and its
// problems, for the caller to name them.
func followUp(set *evalset.Set, kommun string, year int, per time.Time) (*plan.Progress, *evalset.Excluded, error) {
	var evs []*evaluation.Evaluation
	var err error
	if year != 0 {
		evs, err = set.Select(kommun, year)
	} else {
		evs, err = set.Lookup(kommun)
	}
	if err != nil {
		return nil, nil, err
	}
	plans := set.Plans
	partial := map[string]*evalset.Excluded{}
	for j, ex := range set.Excluded {
		for _, ev := range evs {
			if p := partialPlan(ex, ev); p != nil {
				plans = append(plans[:len(plans):len(plans)], p)
				partial[p.File] = &set.Excluded[j]
				break
			}
		}
	}
	if pr := plan.Follow(plans, evs, per); pr != nil {
		return pr, partial[pr.File], nil
	}
	for _, ex := range set.Excluded {
		if evaluation.NameKey(ex.Kommun) == evaluation.NameKey(evs[0].Facts.Kommun) && (year == 0 || ex.Year == year) && plan.IsPlan(ex.File) {
			return nil, &ex, inputErr(msg.Errorf("the åtgärdsplan %s of %s %d has problems, so it cannot be followed up", ex.File, evs[0].Facts.Kommun, ex.Year),
				msg.Sprintf("fix the problems 'kompass validate %s' lists", ex.File))
		}
	}
	ev := evs[len(evs)-1]
	err = msg.Errorf("%s %d has no åtgärdsplan in %s", ev.Facts.Kommun, ev.Facts.Year, set.Dir)
	if year == 0 {
		err = msg.Errorf("no evaluation of %s in %s has an åtgärdsplan", ev.Facts.Kommun, set.Dir)
	}
	hint := msg.Sprintf("write one with 'kompass plan --kommun %s --year %d', have it filled in and put it in %s", quoteArg(ev.Facts.Kommun), ev.Facts.Year, set.Dir)
	return nil, nil, &exitError{code: ExitUsage, err: err, hint: hint}
}

// partialPlan reads an excluded workbook again as the plan of ev, when it
// is one that can be followed up in part: its facts read and its rows
// found, whatever is wrong in some of their cells.
func partialPlan(ex evalset.Excluded, ev *evaluation.Evaluation) *plan.Plan {
	if evaluation.NameKey(ex.Kommun) != evaluation.NameKey(ev.Facts.Kommun) || ex.Year != ev.Facts.Year || !plan.IsPlan(ex.File) {
		return nil
	}
	p, _ := plan.Read(ex.File)
	if p == nil || !p.Of(ev) || len(p.Items) == 0 || len(p.Occasions) == 0 {
		return nil
	}
	return p
}

// formatOf is the format an output file's name asks for (.xlsx, .html,
// .csv, .json), else def.
func formatOf(path, def string) string {
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".xlsx", ".html", ".csv", ".json":
		return ext[1:]
	case ".htm":
		return "html"
	}
	return def
}

// quoteArg quotes a name for a command line when it needs it.
func quoteArg(s string) string {
	if strings.ContainsAny(s, " '\"") {
		return strconv.Quote(s)
	}
	return s
}
