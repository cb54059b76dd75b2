package cli

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/plan"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/sheet"
)

type planOptions struct {
	*globalOptions
	Data      string
	Kommun    string
	Year      int
	Output    string
	Force     bool
	Until     int
	Occasions string
	From      string // the previous plan, whose unfinished åtgärder are carried over
	Stdout    io.Writer
	Stderr    io.Writer
}

func newPlanCmd(g *globalOptions, stdout, stderr io.Writer) *cobra.Command {
	opts := &planOptions{globalOptions: g, Stdout: stdout, Stderr: stderr}
	cmd := &cobra.Command{
		Use:   msg.T("plan --kommun NAME [--year Y] [-o FILE] [--force] [--until YEAR] [--occasions LIST] [--from PREVIOUS-PLAN] [DIR]"),
		Short: msg.T("Write the åtgärdsplan workbook for an evaluation's förbättringsområden"),
		Long:  msg.Help("plan"),
		Example: `  kompass plan --kommun Umeå --year 2007
  kompass plan --kommun Exempelkommun --year 2007 --occasions "tertial 1,tertial 2,årsredovisning"
  kompass plan --kommun Exempelkommun --year 2007 --occasions "T1:2008-04-30,Delårsrapport:2008-08-31,Årsredovisning 2008:2009-02-28"
  kompass plan --kommun Exempelkommun --year 2007 --from evaluations/exempelkommun-2005-atgardsplan.xlsx`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("kommun") {
				return usageErr("--kommun is required")
			}
			switch len(args) {
			case 0:
			case 1:
				opts.Data = args[0]
			default:
				return usageErr("plan takes at most one folder, got %d arguments", len(args))
			}
			return runPlan(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Data, "data", "evaluations", msg.T("data folder with the evaluation workbooks (or give it as DIR)"))
	cmd.Flags().StringVar(&opts.Kommun, "kommun", "", msg.T("the kommun"))
	cmd.Flags().IntVar(&opts.Year, "year", 0, msg.T("the evaluation year (default: the latest)"))
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", msg.T("output file (default <kommun>-<year>-atgardsplan.xlsx)"))
	forceFlag(cmd, &opts.Force)
	cmd.Flags().IntVar(&opts.Until, "until", 0, msg.T("the last year with reporting occasions (default: two years after the evaluation)"))
	cmd.Flags().StringVar(&opts.Occasions, "occasions", strings.Join(plan.DefaultNames, ","), msg.T("the reporting occasions, comma-separated: months, tertial 1–3, delårsrapport, delårsbokslut, årsredovisning, or NAME:YYYY-MM-DD"))
	cmd.Flags().StringVar(&opts.From, "from", "", msg.T("the kommun's previous åtgärdsplan: carry over its åtgärder not yet Genomförd"))
	return cmd
}

func runPlan(_ context.Context, opts *planOptions) error {
	var names []string
	for _, n := range strings.Split(opts.Occasions, ",") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return usageErr("--occasions is empty")
	}
	set, err := loadSet(opts.globalOptions, opts.Data, opts.Stderr)
	if err != nil {
		return err
	}
	var years []int
	if opts.Year != 0 {
		years = append(years, opts.Year)
	}
	evs, err := set.Select(opts.Kommun, years...)
	if err != nil {
		return err
	}
	ev := evs[len(evs)-1]
	if ev.Facts.Kind != evaluation.KindKommun {
		return usageErr("%s is a published mean, not a kommun's evaluation; it has no åtgärdsplan", ev.Label())
	}
	occ, err := plan.Occasions(ev.Facts.Year, opts.Until, names)
	if err != nil {
		return &exitError{code: ExitUsage, err: err}
	}
	if _, refs := plan.Refs(ev); len(refs) == 0 {
		return inputErr(msg.Errorf("%s has no förbättringsområden, so there is nothing to plan", ev.Label()), msg.Sprintf("write them on the sheet Styrkor och förbättringsområden of %s", ev.File))
	}
	var carried []plan.Carried
	if opts.From != "" {
		if carried, err = carryOver(set, opts.From, ev); err != nil {
			return err
		}
	}
	out := opts.Output
	if out == "" {
		out = filepath.Join(opts.OutDir, fmt.Sprintf("%s-%d-atgardsplan.xlsx", evaluation.Slug(ev.Facts.Kommun), ev.Facts.Year))
	}
	if !sheet.IsXLSX(out) {
		return usageErr("-o %s: the workbook must have the extension .xlsx", out)
	}
	err = outputs{inputs: append(set.Inputs(), opts.From), force: opts.Force}.write(out, nil, func(w io.Writer) error {
		return plan.Write(w, ev, ev.Instrument, plan.Options{Occasions: occ, Carried: carried})
	})
	if err != nil {
		return err
	}
	_, refs := plan.Refs(ev)
	fmt.Fprint(opts.Stdout, msg.Sprintf("wrote %s (åtgärdsplan %s %d: %d förbättringsområden, followed up %s to %s)\n",
		out, ev.Facts.Kommun, ev.Facts.Year, len(refs), plan.InSentence(occ[0].Label), plan.InSentence(occ[len(occ)-1].Label)))
	if opts.From != "" {
		fmt.Fprint(opts.Stdout, msg.Sprintf("carried over from %s: %s not Genomförd\n", opts.From, msg.Count(len(carried), "åtgärd", "åtgärder")))
	}
	return nil
}

// carryOver reads the kommun's previous plan and lists its åtgärder not
// Genomförd at its standing, to carry into the plan of ev. The previous
// plan must be of the same kommun and of an earlier evaluation, and read
// without errors; its evaluation, when in the set, names its areas.
func carryOver(set *evalset.Set, path string, ev *evaluation.Evaluation) ([]plan.Carried, error) {
	prev, probs := plan.Read(path)
	if prev == nil || problem.HasErrors(probs) {
		for _, p := range probs {
			if p.Severity == problem.Error {
				return nil, inputErr(msg.Errorf("--from %s: the åtgärdsplan has problems: %s", path, p.String()), msg.Sprintf("fix the problems 'kompass validate %s' lists", path))
			}
		}
		return nil, inputErr(msg.Errorf("--from %s: the åtgärdsplan cannot be read", path), "")
	}
	if evaluation.NameKey(prev.Kommun) != evaluation.NameKey(ev.Facts.Kommun) || prev.Year >= ev.Facts.Year {
		return nil, usageErr("--from %s: the åtgärdsplan of %s %d is no earlier plan of %s %d", path, prev.Kommun, prev.Year, ev.Facts.Kommun, ev.Facts.Year)
	}
	var prevEv *evaluation.Evaluation
	if evs, err := set.Select(prev.Kommun, prev.Year); err == nil {
		for _, e := range evs {
			if prev.Of(e) {
				prevEv = e
			}
		}
	}
	return plan.CarryOver(plan.FollowUp(prev, prevEv, time.Time{})), nil
}
