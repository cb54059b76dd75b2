package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/analysis"
	"github.com/kompass-dev/kompass/internal/docx"
	"github.com/kompass-dev/kompass/internal/instrument"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/sheet"
	"github.com/kompass-dev/kompass/internal/validate"
	"github.com/kompass-dev/kompass/internal/workbook"
)

func newTextCmd(g *globalOptions, stdout, stderr io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   msg.T("text"),
		Short: msg.T("Bring the evaluators' text into a workbook"),
		Long:  msg.Help("text"),
		Args:  exactArgs(0, "a subcommand: import"),
		RunE:  func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	imp := newTextImportCmd(g, stdout, stderr)
	imp.Long = strings.TrimSpace(imp.Long) + "\n\n" + exitCodesHelp()
	cmd.AddCommand(imp)
	return cmd
}

type textImportOptions struct {
	*globalOptions
	Document string
	Into     string
	Output   string
	Force    bool
	Stdout   io.Writer
	Stderr   io.Writer
}

func newTextImportCmd(g *globalOptions, stdout, stderr io.Writer) *cobra.Command {
	opts := &textImportOptions{globalOptions: g, Stdout: stdout, Stderr: stderr}
	cmd := &cobra.Command{
		Use:   msg.T("import DOCUMENT.docx --into WORKBOOK.xlsx (-o NEW.xlsx | --force)"),
		Short: msg.T("Read the analysis from a Word document into a workbook"),
		Long:  msg.Help("text import"),
		Example: `  kompass text import analys.docx --into umea-2007.xlsx -o umea-2007-med-text.xlsx
  kompass text import analys.docx --into umea-2007.xlsx --force`,
		Args: exactArgs(1, "one Word document (.docx)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("into") {
				return usageErr("--into is required: the workbook the text goes into")
			}
			opts.Document = args[0]
			return runTextImport(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Into, "into", "", msg.T("the evaluation workbook (.xlsx) the text goes into"))
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", msg.T("write the result to this new workbook (default: replace the --into workbook, with --force)"))
	forceFlag(cmd, &opts.Force)
	return cmd
}

func runTextImport(_ context.Context, opts *textImportOptions) error {
	out := opts.Output
	switch {
	case out == "" && !opts.Force:
		return usageErr("give -o NEW.xlsx for a new workbook, or --force to replace %s", opts.Into)
	case out == "":
		out = opts.Into
	case !sheet.IsXLSX(out):
		return usageErr("-o %s: the workbook must have the extension .xlsx", out)
	}
	// The one rule for outputs: never over an input, an existing file only
	// with --force. Replacing the workbook itself is what --force without
	// -o asks for, so it is then no input that must be kept.
	o := outputs{inputs: []string{opts.Document, opts.Into}, force: opts.Force}
	if out == opts.Into {
		o.inputs = []string{opts.Document}
	}
	if err := o.check(out); err != nil {
		return err
	}
	reg, err := opts.registry()
	if err != nil {
		return err
	}
	doc, err := docx.ReadFile(opts.Document)
	if err != nil {
		if errors.Is(err, docx.ErrNotDocx) || errors.Is(err, docx.ErrTooLarge) || errors.Is(err, docx.ErrMalformed) || errors.Is(err, docx.ErrNotRegular) {
			return inputErr(fmt.Errorf("%s: %w", opts.Document, err), "save the analysis as a Word document (.docx) in Word or LibreOffice")
		}
		return failure(fmt.Errorf("%s: %w", opts.Document, err), "")
	}
	res := validate.File(opts.Into, reg)
	ev := res.Evaluation
	if ev == nil || ev.Instrument == nil {
		for _, p := range res.Problems {
			if p.Severity == problem.Error {
				warn(opts.Stderr, "%s", p.String())
			}
		}
		return inputErr(msg.Errorf("%s is not an evaluation workbook kompass can read", opts.Into), "check it with 'kompass validate', or make one with 'kompass template'")
	}
	placed := analysis.Place(doc, ev.Instrument)
	if len(placed.Text) == 0 && len(placed.Tables) == 0 {
		// Nothing to write: the workbook's text is not replaced by none.
		for _, u := range placed.Unplaced {
			warn(opts.Stderr, "%s: paragraphs %d–%d (%q …) are not placed: %s", opts.Document, u.From, u.To, u.Text, u.Why)
		}
		return inputErr(msg.Errorf("%s holds no text that can be placed; nothing is written", opts.Document), "give each part of the analysis a heading of its own: Bakgrund, Sammanfattning, Område 1 … (docs/workbook.md)")
	}
	if n := len(placed.Text) + 1; n > sheet.MaxScoreSheetRows {
		return inputErr(msg.Errorf("%s gives %d rows of text, more than the %d a sheet may hold", opts.Document, n, sheet.MaxScoreSheetRows), "split the analysis")
	}
	f, err := excelize.OpenFile(opts.Into, excelize.Options{UnzipSizeLimit: sheet.MaxUnzipSize, UnzipXMLSizeLimit: sheet.MaxUnzipXMLSize})
	if err != nil {
		return inputErr(fmt.Errorf("%s: %v", opts.Into, err), "open it in Excel or LibreOffice and save it again")
	}
	defer f.Close()
	if err := workbook.ReplaceText(f, placed.Text, placed.Tables); err != nil {
		if errors.Is(err, workbook.ErrNoTextSheet) {
			return inputErr(fmt.Errorf("%s: %w", opts.Into, err), "make a new workbook with 'kompass template' and copy the scores into it")
		}
		return failure(err, "")
	}
	if err := o.write(out, nil, func(w io.Writer) error { return sheet.Save(w, f) }); err != nil {
		return err
	}
	fmt.Fprint(opts.Stdout, msg.Sprintf("wrote %s: %s and %s from %s\n", out,
		msg.Count(len(placed.Text), "row of text", "rows of text"), msg.Count(len(placed.Tables), "table", "tables"), opts.Document))
	return importProblems(opts, out, reg, placed)
}

// importProblems tells what the import left behind: text not placed,
// what the document holds that was not read, and the problems the written
// workbook's text has. Text not placed, and an error in what was written,
// make the exit code 3.
func importProblems(opts *textImportOptions, out string, reg *instrument.Registry, placed analysis.Placed) error {
	bad := false
	for _, u := range placed.Unplaced {
		bad = true
		switch {
		case u.Table > 0:
			warn(opts.Stderr, "%s: table %d (%q) is not placed: %s", opts.Document, u.Table, u.Text, u.Why)
		case u.From == u.To:
			warn(opts.Stderr, "%s: paragraph %d (%q) is not placed: %s", opts.Document, u.From, u.Text, u.Why)
		default:
			warn(opts.Stderr, "%s: paragraphs %d–%d (%q …) are not placed: %s", opts.Document, u.From, u.To, u.Text, u.Why)
		}
	}
	for _, s := range placed.Skipped {
		bad = bad || s.Text
		warn(opts.Stderr, "%s: at paragraph %d, %s is not imported", opts.Document, s.Para, s.What)
	}
	// The written workbook is read back as validate reads it: what it says
	// of the text is what the evaluator will be told.
	for _, p := range validate.File(out, reg).Problems {
		if p.Sheet != workbook.SheetText && p.Sheet != workbook.SheetTables {
			continue
		}
		bad = bad || p.Severity == problem.Error
		warn(opts.Stderr, "%s", p.String())
	}
	if bad {
		fmt.Fprint(opts.Stderr, msg.Sprintf("hint: %s\n", msg.T("give each part of the analysis a heading of its own: Bakgrund, Sammanfattning, Område 1 … (docs/workbook.md)")))
		return errProblemsFound
	}
	return nil
}
