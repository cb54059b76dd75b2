package main

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
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

	"github.com/kompass-dev/kompass/internal/report"
	"github.com/kompass-dev/kompass/internal/report/assets"
	"github.com/kompass-dev/kompass/internal/samples"
	"github.com/kompass-dev/kompass/internal/testkit"
)

// killKommuner is how many workbooks the data folder of the kill test holds.
const killKommuner = 200

// TestKillLeavesNoHalfFiles runs the real binary on a data folder of 200
// evaluations, writing every report (report --all) and the xlsx export, and
// kills it with SIGKILL after various delays. Whatever the moment, every
// file under its final name must be complete: each *.html ends with
// "</html>\n" and reads as HTML up to that closing tag, and the export is
// absent or opens with excelize. Temporary files may remain after a kill
// (nothing can remove them), but only hidden ones (.NAME.tmp-*); they are
// logged.
func TestKillLeavesNoHalfFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and writes 200 workbooks; skipped with -short")
	}
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL and rename-over semantics are Unix")
	}
	bin := buildKompass(t)
	data := killData(t, killKommuner)

	type command struct {
		name string
		args func(out string) []string
		out  string // the output's name in the run's folder
		// check checks the output as one run left it, and returns the
		// temporary files it found.
		check   func(t *testing.T, out string) (temps []string)
		tempDir func(out string) string // where its temporary files appear
		writing []string                // kill also while writing the file whose temporary name starts so
	}
	commands := []command{
		{"report --all", func(out string) []string { return []string{"report", "--all", "--data", data, "-o", out} }, "rapporter",
			checkReports, func(out string) string { return out }, []string{".exempelkommun-100.html.tmp-", ".index.html.tmp-"}},
		{"export --format xlsx", func(out string) []string {
			return []string{"export", "--format", "xlsx", "--data", data, "-o", out}
		}, "export.xlsx", checkExport, filepath.Dir, []string{".export.xlsx.tmp-"}},
	}
	for _, c := range commands {
		t.Run(c.name, func(t *testing.T) {
			// An uninterrupted run gives the whole output and the time the
			// command takes, from which the random delays are drawn.
			dir := t.TempDir()
			out := filepath.Join(dir, c.out)
			start := time.Now()
			cmd := exec.Command(bin, c.args(out)...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("kompass %s: %v\n%s", strings.Join(c.args(out), " "), err, stderr.String())
			}
			full := time.Since(start)
			if temps := c.check(t, out); len(temps) > 0 {
				t.Errorf("an uninterrupted run left temporary files: %v", temps)
			}
			t.Logf("uninterrupted: %v", full)

			kills := []killAt{{after: 50 * time.Millisecond}, {after: 150 * time.Millisecond}, {after: 300 * time.Millisecond}, {after: 600 * time.Millisecond}}
			// Random delays from a fixed seed, one in each third of the run.
			rng := rand.New(rand.NewPCG(2025, uint64(len(c.name))))
			for i := range 3 {
				kills = append(kills, killAt{after: time.Duration((float64(i) + rng.Float64()) / 3 * float64(full))})
			}
			for _, prefix := range c.writing {
				kills = append(kills, killAt{whenTemp: prefix})
			}
			for _, k := range kills {
				dir := t.TempDir()
				out := filepath.Join(dir, c.out)
				cmd := exec.Command(bin, c.args(out)...)
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
			time.Sleep(100 * time.Microsecond)
		}
	}()
	return func() { close(done); wg.Wait() }
}

// buildKompass builds the binary into a temporary folder.
func buildKompass(t *testing.T) string {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command to build kompass with: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "kompass")
	cmd := exec.Command(goBin, "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// killData writes n valid evaluations of fictional kommuner ("Exempelkommun
// 001" …), each with the scores of the shipped Umeå 2007 sample.
func killData(t *testing.T, n int) string {
	t.Helper()
	reg := testkit.Registry(t)
	var src samples.Sample
	for _, s := range samples.Shipped() {
		if s.File == "umea-2007.xlsx" {
			src = s
		}
	}
	dir := t.TempDir()
	var wg sync.WaitGroup
	errs := make([]error, n)
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			s := samples.Sample{
				File: fmt.Sprintf("exempelkommun-%03d-2007.xlsx", i+1), Instrument: src.Instrument,
				Kommun: fmt.Sprintf("Exempelkommun %03d", i+1), Year: 2007, Kind: src.Kind,
				Sources: "Påhittad kommun för testet av avbrutna körningar.",
			}
			for _, sc := range src.Scores {
				s.Scores = append(s.Scores, samples.Score{ID: sc.ID, Value: sc.Value})
			}
			b, err := samples.Workbook(reg, s)
			if err == nil {
				err = os.WriteFile(filepath.Join(dir, s.File), b, 0o644)
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
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
	shared := map[string]string{report.ScriptFile: assets.EchartsJS, "echarts-LICENSE.txt": assets.EchartsLicense, "echarts-NOTICE.txt": assets.EchartsNotice}
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
	// Reading 200 pages as HTML takes a while: on all cores.
	work := make(chan string)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range work {
				checkHTML(t, p)
			}
		}()
	}
	for _, p := range pages {
		work <- p
	}
	close(work)
	wg.Wait()
	return temps
}

// rawText is the content of <script> and <style>, which may hold < and &.
var rawText = regexp.MustCompile(`(?is)<(script|style)\b([^>]*)>.*?</(?:script|style)\s*>`)

// checkHTML checks that a report is whole: it ends with "</html>\n" and reads
// as HTML (leniently, as a browser would; encoding/xml in its HTML mode, the
// raw text of scripts and styles taken out) up to that closing tag.
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
	d := xml.NewDecoder(bytes.NewReader(rawText.ReplaceAll(page, []byte("<$1$2></$1>"))))
	d.Strict, d.AutoClose, d.Entity = false, xml.HTMLAutoClose, xml.HTMLEntity
	for {
		tok, err := d.Token()
		if err != nil {
			t.Errorf("%s does not read as HTML up to </html>: %v", path, err)
			return
		}
		if end, ok := tok.(xml.EndElement); ok && strings.EqualFold(end.Name.Local, "html") {
			return
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
