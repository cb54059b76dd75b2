package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/report"
	"github.com/kompass-dev/kompass/internal/report/assets"
	"github.com/kompass-dev/kompass/internal/samples"
	"github.com/kompass-dev/kompass/internal/testkit"
)

// killKommuner is how many workbooks the data folder of the kill test
// holds: enough that report --all writes a file after another for most of
// its run, few enough that a run takes a fraction of a second.
const killKommuner = 12

// TestKillLeavesNoHalfFiles runs kompass (this test binary, which doubles
// as it) on a data folder of 12 evaluations, writing every report (report
// --all) and the xlsx export, and kills it with SIGKILL at moments spread
// over the run. Whatever the moment, every file under its final name must
// be complete: each *.html ends with "</html>\n" and reads as HTML up to
// that closing tag, and the export is absent or opens with excelize.
// Temporary files may remain after a kill (nothing can remove them), but
// only hidden ones (.NAME.tmp-*); they are logged.
//
// An uninterrupted run first gives the whole output and the time line of
// the command: how long it takes, and when its first output file appears.
// The kills are then one before that, a few spread evenly over the writing
// (from the first file to the end), and one as soon as each named
// temporary file appears, that is in the middle of writing that file.
func TestKillLeavesNoHalfFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL and rename-over semantics are Unix")
	}
	if testing.Short() {
		t.Skip("skipping under -short: the test runs kompass a dozen times to kill it (go test without -short runs it)")
	}
	bin, err := exec.LookPath("kompass") // put on the PATH by testscript.Main
	if err != nil {
		t.Fatal(err)
	}
	data := killData(t, killKommuner)

	type command struct {
		name string
		args func(out string) []string
		out  string // the output's name in the run's folder
		// check checks the output as one run left it, and returns the
		// temporary files it found.
		check   func(t *testing.T, out string) (temps []string)
		tempDir func(out string) string // where its temporary files appear
		spread  int                     // how many kills to spread over the writing
		writing []string                // kill also while writing the file whose temporary name starts so
	}
	commands := []command{
		{"report --all", func(out string) []string { return []string{"report", "--all", "--data", data, "-o", out} }, "rapporter",
			checkReports, func(out string) string { return out }, 4,
			[]string{"." + report.ScriptFile + ".tmp-", ".exempelkommun-006.html.tmp-", ".exempelkommun-012.html.tmp-", ".index.html.tmp-"}},
		{"export --format xlsx", func(out string) []string {
			return []string{"export", "--format", "xlsx", "--data", data, "-o", out}
		}, "export.xlsx", checkExport, filepath.Dir, 3, []string{".export.xlsx.tmp-"}},
	}
	for _, c := range commands {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, c.out)
			cmd := kompassCommand(bin, c.args(out))
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			start := time.Now()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			firstFile := watchFirstFile(c.tempDir(out))
			if err := cmd.Wait(); err != nil {
				t.Fatalf("kompass %s: %v\n%s", strings.Join(c.args(out), " "), err, stderr.String())
			}
			full := time.Since(start)
			first := firstFile()
			if temps := c.check(t, out); len(temps) > 0 {
				t.Errorf("an uninterrupted run left temporary files: %v", temps)
			}
			t.Logf("uninterrupted: %v, the first file appeared after %v", full, first)

			kills := []killAt{{after: first / 2}}
			for i := range c.spread {
				kills = append(kills, killAt{after: first + time.Duration((float64(i)+0.5)/float64(c.spread)*float64(full-first))})
			}
			for _, prefix := range c.writing {
				kills = append(kills, killAt{whenTemp: prefix})
			}
			for _, k := range kills {
				dir := t.TempDir()
				out := filepath.Join(dir, c.out)
				cmd := kompassCommand(bin, c.args(out))
				cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				stop := k.arm(cmd.Process, c.tempDir(out))
				err := cmd.Wait()
				stop()
				var ee *exec.ExitError
				if err != nil && !errors.As(err, &ee) {
					t.Fatalf("kill %s: %v", k, err)
				}
				temps := c.check(t, out)
				state := cmd.ProcessState.String() // "signal: killed", or "exit status 0" if it finished first
				t.Logf("kill %s (%s): %s; %d temporary files left %v", k, state, describeOutput(out), len(temps), temps)
				if code := cmd.ProcessState.ExitCode(); code > 0 {
					t.Errorf("kill %s: kompass failed by itself with exit code %d", k, code)
				}
				if cmd.ProcessState.Success() && len(temps) > 0 {
					t.Errorf("a run that finished left temporary files: %v", temps)
				}
			}
		})
	}
}

// kompassCommand runs kompass without the race detector's sleep at exit
// (quickExitGORACE), so that the time line of a run is the command's own.
func kompassCommand(bin string, args []string) *exec.Cmd {
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "GORACE="+quickExitGORACE())
	return cmd
}

// pollInterval is how often the kill test looks at a folder.
const pollInterval = 100 * time.Microsecond

// watchFirstFile watches dir (which may not exist yet) from now on; the
// returned function stops watching and says when the first entry appeared
// in it (0 if none did).
func watchFirstFile(dir string) (stop func() time.Duration) {
	start := time.Now()
	done := make(chan struct{})
	found := make(chan time.Duration, 1)
	go func() {
		for {
			select {
			case <-done:
				found <- 0
				return
			default:
			}
			if entries, _ := os.ReadDir(dir); len(entries) > 0 {
				found <- time.Since(start)
				return
			}
			time.Sleep(pollInterval)
		}
	}()
	return func() time.Duration {
		close(done)
		return <-found
	}
}

