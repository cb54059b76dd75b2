package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/inconshreveable/mousetrap"
	"github.com/spf13/cobra"

	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/instrument"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/plan"
	"github.com/kompass-dev/kompass/internal/serve"
	"github.com/kompass-dev/kompass/internal/summary"
	"github.com/kompass-dev/kompass/internal/termtext"
	"github.com/kompass-dev/kompass/internal/validate"
	"github.com/kompass-dev/kompass/internal/version"
)

type serveOptions struct {
	*globalOptions
	Dir    string // the data folder; "" for evaluations/ if there is one, else the current folder
	Open   bool   // open the page in the default browser
	Stdout io.Writer
	Stderr io.Writer
}

func newServeCmd(g *globalOptions, stdout, stderr io.Writer) *cobra.Command {
	opts := &serveOptions{globalOptions: g, Stdout: stdout, Stderr: stderr}
	var noOpen bool
	cmd := &cobra.Command{
		Use:   msg.T("serve [DIR]"),
		Short: msg.T("Show the data folder on a page in the web browser, with a button for each job"),
		Long:  msg.Help("serve"),
		Example: `  kompass serve
  kompass serve utvarderingar/`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageErr("serve takes at most one folder, got %d arguments", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Dir = args[0]
			}
			opts.Open = !noOpen
			return runServe(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&noOpen, "no-open", false, msg.T("do not open the browser; only print the page's address"))
	return cmd
}

// startedWithoutTerminal reports whether kompass was started by a
// double-click rather than from a terminal: on Windows from Explorer (the
// console window is kompass's own), elsewhere with neither standard input
// nor output a terminal.
func startedWithoutTerminal(stdin io.Reader, stdout io.Writer) bool {
	if runtime.GOOS == "windows" {
		return mousetrap.StartedByExplorer()
	}
	if tw, ok := stdout.(*termtext.Writer); ok {
		stdout = tw.Unwrap()
	}
	return !isTerminal(stdin) && !isTerminal(stdout)
}

// defaultServeDir is the data folder of kompass serve without DIR: the
// folder evaluations/ here, else the one beside the kompass program (a
// double-click may start it elsewhere, as a Linux desktop does in the
// home folder), else the current folder.
func defaultServeDir() string {
	isDir := func(p string) bool { st, err := os.Stat(p); return err == nil && st.IsDir() }
	if isDir("evaluations") {
		return "evaluations"
	}
	if exe, err := os.Executable(); err == nil {
		if d := filepath.Join(filepath.Dir(exe), "evaluations"); isDir(d) {
			return d
		}
	}
	return "."
}

func runServe(ctx context.Context, opts *serveOptions) error {
	dir := opts.Dir
	if dir == "" {
		dir = defaultServeDir()
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return failure(msg.Errorf("data folder %s: no such folder", dir), "give the folder of the evaluation workbooks: kompass serve DIR")
	}
	// Check the instruments now, so that a broken one is an error here
	// rather than on the page.
	if _, err := opts.registry(); err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	g := *opts.globalOptions
	g.OutDir = dir
	srv, err := serve.Start(ctx, serve.Config{Dir: dir, Backend: &pageBackend{g: &g, dir: dir}, Version: version.Get().Short()})
	if err != nil {
		return failure(msg.Errorf("starting the page: %w", err), "")
	}
	abs, _ := filepath.Abs(dir)
	fmt.Fprint(opts.Stdout, msg.Sprintf("kompass shows %s at %s\n", abs, srv.URL()))
	fmt.Fprint(opts.Stdout, msg.T("Keep this window open while you use the page. kompass stops when the page is closed, or with Ctrl+C.\n"))
	if opts.Open {
		if err := serve.Open(srv.URL()); err != nil {
			warn(opts.Stderr, "the browser could not be opened (%v); open the address above in a browser", err)
		}
	}
	if srv.Wait() {
		fmt.Fprint(opts.Stdout, msg.T("The page was closed; kompass has stopped.\n"))
	} else {
		fmt.Fprint(opts.Stdout, msg.T("kompass has stopped.\n"))
	}
	return nil
}

// pageBackend is what the page's buttons do: the run functions of the
// commands, with their output captured for the page and their outputs
// written into the data folder (OutDir).
type pageBackend struct {
	g   *globalOptions
	dir string

	mu          sync.Mutex
	instruments string             // the instruments folder the checks below were made with
	checked     map[string]checked // workbook path → its last check
}

// checked is a workbook as the page last checked it, kept until the file
// changes: a folder of hundreds of workbooks is checked again after every
// job, and most of them have not changed.
type checked struct {
	stamp   string          // the file's size and time
	result  validate.Result // validate.File's, before the checks against the other workbooks; the evaluation only its facts and notes
	summary *summary.Summary
}

// Folder checks every workbook of the data folder as validate does —
// each file (validate.File, again only when it changed), then the set
// (validate.Set: the same kommun and year twice, each plan against its
// evaluation) — and summarises each as summary does.
func (b *pageBackend) Folder(_ context.Context) *serve.Folder {
	f := &serve.Folder{}
	reg, err := b.g.registry()
	if err != nil {
		f.Problem = errorText(err)
		return f
	}
	// the newest version first: the one a new evaluation is made with
	all := reg.All()
	for i := len(all) - 1; i >= 0; i-- {
		f.Instruments = append(f.Instruments, serve.Choice{Value: all[i].Ref(), Label: all[i].Name + " (" + all[i].Ref() + ")"})
	}
	files, err := collectWorkbooks([]string{b.dir})
	if err != nil {
		f.Problem = errorText(err)
		return f
	}
	names, err := evalset.GroupNames(b.dir)
	if err != nil {
		f.Problem = errorText(classify(err))
	}
	results, summaries := b.check(files, reg)
	for i, r := range results {
		o := r.Outcome()
		w := serve.Workbook{File: relSlash(b.dir, r.File), Label: o.Label, OK: o.OK, Problems: o.Problems, Summary: summaries[i]}
		switch {
		case r.Plan != nil:
			w.Kind, w.Kommun, w.Year = serve.KindPlan, r.Plan.Kommun, r.Plan.Year
		case r.Evaluation != nil:
			facts := r.Evaluation.Facts
			w.Kommun, w.Year, w.Assessor = facts.Kommun, facts.Year, facts.Assessor
			switch facts.Kind {
			case evaluation.KindKommun:
				w.Kind = serve.KindEvaluation
			case evaluation.KindMean:
				w.Kind = serve.KindMean
				if w.OK {
					names = append(names, r.Evaluation.Label())
				}
			case evaluation.KindAssessment:
				w.Kind = serve.KindAssessment
			}
		}
		f.Workbooks = append(f.Workbooks, w)
	}
	if len(f.Workbooks) > 0 {
		f.Groups = append(names, evalset.AllGroup)
	}
	return f
}

// check checks the workbooks, each that changed since the last time on
// all cores, and then against each other.
func (b *pageBackend) check(files []string, reg *instrument.Registry) ([]validate.Result, []*summary.Summary) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if st := folderStamp(b.g.InstrumentsDir); st != b.instruments || b.checked == nil {
		b.instruments, b.checked = st, map[string]checked{}
	}
	list := make([]checked, len(files))
	var todo []int
	for i, path := range files {
		st := fileStamp(path)
		if c, ok := b.checked[path]; ok && st != "" && c.stamp == st {
			list[i] = c
		} else {
			list[i].stamp = st
			todo = append(todo, i)
		}
	}
	var wg sync.WaitGroup
	work := make(chan int)
	for range min(runtime.NumCPU(), len(todo)) {
		wg.Go(func() {
			for i := range work {
				r := validate.File(files[i], reg)
				if s, err := summarise(r); err == nil {
					list[i].summary = &s
				}
				if ev := r.Evaluation; ev != nil {
					r.Evaluation = &evaluation.Evaluation{File: ev.File, Facts: ev.Facts, Notes: ev.Notes}
				}
				list[i].result = r
			}
		})
	}
	for _, i := range todo {
		work <- i
	}
	close(work)
	wg.Wait()
	b.checked = map[string]checked{}
	results := make([]validate.Result, len(list))
	summaries := make([]*summary.Summary, len(list))
	for i, c := range list {
		b.checked[files[i]] = c
		results[i] = c.result
		results[i].Problems = slices.Clone(c.result.Problems)
		summaries[i] = c.summary
	}
	validate.Set(results)
	return results, summaries
}

