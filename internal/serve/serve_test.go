package serve

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// fakeBackend records the jobs it is given and writes each job's file
// into dir, as a command would.
type fakeBackend struct {
	dir  string
	mu   sync.Mutex
	jobs []Job
}

func (b *fakeBackend) Folder(context.Context) *Folder {
	return &Folder{Workbooks: []Workbook{{File: "umea-2007.xlsx", Label: "Umeå 2007", Kind: KindEvaluation, Kommun: "Umeå", Year: 2007, OK: true}}}
}

func (b *fakeBackend) Do(_ context.Context, j Job) Outcome {
	b.mu.Lock()
	b.jobs = append(b.jobs, j)
	b.mu.Unlock()
	name := filepath.Join(b.dir, "ny.xlsx")
	if _, err := os.Stat(name); err == nil && !j.Force {
		return Outcome{Code: 1, Messages: "ny.xlsx finns redan", Exists: name}
	}
	os.WriteFile(name, []byte(j.Kommun), 0o644)
	return Outcome{Output: "skrev ny.xlsx\n"}
}

func (b *fakeBackend) count() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.jobs)
}

// start runs a server over a folder holding a workbook, a report, a FIFO
// and a link out of the folder, beside a secret file outside it.
func start(t *testing.T, timing Timing) (*Server, *fakeBackend, string) {
	t.Helper()
	base := t.TempDir()
	dir := filepath.Join(base, "data")
	write := func(p, s string) {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(dir, "umea-2007.xlsx"), "PK")
	write(filepath.Join(dir, "umeå-2007.html"), "<!DOCTYPE html><p>Umeå")
	write(filepath.Join(dir, "rapporter", "index.html"), "<!DOCTYPE html><p>index")
	write(filepath.Join(base, "hemlig.html"), "<p>hemlig")
	if runtime.GOOS != "windows" {
		if err := os.Symlink(filepath.Join(base, "hemlig.html"), filepath.Join(dir, "ut.html")); err != nil {
			t.Fatal(err)
		}
		if err := syscall.Mkfifo(filepath.Join(dir, "fifo.html"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b := &fakeBackend{dir: dir}
	ctx, cancel := context.WithCancel(context.Background())
	s, err := Start(ctx, Config{Dir: dir, Backend: b, Version: "test", Timing: timing})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); s.Wait() })
	return s, b, dir
}

// request sends a request to the server's port with the given path (token
// and all), Host, Origin and Sec-Fetch-Site ("" to leave a header out).
func request(t *testing.T, s *Server, method, path, host, origin, site string, form url.Values) (int, string) {
	t.Helper()
	u, _ := url.Parse(s.URL())
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, "http://"+u.Host+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if host != "" {
		req.Host = host
	}
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	if site != "" {
		req.Header.Set("Sec-Fetch-Site", site)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	return resp.StatusCode, string(data)
}

func listing(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil {
			out = append(out, p)
		}
		return nil
	})
	return out
}