// killAt says when to kill a run: after a delay, or as soon as a
// temporary file whose name starts with whenTemp appears, that is in the
// middle of writing an output.
type killAt struct {
	after    time.Duration
	whenTemp string
}

func (k killAt) String() string {
	if k.whenTemp != "" {
		return "while writing " + k.whenTemp + "*"
	}
	return "after " + k.after.Round(time.Millisecond).String()
}

// arm kills p when k says; the returned function disarms it.
func (k killAt) arm(p *os.Process, dir string) (disarm func()) {
	if k.whenTemp == "" {
		timer := time.AfterFunc(k.after, func() { p.Kill() })
		return func() { timer.Stop() }
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-done:
				return
			default:
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), k.whenTemp) {
					p.Kill()
					return
				}
			}
			time.Sleep(pollInterval)
		}
	}()
	return func() { close(done); wg.Wait() }
}

// killData writes n valid evaluations of fictional kommuner ("Exempelkommun
// 001" …), each with the scores of the shipped Umeå 2007 sample.
func killData(t *testing.T, n int) string {
	t.Helper()
	var ss []samples.Sample
	for i := range n {
		ss = append(ss, samples.Sample{
			File: fmt.Sprintf("exempelkommun-%03d-2007.xlsx", i+1), Instrument: "kommunkompassen@2007", Facts: evaluation.Facts{Kommun: fmt.Sprintf("Exempelkommun %03d", i+1), Year: 2007, Kind: evaluation.KindKommun, Sources: "Påhittad kommun för testet av avbrutna körningar."}, Scores: testkit.Umea2007(t),
		})
	}
	dir := t.TempDir()
	for name, b := range testkit.DataFolder(t, "", ss) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// tempName is the name atomicfile gives a file being written.
var tempName = regexp.MustCompile(`^\..+\.tmp-[^/]*$`)

// checkReports checks the output folder of report --all: every file under
// a final name is complete; the others are hidden temporary files, which
// it returns.
func checkReports(t *testing.T, dir string) (temps []string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil // killed before the folder was made
	}
	if err != nil {
		t.Fatal(err)
	}
	shared := map[string]string{report.ScriptFile: assets.EchartsJS, "echarts-LICENSE.txt": assets.EchartsLicense, "echarts-NOTICE.txt": assets.EchartsNotice, "zrender-LICENSE.txt": assets.ZrenderLicense}
	var pages []string
	for _, e := range entries {
		name := e.Name()
		path := filepath.Join(dir, name)
		switch {
		case tempName.MatchString(name):
			temps = append(temps, name)
		case e.IsDir():
			t.Errorf("unexpected folder %s", path)
		case strings.HasSuffix(name, ".html"):
			pages = append(pages, path)
		case shared[name] != "":
			if b, err := os.ReadFile(path); err != nil || string(b) != shared[name] {
				t.Errorf("%s: %d bytes (%v), not the %d bytes of the shared file", path, len(b), err, len(shared[name]))
			}
		default:
			t.Errorf("unexpected file %s: not a report, not a shared file, not a hidden temporary file", path)
		}
	}
	for _, p := range pages {
		checkHTML(t, p)
	}
	return temps
}

// checkHTML checks that a report is whole: it ends with "</html>\n" and reads
// as HTML (leniently, as a browser would: golang.org/x/net/html's tokenizer)
// up to that closing tag.
func checkHTML(t *testing.T, path string) {
	t.Helper()
	page, err := os.ReadFile(path)
	if err != nil {
		t.Error(err)
		return
	}
	if !bytes.HasSuffix(page, []byte("</html>\n")) {
		t.Errorf("%s (%d bytes) does not end with </html>: a half-written report under its final name", path, len(page))
		return
	}
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			t.Errorf("%s does not read as HTML up to </html>: %v", path, z.Err())
			return
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "html" {
				return
			}
		}
	}
}

// checkExport checks that the xlsx export is absent or opens with excelize
// and holds the sheet Data; it returns the temporary files beside it.
func checkExport(t *testing.T, path string) (temps []string) {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		switch name := e.Name(); {
		case name == filepath.Base(path):
		case tempName.MatchString(name) && strings.HasPrefix(name, "."+filepath.Base(path)+".tmp-"):
			temps = append(temps, name)
		default:
			t.Errorf("unexpected file %s beside the export", name)
		}
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return temps
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Errorf("%s is there but does not open: %v", path, err)
		return temps
	}
	defer f.Close()
	if idx, err := f.GetSheetIndex("Data"); err != nil || idx < 0 {
		t.Errorf("%s has no sheet Data (sheets %v)", path, f.GetSheetList())
	}
	return temps
}

// describeOutput says what a run left: the number of reports, or whether
// the export is there.
func describeOutput(out string) string {
	st, err := os.Stat(out)
	switch {
	case err != nil:
		return "no output"
	case st.IsDir():
		html, _ := filepath.Glob(filepath.Join(out, "*.html"))
		return fmt.Sprintf("%d complete HTML files", len(html))
	default:
		return fmt.Sprintf("a complete export of %d bytes", st.Size())
	}
}
