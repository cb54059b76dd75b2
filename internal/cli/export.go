package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/kompass-dev/kompass/internal/export"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/sheet"
)

type exportOptions struct {
	*globalOptions
	Data   string
	Format string
	Output string
	Force  bool
	Stdout io.Writer
	Stderr io.Writer
}

func newExportCmd(g *globalOptions, stdout, stderr io.Writer) *cobra.Command {
	opts := &exportOptions{globalOptions: g, Stdout: stdout, Stderr: stderr}
	cmd := &cobra.Command{
		Use:   msg.T("export [--format csv|json|xlsx] [-o FILE]"),
		Short: msg.T("Export every validated evaluation as one table"),
		Long:  msg.Help("export"),
		Example: `  kompass export -o kommunkompassen.csv
  kompass export --format xlsx -o kommunkompassen.xlsx`,
		Args: exactArgs(0, "no arguments; use the flags"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.Format, "csv", "json", "xlsx"); err != nil {
				return err
			}
			if opts.Format == "xlsx" && (opts.Output == "" || opts.Output == "-") {
				return usageErr("--format xlsx needs -o FILE")
			}
			return runExport(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Data, "data", "evaluations", msg.T("data folder with the evaluation workbooks"))
	cmd.Flags().StringVar(&opts.Format, "format", "csv", msg.T("output format: csv, json or xlsx"))
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", msg.T("output file (default: stdout for csv and json)"))
	forceFlag(cmd, &opts.Force)
	return cmd
}

func runExport(_ context.Context, opts *exportOptions) error {
	set, err := loadSet(opts.globalOptions, opts.Data, opts.Stderr)
	if err != nil {
		return err
	}
	write := func(w io.Writer) error {
		switch opts.Format {
		case "xlsx":
			return export.XLSX(w, set.Evaluations)
		case "json":
			return export.JSON(w, export.Rows(set.Evaluations))
		default:
			return export.CSV(w, export.Rows(set.Evaluations))
		}
	}
	if opts.Output == "" || opts.Output == "-" {
		if err := write(resultOut(opts.Stdout, opts.Format)); err != nil {
			return failure(err, "")
		}
		return nil
	}
	if opts.Format == "xlsx" && !sheet.IsXLSX(opts.Output) {
		return usageErr("-o %s: an xlsx export must have the extension .xlsx", opts.Output)
	}
	if err := (outputs{inputs: set.Inputs(), force: opts.Force}).write(opts.Output, resultOut(opts.Stdout, opts.Format), write); err != nil {
		return err
	}
	fmt.Fprint(opts.Stdout, msg.Sprintf("wrote %s (%d evaluations)\n", opts.Output, len(set.Evaluations)))
	return nil
}
