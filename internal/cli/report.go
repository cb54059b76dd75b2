package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kompass-dev/kompass/internal/browser"
	"github.com/kompass-dev/kompass/internal/compare"
	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/report"
	"github.com/kompass-dev/kompass/internal/report/assets"
	"github.com/kompass-dev/kompass/internal/version"
)

type reportOptions struct {
	*globalOptions
	Data   string
	Kommun string
	Year   int
	Group  string
	Period evalset.Period
	Output string
	PDF    string
	All    bool
	Force  bool
	// Agreement adds the note on the evaluators' agreement (--samstammighet).
	Agreement bool
	// Draft writes the report of an unfinished evaluation, marked UTKAST
	// on every screen and page (--utkast); without it such a report is
	// refused.
	Draft bool
	// pdfNamed prints the PDF under the report's own name
	// (<kommun>-<year>.pdf) in OutDir (the page).
	pdfNamed bool
	Stdout   io.Writer
	Stderr   io.Writer
}

func newReportCmd(g *globalOptions, stdout, stderr io.Writer) *cobra.Command {
	opts := &reportOptions{globalOptions: g, Stdout: stdout, Stderr: stderr}
	var period string
	cmd := &cobra.Command{
		Use:   msg.T("report (--kommun NAME [--year Y] [-o FILE] [--pdf FILE] | --all -o DIR) [--group GROUP]"),
		Short: msg.T("Write the HTML report of a kommun, or of every kommun"),
		Long:  msg.Help("report"),
		Example: `  kompass report --kommun Umeå -o umea.html
  kompass report --kommun Vallentuna --group "Sverigesnitt 2021" --pdf vallentuna.pdf
  kompass report --all -o rapporter/`,
		Args: exactArgs(0, "no arguments; use the flags"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.Period, err = evalset.ParsePeriod(period); err != nil {
				return usageErr("--period: %v", err)
			}
			switch {
			case opts.All && cmd.Flags().Changed("kommun"):
				return usageErr("--all and --kommun exclude each other")
			case opts.All && (opts.Output == "" || opts.Output == "-"):
				return usageErr("--all needs -o DIR")
			case opts.PDF == "-":
				return usageErr("--pdf -: a PDF is not written to standard output; give a file name")
			case opts.All && (opts.PDF != "" || opts.Year != 0):
				return usageErr("--all takes neither --pdf nor --year")
			case !opts.All && !cmd.Flags().Changed("kommun"):
				return usageErr("--kommun is required (or --all)")
			}
			if opts.All {
				return runReportAll(cmd.Context(), opts)
			}
			return runReport(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Data, "data", "evaluations", msg.T("data folder with the evaluation workbooks and groups.toml"))
	cmd.Flags().StringVar(&opts.Kommun, "kommun", "", msg.T("the kommun"))
	cmd.Flags().IntVar(&opts.Year, "year", 0, msg.T("the evaluation year (default: the latest)"))
	cmd.Flags().StringVar(&opts.Group, "group", "", msg.T("reference group (see 'kompass compare --help')"))
	cmd.Flags().StringVar(&period, "period", "", msg.T("with --group alla: only evaluations made in these years, e.g. 2019-2022"))
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", msg.T("output file (with --all: output folder)"))
	cmd.Flags().StringVar(&opts.PDF, "pdf", "", msg.T("also print the report to this PDF file (needs Chromium, Google Chrome or Microsoft Edge)"))
	cmd.Flags().BoolVar(&opts.All, "all", false, msg.T("write a report for every kommun and an index page"))
	cmd.Flags().BoolVar(&opts.Draft, "utkast", false, msg.T("write the report of an unfinished evaluation (Status Utkast, ATT DISKUTERA left) as a draft, marked UTKAST on every page"))
	forceFlag(cmd, &opts.Force)
	cmd.Flags().BoolVar(&opts.Agreement, "samstammighet", false, msg.T("add a note on how far the evaluators agreed before they met (Bedömarnas samstämmighet), from their own workbooks (Avser = bedömning) in the data folder"))
	return cmd
}

func runReport(ctx context.Context, opts *reportOptions) error {
	set, err := loadSet(opts.globalOptions, opts.Data, opts.Stderr)
	if err != nil {
		return err
	}
	settings, err := loadReportSettings(opts.Data)
	if err != nil {
		return err
	}
	r, err := report.Build(set, report.Options{Kommun: opts.Kommun, Year: opts.Year, Group: opts.Group, Period: opts.Period, Agreement: opts.Agreement, Settings: settings})
	if err != nil {
		return err
	}
	if err := checkDraft(r, opts); err != nil {
		return err
	}
	if opts.Agreement && r.Agreement == nil {
		warn(opts.Stderr, "--samstammighet: %s holds no two evaluators' own workbooks of %s %d, so the report has no note on their agreement", opts.Data, r.Kommun, r.Year)
	}
	out := opts.Output
	name := fmt.Sprintf("%s-%d.html", evaluation.Slug(r.Kommun), r.Year)
	if opts.pdfNamed {
		opts.PDF = filepath.Join(opts.OutDir, strings.TrimSuffix(name, ".html")+".pdf")
	}
	if out == "" && opts.PDF == "" {
		out = filepath.Join(opts.OutDir, name)
	}
	o := outputs{inputs: set.Inputs(), force: opts.Force}
	if err := o.check(out, opts.PDF); err != nil {
		return err
	}
	var chromium string
	if opts.PDF != "" {
		p, err := browser.Find()
		if err != nil {
			return &exitError{code: ExitFailure, err: msg.Errorf("--pdf needs a browser: %w", err), hint: browser.InstallHint()}
		}
		chromium = p
	}
	page := func(w io.Writer) error {
		return report.Write(w, r, report.WriteOptions{Version: version.Get().Short()})
	}
	if err := o.write(out, resultOut(opts.Stdout, "html"), page); err != nil {
		return err
	}
	if out != "" && out != "-" {
		fmt.Fprint(opts.Stdout, msg.Sprintf("wrote %s (%s %d)\n", out, r.Kommun, r.Year))
	}
	if opts.PDF != "" {
		htmlPath := out
		if out == "" || out == "-" { // the browser prints a file: a temporary one
			dir, err := os.MkdirTemp("", "kompass-report-*")
			if err != nil {
				return failure(err, "")
			}
			defer os.RemoveAll(dir)
			htmlPath = filepath.Join(dir, name)
			if err := (outputs{}).write(htmlPath, nil, page); err != nil {
				return err
			}
		}
		pdf, err := browser.PrintPDF(ctx, chromium, htmlPath)
		if err != nil {
			return failure(msg.Errorf("printing %s to PDF: %w", htmlPath, err), "")
		}
		if err := o.write(opts.PDF, nil, func(w io.Writer) error { _, err := w.Write(pdf); return err }); err != nil {
			return err
		}
		fmt.Fprint(opts.Stdout, msg.Sprintf("wrote %s\n", opts.PDF))
	}
	return nil
}

func runReportAll(_ context.Context, opts *reportOptions) error {
	set, err := loadSet(opts.globalOptions, opts.Data, opts.Stderr)
	if err != nil {
		return err
	}
	settings, err := loadReportSettings(opts.Data)
	if err != nil {
		return err
	}
	dir := opts.Output
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return usageErr("-o %s: --all writes a folder of reports, and %s is a file", dir, dir)
	}
	// The names of every file the folder gets, settled before anything is
	// written: the shared files and the index first, so that no kommun's
	// report takes one of their names (a kommun called Index).
	shared := []struct{ name, content string }{
		{report.ScriptFile, assets.EchartsJS},
		{"echarts-LICENSE.txt", assets.EchartsLicense},
		{"echarts-NOTICE.txt", assets.EchartsNotice},
		{"zrender-LICENSE.txt", assets.ZrenderLicense},
	}
	used := map[string]bool{indexFile: true}
	paths := []string{filepath.Join(dir, indexFile)}
	for _, f := range shared {
		used[f.name] = true
		paths = append(paths, filepath.Join(dir, f.name))
	}
	var kommuner []string
	names := map[string]string{} // kommun → its report's file name
	for _, kommun := range set.Kommuner() {
		evs := set.Kommun(kommun) // none when its only evaluation is in dispute (Clashes)
		if len(evs) > 0 && evs[len(evs)-1].Facts.Kind != evaluation.KindKommun {
			continue // a published mean has no report of its own
		}
		kommuner = append(kommuner, kommun)
		names[kommun] = uniqueFile(used, evaluation.Slug(kommun), ".html")
		paths = append(paths, filepath.Join(dir, names[kommun]))
	}
	o := outputs{inputs: set.Inputs(), force: opts.Force}
	if err := o.check(paths...); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return failure(err, "")
	}
	for _, f := range shared {
		if err := o.write(filepath.Join(dir, f.name), nil, func(w io.Writer) error { _, err := io.WriteString(w, f.content); return err }); err != nil {
			return err
		}
	}
	hrefs := map[string]string{} // kommun → its report, once written
	drafts := map[string]bool{}  // kommun (NameKey) → its report is a draft (--utkast)
	var skipped []string
	prog := newProgress(opts.Stderr, "writing reports", len(kommuner))
	defer prog.done()
	for i, kommun := range kommuner {
		prog.step(i + 1)
		r, err := buildForAll(set, kommun, opts, settings, opts.Stderr)
		if err == nil {
			err = checkDraft(r, opts)
		}
		if err != nil {
			// One kommun's failure does not cost the others their reports.
			warn(opts.Stderr, "no report for %s: %v", kommun, err)
			skipped = append(skipped, kommun)
			continue
		}
		name := names[kommun]
		if err := o.write(filepath.Join(dir, name), nil, func(w io.Writer) error {
			return report.Write(w, r, report.WriteOptions{ScriptSrc: report.ScriptFile, Version: version.Get().Short()})
		}); err != nil {
			return err
		}
		hrefs[kommun] = name
		if r.Draft {
			drafts[evaluation.NameKey(kommun)] = true
		}
	}
	entries := report.IndexEntries(set, hrefs)
	for i := range entries { // a draft's report is marked in the index too
		entries[i].Draft = entries[i].Href != "" && drafts[evaluation.NameKey(entries[i].Kommun)]
	}
	index := filepath.Join(dir, indexFile)
	if err := o.write(index, nil, func(w io.Writer) error { return report.WriteIndex(w, entries) }); err != nil {
		return err
	}
	fmt.Fprint(opts.Stdout, msg.Sprintf("wrote %s and %s in %s\n", index, msg.Count(len(hrefs), "report", "reports"), dir))
	if len(skipped) > 0 {
		return inputErr(msg.Errorf("%s not written: %s", msg.Count(len(skipped), "report", "reports"), strings.Join(skipped, ", ")),
			"the warnings above say why; every other report and the index were written")
	}
	return nil
}

