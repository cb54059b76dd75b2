package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/kompass-dev/kompass/internal/consensus"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/points"
	"github.com/kompass-dev/kompass/internal/sheet"
	"github.com/kompass-dev/kompass/internal/validate"
)

type consensusOptions struct {
	*globalOptions
	Files     []string
	Output    string
	Format    string
	Threshold *points.P // nil: a quarter of each maxpoäng
	Force     bool
	// named: write the workbook under its own name (<kommun>-<year>.xlsx)
	// in OutDir when Output is not given (the page).
	named  bool
	Stdout io.Writer
	Stderr io.Writer
}

func newConsensusCmd(g *globalOptions, stdout, stderr io.Writer) *cobra.Command {
	opts := &consensusOptions{globalOptions: g, Stdout: stdout, Stderr: stderr}
	var threshold string
	cmd := &cobra.Command{
		Use:   msg.T("consensus FILE… [-o OUT.xlsx] [--format text|json] [--threshold P]"),
		Short: msg.T("Compare the evaluators' own workbooks and write the consensus workbook"),
		Long:  msg.Help("consensus"),
		Example: `  kompass consensus anna.xlsx bertil.xlsx cecilia.xlsx
  kompass consensus bedomningar/*.xlsx -o exempelkommun-a-2025.xlsx
  kompass consensus --threshold 2,5 --format json anna.xlsx bertil.xlsx`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.Format, "text", "json"); err != nil {
				return err
			}
			if len(args) < 2 {
				return &exitError{code: ExitUsage, err: msg.Errorf("consensus takes the workbooks of two or more evaluators, not %d", len(args)), hint: msg.Sprintf("see '%s --help'", cmd.CommandPath())}
			}
			seen := map[string]bool{}
			for _, f := range args {
				if seen[filepath.Clean(f)] {
					return usageErr("%s is given twice", f)
				}
				seen[filepath.Clean(f)] = true
			}
			if cmd.Flags().Changed("threshold") {
				p, err := points.Parse(threshold)
				if err != nil || p <= 0 {
					return usageErr("--threshold %q: expected a number of points above 0, such as 2,5", threshold)
				}
				opts.Threshold = &p
			}
			if opts.Output != "" && opts.Output != "-" && !sheet.IsXLSX(opts.Output) {
				return usageErr("-o %s: the workbook must have the extension .xlsx", opts.Output)
			}
			opts.Files = args
			return runConsensus(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", msg.T("also write the consensus workbook to this file"))
	cmd.Flags().StringVar(&opts.Format, "format", "text", msg.T("output format: text or json"))
	cmd.Flags().StringVar(&threshold, "threshold", "", msg.T("discuss a score when the evaluators' spread is at least this many points (default: a quarter of its maxpoäng)"))
	forceFlag(cmd, &opts.Force)
	return cmd
}

func runConsensus(_ context.Context, opts *consensusOptions) error {
	reg, err := opts.registry()
	if err != nil {
		return err
	}
	out := outputs{inputs: opts.Files, force: opts.Force}
	if err := out.check(opts.Output); err != nil {
		return err
	}
	var evs []*evaluation.Evaluation
	for _, f := range opts.Files {
		if _, err := os.Stat(f); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return failure(msg.Errorf("%s: no such file", f), "")
			}
			return failure(err, "")
		}
		r := validate.File(f, reg)
		for _, p := range r.Problems {
			warn(opts.Stderr, "%s", p.String())
		}
		if r.Plan != nil {
			return inputErr(msg.Errorf("%s is an åtgärdsplan, not an evaluator's workbook", f), "give the evaluators' own workbooks (kompass template --bedomare)")
		}
		if !r.OK() {
			return &exitError{code: ExitProblems, err: msg.Errorf("%s: the workbook has problems; every evaluator's workbook must validate", f),
				hint: msg.Sprintf("correct it; 'kompass validate %s' lists its problems", f)}
		}
		evs = append(evs, r.Evaluation)
	}
	c, err := consensus.New(evs, opts.Threshold)
	if err != nil {
		var ie *consensus.InputError
		if errors.As(err, &ie) {
			return &exitError{code: ExitProblems, err: err, hint: ie.Hint}
		}
		return failure(err, "")
	}
	if opts.Output == "" && opts.named {
		opts.Output = filepath.Join(opts.OutDir, fmt.Sprintf("%s-%d.xlsx", evaluation.Slug(c.Kommun), c.Year))
		if err := out.check(opts.Output); err != nil {
			return err
		}
	}
	// The workbook first: one that cannot be written (larger than kompass
	// reads back) is refused before anything is printed.
	if err := out.write(opts.Output, nil, func(w io.Writer) error { return consensus.Write(w, c) }); err != nil {
		return err
	}
	if opts.Format == "json" {
		err = consensus.JSON(resultOut(opts.Stdout, opts.Format), c)
	} else {
		err = consensus.Text(opts.Stdout, c)
	}
	if err != nil {
		return failure(err, "")
	}
	if opts.Output != "" && opts.Format == "text" {
		fmt.Fprint(opts.Stdout, msg.Sprintf("\nwrote %s (%s %d: %s, %d to discuss)\n", opts.Output, c.Kommun, c.Year, msg.Count(len(c.Evaluators), "evaluator", "evaluators"), c.Discuss))
	}
	return nil
}