// fileStamp is a file's size and modification time ("" if it cannot be
// read).
func fileStamp(path string) string {
	st, err := os.Stat(path)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%d %d", st.Size(), st.ModTime().UnixNano())
}

// folderStamp is the names, sizes and times of a folder's files.
func folderStamp(dir string) string {
	entries, _ := os.ReadDir(dir)
	var b strings.Builder
	for _, e := range entries {
		b.WriteString(e.Name() + " " + fileStamp(filepath.Join(dir, e.Name())) + "\n")
	}
	return b.String()
}

// Do runs a job of the page through its command's run function.
func (b *pageBackend) Do(ctx context.Context, job serve.Job) serve.Outcome {
	var stdout, stderr bytes.Buffer
	year := func() (int, error) {
		if strings.TrimSpace(job.Year) == "" {
			return 0, nil
		}
		y, err := strconv.Atoi(strings.TrimSpace(job.Year))
		if err != nil {
			return 0, usageErr("--year %q: expected a year such as 2007", job.Year)
		}
		return y, nil
	}
	var err error
	switch job.Kind {
	case serve.JobTemplate:
		err = runTemplate(ctx, &templateOptions{globalOptions: b.g, Instrument: job.Instrument, Kommun: job.Kommun, Year: job.Year,
			Assessor: job.Assessor, assessorSet: strings.TrimSpace(job.Assessor) != "", Force: job.Force, Stdout: &stdout, Stderr: &stderr})
	case serve.JobReport:
		var y int
		if y, err = year(); err == nil {
			err = runReport(ctx, &reportOptions{globalOptions: b.g, Data: b.dir, Kommun: job.Kommun, Year: y, Group: job.Group,
				pdfNamed: job.PDF, Force: job.Force, Stdout: &stdout, Stderr: &stderr})
		}
	case serve.JobSite:
		err = runReportAll(ctx, &reportOptions{globalOptions: b.g, Data: b.dir, All: true, Group: job.Group,
			Output: filepath.Join(b.dir, serve.SiteFolder), Force: job.Force, Stdout: &stdout, Stderr: &stderr})
	case serve.JobConsensus:
		if len(job.Files) < 2 {
			err = usageErr("consensus takes the workbooks of two or more evaluators, not %d", len(job.Files))
			break
		}
		err = runConsensus(ctx, &consensusOptions{globalOptions: b.g, Files: job.Files, Format: "text", named: true, Force: job.Force,
			Stdout: &stdout, Stderr: &stderr})
	case serve.JobPlan:
		var y int
		if y, err = year(); err == nil {
			err = runPlan(ctx, &planOptions{globalOptions: b.g, Data: b.dir, Kommun: job.Kommun, Year: y, Force: job.Force,
				Occasions: strings.Join(plan.DefaultNames, ","), Stdout: &stdout, Stderr: &stderr})
		}
	case serve.JobFollowUp:
		var y int
		if y, err = year(); err == nil {
			err = runFollowUp(ctx, &followUpOptions{globalOptions: b.g, Data: b.dir, Kommun: job.Kommun, Year: y, Format: "text",
				Stdout: &stdout, Stderr: &stderr})
		}
	default:
		err = usageErr("unknown command %q", string(job.Kind))
	}
	out := serve.Outcome{Output: stdout.String()}
	var ee *existsError
	if errors.As(err, &ee) {
		out.Exists = ee.path
	}
	out.Code = reportError(&stderr, err)
	out.Messages = stderr.String()
	return out
}

// errorText is an error as kompass prints it, for the page.
func errorText(err error) string {
	var b bytes.Buffer
	reportError(&b, err)
	return strings.TrimSpace(b.String())
}

// relSlash is path relative to dir, with forward slashes.
func relSlash(dir, path string) string {
	if r, err := filepath.Rel(dir, path); err == nil {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(path)
}