// TestRefused: what does not come from the page itself gets 403 or 404,
// runs no job and writes nothing.
func TestRefused(t *testing.T) {
	t.Parallel()
	s, b, dir := start(t, Timing{})
	u, _ := url.Parse(s.URL())
	tok := strings.Trim(u.Path, "/")
	own := "http://" + u.Host
	before := listing(t, dir)
	job := url.Values{"kommun": {"X"}, "ar": {"2025"}, "instrument": {"kommunkompassen@2007"}}

	for _, tc := range []struct {
		name                       string
		method, path, host, origin string
		site                       string
		form                       url.Values
		want                       int
	}{
		{"no token", "GET", "/", "", "", "", nil, 404},
		{"no token, a job", "POST", "/jobb/mall", "", own, "", job, 404},
		{"wrong token", "GET", "/" + strings.Repeat("A", len(tok)) + "/", "", "", "", nil, 404},
		{"token cut short", "GET", "/" + tok[:len(tok)-1] + "/", "", "", "", nil, 404},
		{"token as a query", "GET", "/?t=" + tok, "", "", "", nil, 404},
		{"foreign Host (DNS rebinding)", "GET", "/" + tok + "/", "evil.example:" + u.Port(), "", "", nil, 403},
		{"foreign Host, a job", "POST", "/" + tok + "/jobb/mall", "evil.example:" + u.Port(), own, "", job, 403},
		{"Host without the port", "GET", "/" + tok + "/", "127.0.0.1", "", "", nil, 403},
		{"foreign Origin", "GET", "/" + tok + "/", "", "http://evil.example", "", nil, 403},
		{"foreign Origin, a job", "POST", "/" + tok + "/jobb/mall", "", "http://evil.example", "", job, 403},
		{"a job without Origin", "POST", "/" + tok + "/jobb/mall", "", "", "", job, 403},
		{"a job from a sandbox (Origin null)", "POST", "/" + tok + "/jobb/mall", "", "null", "", job, 403},
		{"cross-site fetch", "GET", "/" + tok + "/lista", "", "", "cross-site", nil, 403},
		{"another port of 127.0.0.1", "POST", "/" + tok + "/jobb/mall", "", "http://127.0.0.1:1", "", job, 403},
		{"a job as GET", "GET", "/" + tok + "/jobb/mall?kommun=X", "", "", "", nil, 405},
		{"unknown job", "POST", "/" + tok + "/jobb/radera", "", own, "", job, 404},
		{"path outside: ..", "GET", "/" + tok + "/filer/../hemlig.html", "", "", "", nil, 404},
		{"path outside: escaped ..", "GET", "/" + tok + "/filer/%2e%2e/hemlig.html", "", "", "", nil, 404},
		{"path outside: escaped slash", "GET", "/" + tok + "/filer/..%2fhemlig.html", "", "", "", nil, 404},
		{"path outside: absolute", "GET", "/" + tok + "/filer//etc/passwd", "", "", "", nil, 404},
		{"path outside: backslash", "GET", "/" + tok + "/filer/..%5chemlig.html", "", "", "", nil, 404},
		{"path outside: a link out", "GET", "/" + tok + "/filer/ut.html", "", "", "", nil, 404},
		{"not a regular file: a FIFO", "GET", "/" + tok + "/filer/fifo.html", "", "", "", nil, 404},
		{"not a regular file: a folder", "GET", "/" + tok + "/filer/rapporter", "", "", "", nil, 404},
		{"no such file", "GET", "/" + tok + "/filer/saknas.html", "", "", "", nil, 404},
		{"consensus of a workbook outside", "POST", "/" + tok + "/jobb/konsensus", "", own, "", url.Values{"fil": {"umea-2007.xlsx", "../hemlig.xlsx"}}, 404},
		{"consensus of a file that is no workbook", "POST", "/" + tok + "/jobb/konsensus", "", own, "", url.Values{"fil": {"umea-2007.xlsx", "umeå-2007.html"}}, 404},
		{"consensus of a link out", "POST", "/" + tok + "/jobb/konsensus", "", own, "", url.Values{"fil": {"umea-2007.xlsx", "ut.html"}}, 404},
		{"a body too large", "POST", "/" + tok + "/jobb/mall", "", own, "", url.Values{"kommun": {strings.Repeat("x", maxBody)}}, 400},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if runtime.GOOS == "windows" && strings.Contains(tc.name, "link out") || strings.Contains(tc.name, "FIFO") && runtime.GOOS == "windows" {
				t.Skip("no FIFO or symlink here")
			}
			done := make(chan struct{})
			go func() {
				defer close(done)
				code, body := request(t, s, tc.method, tc.path, tc.host, tc.origin, tc.site, tc.form)
				if code != tc.want {
					t.Errorf("%s %s: %d %q, want %d", tc.method, tc.path, code, body, tc.want)
				}
				if strings.Contains(body, "hemlig") {
					t.Errorf("%s %s: the answer holds the file outside the folder: %q", tc.method, tc.path, body)
				}
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatalf("%s %s: no answer in 10 s", tc.method, tc.path)
			}
		})
	}
	if n := b.count(); n != 0 {
		t.Errorf("%d jobs ran, want none: %+v", n, b.jobs)
	}
	if after := listing(t, dir); !slices.Equal(before, after) {
		t.Errorf("the folder changed:\nbefore %q\nafter  %q", before, after)
	}

	// An old address is explained; the address without its last slash
	// leads to the page.
	if code, body := request(t, s, "GET", "/gammal-adress/", "", "", "", nil); code != 404 || !strings.Contains(body, "ny adress varje gång") {
		t.Errorf("an old address: %d %q", code, body)
	}
	if resp, err := (&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Get("http://" + u.Host + "/" + tok); err != nil || resp.StatusCode != 301 || resp.Header.Get("Location") != s.URL() {
		t.Errorf("/TOKEN without a slash: %v %v", resp, err)
	}

	// The page itself is served, with the token, the right Host and no
	// Origin, and so are the files of the folder.
	if code, body := request(t, s, "GET", "/"+tok+"/", "", "", "none", nil); code != 200 || !strings.Contains(body, "Umeå 2007") {
		t.Errorf("the page: %d %.200q", code, body)
	}
	if code, _ := request(t, s, "GET", "/"+tok+"/", "localhost:"+u.Port(), "", "", nil); code != 200 {
		t.Errorf("the page at localhost: %d", code)
	}
	if code, body := request(t, s, "GET", "/"+tok+"/filer/"+url.PathEscape("umeå-2007.html"), "", "", "", nil); code != 200 || !strings.Contains(body, "Umeå") {
		t.Errorf("a report: %d %q", code, body)
	}
	// A report of a site may load its script from inside its sandbox.
	if code, _ := request(t, s, "GET", "/"+tok+"/filer/rapporter/index.html", "", "null", "cross-site", nil); code != 200 {
		t.Errorf("a file asked for from a sandbox: %d", code)
	}
}

