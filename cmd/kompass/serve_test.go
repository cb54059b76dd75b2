package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
)

// The tests of kompass serve run the real binary (this test binary, which
// doubles as kompass) over a copy of evaluations/ with one broken workbook
// added, and talk to it as the page and as others would.

// brokenWorkbook is the name of the workbook with problems in serveData.
const brokenWorkbook = "exempelkommun-trasig-2025.xlsx"

// serveData is a data folder: the shipped sample workbooks, and a new
// workbook of the fictional "Exempelkommun Trasig" with 99 points for
// delfråga 1.1, whose maxpoäng is 40.
func serveData(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	if err := copyWorkbooks(filepath.Join("..", "..", "evaluations"), dir); err != nil {
		t.Fatal(err)
	}
	f := testkit.Template(t, "kommunkompassen@2007", evaluation.Facts{Kommun: "Exempelkommun Trasig", Year: 2025})
	testkit.Fill(t, f).Score("1.1", 99)
	if err := os.WriteFile(filepath.Join(dir, brokenWorkbook), testkit.Bytes(t, f), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// served is a running kompass serve.
type served struct {
	url  string // the page's address, token included
	cmd  *exec.Cmd
	cwd  string // its working folder, where nothing may appear
	exit chan error
}

// origin is the page's origin, as its browser sends it.
func (s *served) origin() string {
	u, _ := url.Parse(s.url)
	return "http://" + u.Host
}

// serveEnv is the environment of kompass in these tests: Swedish, as
// for a new user, collecting garbage at Go's default GOGC=100 as a user's
// kompass does (the test binary runs at 400: testbase), so that
// TestServeLoad measures the memory a user's server takes, and no
// race-detector sleep at exit.
func serveEnv(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); k != "LANG" && k != "LC_ALL" && k != "LC_MESSAGES" && k != "GOGC" {
			env = append(env, kv)
		}
	}
	return append(append(env, "GOGC=100", "GORACE="+quickExitGORACE()), extra...)
}

var serveURL = regexp.MustCompile(`http://127\.0\.0\.1:\d+/[A-Za-z0-9_-]+/`)

// startServe starts kompass with args in a fresh working folder and waits
// for the page's address on its standard output. The process is stopped
// with Ctrl+C (SIGINT) when the test ends, and must then exit with 0.
func startServe(t *testing.T, cmd *exec.Cmd) *served {
	t.Helper()
	s := &served{cmd: cmd, cwd: t.TempDir(), exit: make(chan error, 1)}
	if cmd.Dir == "" {
		cmd.Dir = s.cwd
	} else {
		s.cwd = cmd.Dir
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if u := serveURL.FindString(sc.Text()); u != "" {
				select {
				case found <- u:
				default:
				}
			}
		}
		io.Copy(io.Discard, out)
		s.exit <- cmd.Wait()
	}()
	select {
	case s.url = <-found:
	case err := <-s.exit:
		t.Fatalf("kompass %s ended before it served: %v\n%s", strings.Join(cmd.Args[1:], " "), err, stderr.String())
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("kompass %s printed no address in 30 s\n%s", strings.Join(cmd.Args[1:], " "), stderr.String())
	}
	t.Cleanup(func() {
		if runtime.GOOS == "windows" {
			cmd.Process.Kill()
			<-s.exit
			return
		}
		cmd.Process.Signal(os.Interrupt)
		select {
		case err := <-s.exit:
			if err != nil {
				t.Errorf("kompass serve after Ctrl+C: %v\n%s", err, stderr.String())
			}
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			t.Errorf("kompass serve did not stop on Ctrl+C")
		}
	})
	return s
}

// serveDir runs kompass serve --no-open on dir.
func serveDir(t *testing.T, dir string) *served {
	t.Helper()
	bin, err := exec.LookPath("kompass") // put on the PATH by testscript.Main
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "serve", "--no-open", dir)
	cmd.Env = serveEnv()
	return startServe(t, cmd)
}

