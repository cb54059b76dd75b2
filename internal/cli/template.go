package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/instrument"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/sheet"
	"github.com/kompass-dev/kompass/internal/workbook"
)

type templateOptions struct {
	*globalOptions
	Instrument string
	Kommun     string
	Year       string
	Assessor   string
	Output     string
	Force      bool
	// assessorSet: --bedomare was given (an empty name is an error).
	assessorSet bool
	Stdout      io.Writer
	Stderr      io.Writer
}

func newTemplateCmd(g *globalOptions, stdout, stderr io.Writer) *cobra.Command {
	opts := &templateOptions{globalOptions: g, Stdout: stdout, Stderr: stderr}
	cmd := &cobra.Command{
		Use:   msg.T("template --instrument ID[@VERSION]|FILE --kommun NAME --year YYYY [--bedomare NAME] [-o FILE]"),
		Short: msg.T("Write an Excel workbook for an evaluator to fill in"),
		Long:  msg.Help("template"),
		Example: `  kompass template --instrument kommunkompassen@2007 --kommun Umeå --year 2009
  kompass template --instrument instruments/min-version.toml --kommun "Exempelkommun A" --year 2025 -o a.xlsx
  kompass template --instrument kommunkompassen@2007 --kommun "Exempelkommun A" --year 2025 --bedomare "Anna Exempelsson"`,
		Args: exactArgs(0, "no arguments; use the flags"),
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, f := range []string{"instrument", "kommun", "year"} {
				if !cmd.Flags().Changed(f) {
					return usageErr("--%s is required", f)
				}
			}
			opts.assessorSet = cmd.Flags().Changed("bedomare")
			return runTemplate(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Instrument, "instrument", "", msg.T("instrument as id@version (e.g. kommunkompassen@2007), id (latest version) or a TOML file"))
	cmd.Flags().StringVar(&opts.Kommun, "kommun", "", msg.T("the kommun's name"))
	cmd.Flags().StringVar(&opts.Year, "year", "", msg.T("the evaluation year, e.g. 2007"))
	cmd.Flags().StringVar(&opts.Assessor, "bedomare", "", msg.T("make one evaluator's own workbook (Avser = bedömning) with this evaluator's name"))
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", msg.T("output file (default <kommun>-<year>.xlsx)"))
	forceFlag(cmd, &opts.Force)
	return cmd
}

func runTemplate(_ context.Context, opts *templateOptions) error {
	kommun := strings.Join(strings.Fields(opts.Kommun), " ")
	if kommun == "" {
		return usageErr("--kommun is empty")
	}
	year, err := strconv.Atoi(strings.TrimSpace(opts.Year))
	if err != nil || year < workbook.MinYear || year > workbook.MaxYear {
		return usageErr("--year %q: expected a year such as 2007", opts.Year)
	}
	reg, err := opts.registry()
	if err != nil {
		return err
	}
	in, err := reg.Lookup(opts.Instrument)
	if err != nil {
		var le *instrument.LoadError
		if errors.As(err, &le) {
			return inputErr(err, msg.Sprintf("check the file with 'kompass instruments check %s'", opts.Instrument))
		}
		return usageErr("--instrument: %v", err)
	}
	assessor := evaluation.NormName(opts.Assessor)
	if opts.assessorSet && assessor == "" {
		return usageErr("--bedomare is empty")
	}
	out := opts.Output
	if out == "" {
		out = filepath.Join(opts.OutDir, templateName(kommun, year, assessor))
	}
	if !sheet.IsXLSX(out) {
		return usageErr("-o %s: the workbook must have the extension .xlsx", out)
	}
	var inputs []string
	if strings.HasSuffix(opts.Instrument, ".toml") {
		inputs = append(inputs, opts.Instrument)
	}
	err = outputs{inputs: inputs, force: opts.Force}.write(out, nil, func(w io.Writer) error {
		return workbook.Write(w, in, &evaluation.Evaluation{Facts: evaluation.Facts{Kommun: kommun, Year: year, Assessor: assessor}})
	})
	if err != nil {
		return err
	}
	if assessor != "" {
		fmt.Fprint(opts.Stdout, msg.Sprintf("wrote %s (%s %d, %s, bedömning by %s)\n", out, kommun, year, in.Ref(), assessor))
		return nil
	}
	fmt.Fprint(opts.Stdout, msg.Sprintf("wrote %s (%s %d, %s)\n", out, kommun, year, in.Ref()))
	return nil
}

// templateName is the default file name of a template: the kommun and year,
// and for one evaluator's own workbook the evaluator
// (exempelkommun-a-2025-anna-exempelsson.xlsx).
func templateName(kommun string, year int, assessor string) string {
	if assessor != "" {
		return fmt.Sprintf("%s-%d-%s.xlsx", evaluation.Slug(kommun), year, evaluation.Slug(assessor))
	}
	return fmt.Sprintf("%s-%d.xlsx", evaluation.Slug(kommun), year)
}

// slug makes a file name part from a kommun name: "Umeå" → "umea".