// TestJob: a job from the page runs once, and a file that exists is
// named so that the page can ask before it is replaced.
func TestJob(t *testing.T) {
	s, b, dir := start(t, Timing{})
	u, _ := url.Parse(s.URL())
	own := "http://" + u.Host
	path := u.Path + "jobb/mall"
	code, body := request(t, s, "POST", path, "", own, "same-origin", url.Values{"kommun": {"Ny"}, "ar": {"2025"}})
	if code != 200 || !strings.Contains(body, `"code":0`) {
		t.Fatalf("first job: %d %s", code, body)
	}
	code, body = request(t, s, "POST", path, "", own, "", url.Values{"kommun": {"Ersatt"}, "ar": {"2025"}})
	var o Outcome
	if err := json.Unmarshal([]byte(body), &o); err != nil || code != 200 || o.Exists != "ny.xlsx" {
		t.Fatalf("second job: %d %s (%v); want exists ny.xlsx", code, body, err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "ny.xlsx")); string(data) != "Ny" {
		t.Errorf("ny.xlsx was replaced without a yes: %q", data)
	}
	request(t, s, "POST", path, "", own, "", url.Values{"kommun": {"Ersatt"}, "ar": {"2025"}, "ersatt": {"1"}})
	if data, _ := os.ReadFile(filepath.Join(dir, "ny.xlsx")); string(data) != "Ersatt" {
		t.Errorf("ny.xlsx was not replaced after the yes: %q", data)
	}
	if b.count() != 3 || b.jobs[0].Kind != JobTemplate || b.jobs[0].Year != "2025" || b.jobs[2].Force != true {
		t.Errorf("jobs: %+v", b.jobs)
	}
}