// maxUnfinished is how many unfinished places a refusal lists.
const maxUnfinished = 20

// checkDraft refuses the report of an unfinished evaluation, naming each
// place, unless --utkast asks for a draft; then it says what is unfinished
// as a warning, and the report is marked UTKAST.
func checkDraft(r *report.Report, opts *reportOptions) error {
	if !r.Draft {
		return nil
	}
	var places []string
	for i, p := range r.Unfinished {
		if i == maxUnfinished {
			places = append(places, msg.Sprintf("… and %d more", len(r.Unfinished)-maxUnfinished))
			break
		}
		places = append(places, p.String())
	}
	if opts.Draft {
		warn(opts.Stderr, "the report of %s %d is a draft, marked UTKAST on every page:\n  %s", r.Kommun, r.Year, strings.Join(places, "\n  "))
		return nil
	}
	return inputErr(errors.New(msg.Sprintf("%s %d is not finished, so its report is not written:", r.Kommun, r.Year)+"\n"+strings.Join(places, "\n")),
		"agree on what is marked, delete the marks and set Status to Slutlig on the sheet Uppgifter; or write a draft with --utkast (every page then says UTKAST)")
}

// indexFile is the index page of report --all; no kommun's report gets its
// name.
const indexFile = "index.html"

// buildForAll builds one kommun's report for --all. A group that cannot be
// compared with this kommun's latest evaluation (another instrument
// version) leaves the group out of this report, with a warning, rather
// than the report.
func buildForAll(set *evalset.Set, kommun string, opts *reportOptions, settings *report.Settings, stderr io.Writer) (*report.Report, error) {
	o := report.Options{Kommun: kommun, Group: opts.Group, Period: opts.Period, Agreement: opts.Agreement, Settings: settings}
	r, err := report.Build(set, o)
	var ve *compare.VersionError
	if err != nil && opts.Group != "" && (errors.As(err, &ve) || errors.Is(err, evalset.ErrNoGroup)) {
		warn(stderr, "the report of %s has no group comparison: %v", kommun, err)
		o.Group, o.Omitted = "", report.OmittedGroup(opts.Group, err)
		r, err = report.Build(set, o)
	}
	return r, err
}

// loadReportSettings reads report.toml in the data folder, if it is there:
// the publisher on the reports' covers (docs/report.md).
func loadReportSettings(dir string) (*report.Settings, error) {
	s, err := report.LoadSettings(dir)
	if err != nil {
		return nil, inputErr(err, "fix report.toml in the data folder; its format is in docs/report.md")
	}
	return s, nil
}

// uniqueFile returns base+ext, or base-2+ext, base-3+ext … if taken.
func uniqueFile(used map[string]bool, base, ext string) string {
	name := base + ext
	for n := 2; used[name]; n++ {
		name = fmt.Sprintf("%s-%d%s", base, n, ext)
	}
	used[name] = true
	return name
}