// files lists every file under dir, relative to it.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			r, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(r))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// added is what after has that before had not.
func added(before, after []string) []string {
	var out []string
	for _, f := range after {
		if !slices.Contains(before, f) {
			out = append(out, f)
		}
	}
	return out
}

// pageWorkbook is a workbook as the page shows it.
type pageWorkbook struct {
	File, Title, Status, Class string
	Problems                   []string
	Buttons                    []string
}

const readWorkbooks = `Array.from(document.querySelectorAll("li.bok")).map(function (li) {
  return {File: li.dataset.fil, Title: li.querySelector("h3").textContent, Status: li.querySelector(".status").textContent,
    Class: li.className, Problems: Array.from(li.querySelectorAll("ul.problem li")).map(function (p) { return p.textContent; }),
    Buttons: Array.from(li.querySelectorAll("button")).map(function (b) { return b.textContent; })};
})`

// TestServePage drives the page in a real browser: it lists every
// workbook of the folder with its status, shows the problems of the broken
// one, makes a template, a report and a plan, and every file those write
// lands in the data folder (nothing in the working folder).
func TestServePage(t *testing.T) {
	tab := testbase.LoopbackTab(t) // skipped under -short
	dir := serveData(t)
	srv := serveDir(t, dir)
	before := files(t, dir)

	run := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(tab, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	// waitResult waits for the result of a job and returns what it printed.
	waitResult := func(title string) (output, messages string) {
		t.Helper()
		js := fmt.Sprintf(`document.getElementById("resultat-rubrik").textContent === %q && document.body.getAttribute("aria-busy") === "false"`, title)
		if _, err := chromedp.Run(tab, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
			got, _ := chromedp.Run(tab, chromedp.Evaluate[string](`document.getElementById("resultat").innerText`))
			t.Fatalf("no result %q: %v; the result box says %q", title, err, got)
		}
		res, err := chromedp.Run(tab, chromedp.Evaluate[[]string](`[document.getElementById("utdata").textContent, document.getElementById("meddelanden").textContent]`))
		if err != nil {
			t.Fatal(err)
		}
		return res[0], res[1]
	}

	run("open the page", chromedp.Navigate(srv.url))
	want := len(before)
	if _, err := chromedp.Run(tab, chromedp.Poll[bool](fmt.Sprintf(`document.querySelectorAll("li.bok").length === %d`, want), chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("the page does not list %d workbooks: %v", want, err)
	}
	books, err := chromedp.Run(tab, chromedp.Evaluate[[]pageWorkbook](readWorkbooks))
	if err != nil {
		t.Fatal(err)
	}
	byFile := map[string]pageWorkbook{}
	for _, b := range books {
		byFile[b.File] = b
	}
	for _, f := range before {
		b, ok := byFile[f]
		switch {
		case !ok:
			t.Errorf("the page does not list %s", f)
		case f == brokenWorkbook:
			if !strings.HasPrefix(b.Status, strconv.Itoa(len(b.Problems))+" fel") && !strings.Contains(b.Status, "fel") || !strings.Contains(b.Class, "problem") {
				t.Errorf("%s: status %q, class %q; want it shown with its errors", f, b.Status, b.Class)
			}
			if !slices.ContainsFunc(b.Problems, func(p string) bool {
				return strings.Contains(p, "Poäng!D") && strings.Contains(p, "1.1") && strings.Contains(p, "Poäng 99 för delfråga 1.1 är över maxpoäng 40")
			}) {
				t.Errorf("%s: the problems shown %q do not name the cell and the score over maxpoäng", f, b.Problems)
			}
		default:
			if b.Status != "ok" || len(b.Problems) != 0 {
				t.Errorf("%s: status %q with %q; want ok", f, b.Status, b.Problems)
			}
		}
	}
	if b := byFile["umea-2007.xlsx"]; b.Title != "Umeå 2007" || !slices.Equal(b.Buttons, []string{"Rapport", "Rapport som PDF", "Åtgärdsplan"}) {
		t.Errorf("umea-2007.xlsx: %q with buttons %q", b.Title, b.Buttons)
	}
	if b := byFile["exempelkommun-2005-atgardsplan.xlsx"]; !slices.Equal(b.Buttons, []string{"Uppföljning"}) {
		t.Errorf("the åtgärdsplan: buttons %q", b.Buttons)
	}
	if b := byFile[brokenWorkbook]; len(b.Buttons) != 0 {
		t.Errorf("the broken workbook has buttons %q; a workbook with errors makes no report", b.Buttons)
	}

	// A template, through the form.
	run("fill in the form",
		chromedp.SetValue(chromedp.CSS(`select[name=instrument]`), "kommunkompassen@2007"),
		chromedp.SendKeys(chromedp.CSS(`input[name=kommun]`), "Exempelkommun Ny"),
		chromedp.SendKeys(chromedp.CSS(`input[name=ar]`), "2026"),
		chromedp.Click(chromedp.CSS(`form[data-jobb=mall] button`)))
	if out, _ := waitResult("Ny arbetsbok: klart"); !strings.Contains(out, "skrev ") || !strings.Contains(out, "exempelkommun-ny-2026.xlsx") {
		t.Errorf("the template's result: %q", out)
	}
	// The same again: the page asks, and a no leaves the file as it was.
	stat := func(name string) os.FileInfo {
		st, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	first := stat("exempelkommun-ny-2026.xlsx").ModTime()
	if _, err := chromedp.Run(tab, chromedp.Evaluate[bool](`window.confirm = function () { return false; }, true`)); err != nil {
		t.Fatal(err)
	}
	run("answer no", chromedp.Click(chromedp.CSS(`form[data-jobb=mall] button`)))
	if _, msgs := waitResult("Ny arbetsbok: inget ändrades"); !strings.Contains(msgs, "finns redan") {
		t.Errorf("after a no: %q", msgs)
	}
	if !stat("exempelkommun-ny-2026.xlsx").ModTime().Equal(first) {
		t.Error("the template was replaced after a no")
	}

	// The report of Umeå 2007 and the plan that follows it, by the
	// buttons of its row.
	row := `li.bok[data-fil="umea-2007.xlsx"] `
	run("report", chromedp.Click(chromedp.CSS(row+`button[data-jobb=rapport]:not([data-pdf])`)))
	if out, _ := waitResult("Rapport: klart"); !strings.Contains(out, "umeå-2007.html (Umeå 2007)") {
		t.Errorf("the report's result: %q", out)
	}
	run("plan", chromedp.Click(chromedp.CSS(row+`button[data-jobb=plan]`)))
	if out, _ := waitResult("Åtgärdsplan: klart"); !strings.Contains(out, "umeå-2007-atgardsplan.xlsx") {
		t.Errorf("the plan's result: %q", out)
	}
	// The follow-up of the shipped plan prints its table.
	run("follow-up", chromedp.Click(chromedp.CSS(`li.bok[data-fil="exempelkommun-2005-atgardsplan.xlsx"] button[data-jobb=uppfoljning]`)))
	if out, _ := waitResult("Uppföljning: klart"); !strings.Contains(out, "Uppföljning av åtgärdsplanen för Exempelkommun 2005") {
		t.Errorf("the follow-up's result: %q", out)
	}

	// Every file written is in the data folder, and the list shows them.
	got := added(before, files(t, dir))
	slices.Sort(got)
	if want := []string{"exempelkommun-ny-2026.xlsx", "umeå-2007-atgardsplan.xlsx", "umeå-2007.html"}; !slices.Equal(got, want) {
		t.Errorf("the jobs wrote %q into the data folder, want %q", got, want)
	}
	if cwd := files(t, srv.cwd); len(cwd) > 0 {
		t.Errorf("the jobs wrote %q into the working folder", cwd)
	}
	links, err := chromedp.Run(tab, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("ul.filer a")).map(function (a) { return a.getAttribute("href"); })`))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(links, "filer/ume%C3%A5-2007.html") {
		t.Errorf("the page links %q, want the report", links)
	}
	n, err := chromedp.Run(tab, chromedp.Evaluate[int](`document.querySelectorAll("li.bok").length`))
	if err != nil || n != len(before)+2 {
		t.Errorf("after the jobs the page lists %d workbooks (%v), want %d", n, err, len(before)+2)
	}

	// A page of another origin that posts a job (as any site could, if it
	// knew the address) is refused by the browser's own Origin header.
	evil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<!DOCTYPE html><title>annan</title><script>
fetch(%q, {method: "POST", mode: "no-cors", body: new URLSearchParams({instrument: "kommunkompassen@2007", kommun: "Intrång", ar: "2026"})})
  .then(function () { document.title = "skickat"; }, function () { document.title = "skickat"; });
</script>`, srv.url+"jobb/mall")
	}))
	defer evil.Close()
	before = files(t, dir)
	run("another origin", chromedp.Navigate(evil.URL))
	if _, err := chromedp.Run(tab, chromedp.Poll[bool](`document.title === "skickat"`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond)
	if got := added(before, files(t, dir)); len(got) > 0 {
		t.Errorf("a page of another origin wrote %q", got)
	}
}