// TestFiles: a report is served in a sandbox, a workbook only as a
// download, and nothing is cached.
func TestFiles(t *testing.T) {
	s, _, _ := start(t, Timing{})
	u, _ := url.Parse(s.URL())
	get := func(name string) *http.Response {
		resp, err := http.Get(s.URL() + "filer/" + name)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	r := get(url.PathEscape("umeå-2007.html"))
	if r.StatusCode != 200 || r.Header.Get("Content-Type") != "text/html; charset=utf-8" || !strings.HasPrefix(r.Header.Get("Content-Security-Policy"), "sandbox allow-scripts") {
		t.Errorf("report: %d %q %q", r.StatusCode, r.Header.Get("Content-Type"), r.Header.Get("Content-Security-Policy"))
	}
	r = get("umea-2007.xlsx")
	if r.StatusCode != 200 || r.Header.Get("Content-Disposition") != "attachment" {
		t.Errorf("workbook: %d %q", r.StatusCode, r.Header.Get("Content-Disposition"))
	}
	for _, h := range []string{"Cache-Control", "X-Content-Type-Options", "Referrer-Policy"} {
		if r.Header.Get(h) == "" {
			t.Errorf("no %s", h)
		}
	}
	resp, err := http.Get(s.URL())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("the page's CSP: %q", csp)
	}
	_ = u
}

// TestStopsWhenClosed: the server stops when its page says goodbye and
// does not come back, but not on a reload (goodbye, then a heartbeat).
func TestStopsWhenClosed(t *testing.T) {
	t.Parallel()
	s, _, _ := start(t, Timing{Grace: 100 * time.Millisecond, Silence: time.Minute, FirstPage: time.Minute})
	u, _ := url.Parse(s.URL())
	own := "http://" + u.Host
	post := func(what string) {
		if code, body := request(t, s, "POST", u.Path+what, "", own, "", url.Values{"sida": {"p1"}}); code != 204 {
			t.Fatalf("%s: %d %s", what, code, body)
		}
	}
	stopped := make(chan bool, 1)
	go func() { stopped <- s.Wait() }()
	post("puls")
	post("hejda")
	post("puls") // the reload
	select {
	case <-stopped:
		t.Fatal("the server stopped on a reload")
	case <-time.After(500 * time.Millisecond): // five times the grace
	}
	post("hejda")
	select {
	case closed := <-stopped:
		if !closed {
			t.Error("Wait() = false, want true: the page was closed")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the server did not stop after the page was closed")
	}
	if _, err := http.Get(s.URL()); err == nil {
		t.Error("the server still answers after it stopped")
	}
}

// TestStopsWhenSilent: a page that stops sending heartbeats (a killed
// browser) counts as closed; a page that never opened stops the server
// after FirstPage.
func TestStopsWhenSilent(t *testing.T) {
	t.Parallel()
	s, _, _ := start(t, Timing{Grace: 100 * time.Millisecond, Silence: 200 * time.Millisecond, FirstPage: time.Minute})
	u, _ := url.Parse(s.URL())
	request(t, s, "POST", u.Path+"puls", "", "http://"+u.Host, "", url.Values{"sida": {"p1"}})
	waitStop(t, s, 5*time.Second)

	s, _, _ = start(t, Timing{FirstPage: 150 * time.Millisecond})
	waitStop(t, s, 5*time.Second)
}

func waitStop(t *testing.T, s *Server, limit time.Duration) {
	t.Helper()
	stopped := make(chan bool, 1)
	go func() { stopped <- s.Wait() }()
	select {
	case <-stopped:
	case <-time.After(limit):
		t.Fatal("the server did not stop")
	}
}

func TestCleanName(t *testing.T) {
	for name, want := range map[string]bool{
		"umea-2007.xlsx": true, "rapporter/index.html": true, "umeå 2007.html": true,
		"": false, "/etc/passwd": false, "../x": false, "a/../b": false, "a//b": false, "./a": false, "a/.": false,
		`..\x`: false, "C:x": false, "a\x00b": false, "a\nb": false, "rapporter/": false,
	} {
		if _, ok := cleanName(name); ok != want {
			t.Errorf("cleanName(%q) ok = %v, want %v", name, ok, want)
		}
	}
}

func TestOpenCommand(t *testing.T) {
	const u = "http://127.0.0.1:1/x?a=1&b=2"
	for goos, want := range map[string][]string{
		"windows": {"rundll32", "url.dll,FileProtocolHandler", u},
		"darwin":  {"open", u},
		"linux":   {"xdg-open", u},
	} {
		if got := openCommand(goos, u).Args; !slices.Equal(got, want) {
			t.Errorf("%s: %q, want %q", goos, got, want)
		}
	}
}