// TestServeRefuses: requests to the real server without its token, with
// a foreign Host or Origin, or for a path outside the data folder are
// refused with 403 or 404 and write nothing.
func TestServeRefuses(t *testing.T) {
	t.Parallel()
	dir := serveData(t)
	outside := filepath.Join(filepath.Dir(dir), "hemlig.xlsx")
	if err := os.WriteFile(outside, []byte("hemlig"), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := serveDir(t, dir)
	before := files(t, filepath.Dir(dir))
	u, _ := url.Parse(srv.url)
	tok := strings.Trim(u.Path, "/")
	template := url.Values{"instrument": {"kommunkompassen@2007"}, "kommun": {"Intrång"}, "ar": {"2026"}}
	for _, tc := range []struct {
		name               string
		method, path, host string
		origin             string
		form               url.Values
		want               int
	}{
		{"no token", "POST", "/jobb/mall", "", srv.origin(), template, 404},
		{"wrong token", "POST", "/x" + tok[1:] + "/jobb/mall", "", srv.origin(), template, 404},
		{"foreign Host", "POST", "/" + tok + "/jobb/mall", "kompass.example:" + u.Port(), srv.origin(), template, 403},
		{"foreign Origin", "POST", "/" + tok + "/jobb/mall", "", "http://kompass.example", template, 403},
		{"no Origin", "POST", "/" + tok + "/jobb/mall", "", "", template, 403},
		{"a file outside", "GET", "/" + tok + "/filer/../hemlig.xlsx", "", "", nil, 404},
		{"a workbook outside", "POST", "/" + tok + "/jobb/konsensus", "", srv.origin(), url.Values{"fil": {"umea-2007.xlsx", "../hemlig.xlsx"}}, 404},
	} {
		var body io.Reader
		if tc.form != nil {
			body = strings.NewReader(tc.form.Encode())
		}
		req, err := http.NewRequest(tc.method, "http://"+u.Host+tc.path, body)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if tc.host != "" {
			req.Host = tc.host
		}
		if tc.origin != "" {
			req.Header.Set("Origin", tc.origin)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.want || strings.Contains(string(data), "hemlig") {
			t.Errorf("%s: %d %q, want %d", tc.name, resp.StatusCode, data, tc.want)
		}
	}
	if after := files(t, filepath.Dir(dir)); !slices.Equal(before, after) {
		t.Errorf("refused requests wrote %q", added(before, after))
	}
	// The same job from the page itself is done.
	req, _ := http.NewRequest("POST", srv.url+"jobb/mall", strings.NewReader(template.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", srv.origin())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var o struct{ Code int }
	json.NewDecoder(resp.Body).Decode(&o)
	resp.Body.Close()
	if o.Code != 0 || !slices.Contains(files(t, dir), "intrång-2026.xlsx") {
		t.Errorf("the page's own job: code %d, files %q", o.Code, files(t, dir))
	}
}

// TestServeLoad sends 200 requests, 20 at a time, to one server: the page,
// its list, files and new workbooks. None is lost or answered wrongly,
// every workbook asked for is written, and the server's memory (its peak
// resident set) stays under 100 MB.
func TestServeLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: no load test")
	}
	t.Parallel()
	dir := serveData(t)
	srv := serveDir(t, dir)
	const requests, parallel, templates = 200, 20, 40
	type result struct {
		i    int
		err  error
		code int
	}
	results := make(chan result, requests)
	sem := make(chan struct{}, parallel)
	var wg sync.WaitGroup
	client := &http.Client{Timeout: 2 * time.Minute}
	for i := range requests {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			var req *http.Request
			want := ""
			switch {
			case i%5 == 0 && i/5 < templates: // 40 new workbooks
				form := url.Values{"instrument": {"kommunkompassen@2007"}, "kommun": {fmt.Sprintf("Exempelkommun Last %03d", i)}, "ar": {"2026"}}
				req, _ = http.NewRequest("POST", srv.url+"jobb/mall", strings.NewReader(form.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.Header.Set("Origin", srv.origin())
				want = fmt.Sprintf(`exempelkommun-last-%03d-2026.xlsx`, i)
			case i%5 == 1:
				req, _ = http.NewRequest("GET", srv.url, nil)
				want = "Umeå 2007"
			case i%5 == 2:
				req, _ = http.NewRequest("GET", srv.url+"lista", nil)
				want = "Exempelkommun 2007"
			case i%5 == 3:
				req, _ = http.NewRequest("GET", srv.url+"filer/umea-2007.xlsx", nil)
				want = "PK"
			default:
				req, _ = http.NewRequest("GET", srv.url+"sida.js", nil)
				want = "sendBeacon"
			}
			resp, err := client.Do(req)
			if err != nil {
				results <- result{i, err, 0}
				return
			}
			data, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err == nil && !strings.Contains(string(data), want) {
				err = fmt.Errorf("the answer does not hold %q: %.300q", want, data)
			}
			results <- result{i, err, resp.StatusCode}
		}()
	}
	wg.Wait()
	close(results)
	got := 0
	for r := range results {
		got++
		if r.err != nil || r.code != 200 {
			t.Errorf("request %d: %d %v", r.i, r.code, r.err)
		}
	}
	if got != requests {
		t.Errorf("%d answers to %d requests", got, requests)
	}
	n := 0
	for _, f := range files(t, dir) {
		if strings.HasPrefix(f, "exempelkommun-last-") {
			n++
		}
	}
	if n != templates {
		t.Errorf("%d new workbooks in the folder, want %d", n, templates)
	}
	if runtime.GOOS == "linux" {
		status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", srv.cmd.Process.Pid))
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`VmHWM:\s+(\d+) kB`).FindSubmatch(status)
		if m == nil {
			t.Fatalf("no VmHWM in /proc/%d/status", srv.cmd.Process.Pid)
		}
		kb, _ := strconv.Atoi(string(m[1]))
		t.Logf("peak resident memory of kompass serve after %d requests: %.1f MB", requests, float64(kb)/1024)
		if st, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", srv.cmd.Process.Pid)); err == nil {
			f := strings.Fields(string(st[strings.LastIndexByte(string(st), ')')+2:]))
			t.Logf("CPU: utime %s stime %s ticks", f[11], f[12])
		}
		if kb > 100*1024 {
			t.Errorf("kompass serve used %.1f MB at its peak, want under 100 MB", float64(kb)/1024)
		}
	}
}

// TestServeWithoutTerminal: kompass started without arguments and without
// a terminal (as a double-click starts it) serves the evaluations/ folder
// of its working folder; without a browser to open it says so and serves
// anyway.
func TestServeWithoutTerminal(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("on Windows a double-click is told by the console, not the streams")
	}
	bin, err := exec.LookPath("kompass")
	if err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	if err := copyWorkbooks(filepath.Join("..", "..", "evaluations"), filepath.Join(work, "evaluations")); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin)
	cmd.Dir = work
	// No xdg-open on the PATH: the browser cannot be opened.
	cmd.Env = append(serveEnv(), "PATH="+t.TempDir())
	cmd.Stdin = nil // /dev/null, as a desktop starts a program: a character device, but no terminal
	srv := startServe(t, cmd)
	resp, err := http.Get(srv.url)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(data), filepath.Join(work, "evaluations")) || !strings.Contains(string(data), "Vallentuna 2021") {
		t.Errorf("the page: %d %.300q", resp.StatusCode, data)
	}
}

// job posts a job to the page's server as the page does and returns its
// outcome.
func (s *served) job(t *testing.T, kind string, form url.Values) (o struct {
	Code             int
	Output, Messages string
	Exists           string
}) {
	t.Helper()
	req, err := http.NewRequest("POST", s.url+"jobb/"+kind, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", s.origin())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		data, _ := io.ReadAll(resp.Body)
		t.Fatalf("jobb/%s: %d %s", kind, resp.StatusCode, data)
	}
	if err := json.NewDecoder(resp.Body).Decode(&o); err != nil {
		t.Fatal(err)
	}
	return o
}

// TestServeJobs: the consensus of the evaluators' workbooks chosen on the
// page, and the site, are written into the data folder by their commands'
// code; the consensus workbook is not replaced without a yes.
func TestServeJobs(t *testing.T) {
	t.Parallel()
	dir := serveData(t)
	for name, data := range testkit.Assessments(t) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv := serveDir(t, dir)
	chosen := url.Values{"fil": testkit.AssessmentFiles[:2]}
	o := srv.job(t, "konsensus", chosen)
	if o.Code != 0 || !strings.Contains(o.Output, "exempelkommun-a-2025.xlsx (Exempelkommun A 2025: 2 bedömare") {
		t.Errorf("consensus: %+v", o)
	}
	if _, err := os.Stat(filepath.Join(dir, "exempelkommun-a-2025.xlsx")); err != nil {
		t.Errorf("the consensus workbook is not in the data folder: %v", err)
	}
	if o = srv.job(t, "konsensus", chosen); o.Exists != "exempelkommun-a-2025.xlsx" || o.Code != 1 {
		t.Errorf("consensus again: %+v; want the page asked about exempelkommun-a-2025.xlsx", o)
	}
	// One workbook is no consensus; the command says so.
	if o = srv.job(t, "konsensus", url.Values{"fil": testkit.AssessmentFiles[:1]}); o.Code != 2 || !strings.Contains(o.Messages, "två eller fler") {
		t.Errorf("consensus of one: %+v", o)
	}

	// A report is replaced only after a yes, as report -o only with --force.
	if o = srv.job(t, "rapport", url.Values{"kommun": {"Vallentuna"}, "ar": {"2021"}}); o.Code != 0 || !strings.Contains(o.Output, "vallentuna-2021.html") {
		t.Errorf("report: %+v", o)
	}
	if o = srv.job(t, "rapport", url.Values{"kommun": {"Vallentuna"}, "ar": {"2021"}}); o.Exists != "vallentuna-2021.html" {
		t.Errorf("report again: %+v; want the page asked about vallentuna-2021.html", o)
	}
	if o = srv.job(t, "rapport", url.Values{"kommun": {"Vallentuna"}, "ar": {"2021"}, "ersatt": {"1"}}); o.Code != 0 {
		t.Errorf("report again after a yes: %+v", o)
	}

	// The consensus workbook written above is a draft with a mark for the
	// meeting: its kommun gets no report (issue 19), every other kommun does.
	o = srv.job(t, "webbplats", url.Values{"grupp": {"Sverigesnitt 2021"}})
	if o.Code != 3 || !strings.Contains(o.Output, "index.html") || !strings.Contains(o.Messages, "Exempelkommun A 2025 är inte klar, så rapporten skrivs inte") {
		t.Errorf("site: %+v", o)
	}
	for _, f := range []string{"rapporter/index.html", "rapporter/umeå.html", "rapporter/echarts.min.js"} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(f))); err != nil {
			t.Errorf("the site has no %s: %v", f, err)
		}
	}
	if cwd := files(t, srv.cwd); len(cwd) > 0 {
		t.Errorf("the jobs wrote %q into the working folder", cwd)
	}
}
