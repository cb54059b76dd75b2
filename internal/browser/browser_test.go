package browser_test

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/kompass-dev/kompass/internal/browser"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/testbase"
)

// TestFileURL checks that paths with spaces, å and characters that mean
// something in a URL become file:// URLs that name exactly that file.
func TestFileURL(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{
		"rapport.html",
		"Umeå 2007.html",
		filepath.Join("rapport på disk", "Örebro kommun – 2012.html"),
		"a#b?c%d;e&f+g.html",
	} {
		path := filepath.Join(dir, name)
		u, err := browser.FileURL(path)
		if err != nil {
			t.Fatalf("FileURL(%q): %v", path, err)
		}
		if strings.ContainsAny(u, " åöÖ#?") {
			t.Errorf("FileURL(%q) = %q holds a character that must be escaped", path, u)
		}
		p, err := url.Parse(u)
		if err != nil {
			t.Errorf("FileURL(%q) = %q does not parse: %v", path, u, err)
			continue
		}
		if p.Scheme != "file" || p.Host != "" || p.RawQuery != "" || p.Fragment != "" || p.Opaque != "" {
			t.Errorf("FileURL(%q) = %q: scheme %q host %q query %q fragment %q", path, u, p.Scheme, p.Host, p.RawQuery, p.Fragment)
		}
		if !strings.HasPrefix(u, "file:///") && runtime.GOOS != "windows" {
			t.Errorf("FileURL(%q) = %q, want file:///…", path, u)
		}
		if got := filepath.FromSlash(p.Path); got != path {
			t.Errorf("FileURL(%q) = %q names %q", path, u, got)
		}
	}
	if u := mustFileURL(t, "Umeå 2007.html"); !strings.HasSuffix(u, "/Ume%C3%A5%202007.html") {
		t.Errorf("FileURL(\"Umeå 2007.html\") = %q, want …/Ume%%C3%%A5%%202007.html", u)
	}

	// A relative path is made absolute from the working directory.
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	p, err := url.Parse(mustFileURL(t, "testdata/x.html"))
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(wd, "testdata", "x.html"); filepath.FromSlash(p.Path) != want {
		t.Errorf("FileURL(\"testdata/x.html\") names %q, want %q", p.Path, want)
	}
}

func mustFileURL(t *testing.T, path string) string {
	t.Helper()
	u, err := browser.FileURL(path)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// TestFindEnv checks that KOMPASS_CHROMIUM overrides the search on this
// computer: a path that does not exist is ErrNotFound (and the search does
// not fall back to another browser), an executable is returned as it is.
func TestFindEnv(t *testing.T) {
	t.Setenv("KOMPASS_CHROMIUM", filepath.Join(t.TempDir(), "no-such-chromium"))
	p, err := browser.Find()
	if !errors.Is(err, browser.ErrNotFound) {
		t.Errorf("Find() with KOMPASS_CHROMIUM naming no file = %q, %v; want ErrNotFound", p, err)
	}
	if err != nil && !strings.Contains(err.Error(), "KOMPASS_CHROMIUM") {
		t.Errorf("the error %q does not say that KOMPASS_CHROMIUM is at fault", err)
	}

	if runtime.GOOS == "windows" {
		return
	}
	exe := filepath.Join(t.TempDir(), "my chromium")
	if err := os.WriteFile(exe, []byte("#!/bin/sh\nexit 0\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("KOMPASS_CHROMIUM", exe)
	if p, err := browser.Find(); err != nil || p != exe {
		t.Errorf("Find() with KOMPASS_CHROMIUM=%q = %q, %v", exe, p, err)
	}

	notExec := filepath.Join(t.TempDir(), "chromium.txt")
	if err := os.WriteFile(notExec, []byte("not a program"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("KOMPASS_CHROMIUM", notExec)
	if p, err := browser.Find(); !errors.Is(err, browser.ErrNotFound) {
		t.Errorf("Find() with KOMPASS_CHROMIUM naming a file that is not executable = %q, %v; want ErrNotFound", p, err)
	}

	// A name is looked up on the PATH.
	bin := t.TempDir()
	if err := os.WriteFile(filepath.Join(bin, "min-chromium"), []byte("#!/bin/sh\nexit 0\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	t.Setenv("KOMPASS_CHROMIUM", "min-chromium")
	if p, err := browser.Find(); err != nil || p != filepath.Join(bin, "min-chromium") {
		t.Errorf("Find() with KOMPASS_CHROMIUM=min-chromium = %q, %v; want it found on the PATH", p, err)
	}
}

// fakeSystem is a computer of the given GOOS with these environment
// variables and these programs installed (and nothing else).
func fakeSystem(goos string, env map[string]string, installed ...string) browser.System {
	return browser.System{
		GOOS:   goos,
		Getenv: func(k string) string { return env[k] },
		IsExec: func(p string) bool { return slices.Contains(installed, p) },
	}
}

// TestFindPerSystem: on each system, where the browsers install
// themselves, Find finds them, in the order of preference, and
// KOMPASS_CHROMIUM still wins.
func TestFindPerSystem(t *testing.T) {
	winEnv := map[string]string{
		"ProgramFiles":      `C:\Program Files`,
		"ProgramFiles(x86)": `C:\Program Files (x86)`,
		"LOCALAPPDATA":      `C:\Users\Anna\AppData\Local`,
		"PATH":              `C:\Windows\system32;C:\Windows`,
	}
	macEnv := map[string]string{"HOME": "/Users/anna", "PATH": "/usr/bin:/bin"}
	linuxEnv := map[string]string{"HOME": "/home/anna", "PATH": "/usr/local/bin:/usr/bin:/bin"}
	with := func(m map[string]string, kv ...string) map[string]string {
		out := maps.Clone(m)
		for i := 0; i < len(kv); i += 2 {
			out[kv[i]] = kv[i+1]
		}
		return out
	}
	const (
		edge86      = `C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe`
		chromeWin   = `C:\Program Files\Google\Chrome\Application\chrome.exe`
		chromeUser  = `C:\Users\Anna\AppData\Local\Google\Chrome\Application\chrome.exe`
		chromeMac   = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"
		edgeMac     = "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge"
		chromeMacMy = "/Users/anna/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"
	)
	for _, tc := range []struct {
		name string
		sys  browser.System
		want string // "" for ErrNotFound
	}{
		{"windows: Edge, as Windows 10 and 11 ship it", fakeSystem("windows", winEnv, edge86), edge86},
		{"windows: Edge before Chrome", fakeSystem("windows", winEnv, chromeWin, edge86), edge86},
		{"windows: Chrome for all users", fakeSystem("windows", winEnv, chromeWin), chromeWin},
		{"windows: Chrome for one user", fakeSystem("windows", winEnv, chromeUser), chromeUser},
		{"windows: Program Files unset", fakeSystem("windows", map[string]string{}, chromeWin), chromeWin},
		{"windows: on the PATH", fakeSystem("windows", winEnv, `C:\Windows\chrome.exe`), `C:\Windows\chrome.exe`},
		{"windows: KOMPASS_CHROMIUM wins", fakeSystem("windows", with(winEnv, "KOMPASS_CHROMIUM", `D:\Portabel\chrome.exe`), edge86, `D:\Portabel\chrome.exe`), `D:\Portabel\chrome.exe`},
		{"windows: KOMPASS_CHROMIUM missing is no fallback", fakeSystem("windows", with(winEnv, "KOMPASS_CHROMIUM", `D:\saknas.exe`), edge86), ""},
		{"windows: none", fakeSystem("windows", winEnv, "/usr/bin/chromium"), ""},
		{"darwin: Chrome in /Applications", fakeSystem("darwin", macEnv, chromeMac), chromeMac},
		{"darwin: Chrome before Edge", fakeSystem("darwin", macEnv, edgeMac, chromeMac), chromeMac},
		{"darwin: Edge", fakeSystem("darwin", macEnv, edgeMac), edgeMac},
		{"darwin: Chrome in ~/Applications", fakeSystem("darwin", macEnv, chromeMacMy), chromeMacMy},
		{"darwin: KOMPASS_CHROMIUM wins", fakeSystem("darwin", with(macEnv, "KOMPASS_CHROMIUM", "/opt/x/chromium"), chromeMac, "/opt/x/chromium"), "/opt/x/chromium"},
		{"darwin: none", fakeSystem("darwin", macEnv, edge86), ""},
		{"linux: chromium on the PATH", fakeSystem("linux", linuxEnv, "/usr/bin/chromium"), "/usr/bin/chromium"},
		{"linux: chromium before google-chrome", fakeSystem("linux", linuxEnv, "/usr/bin/google-chrome", "/usr/local/bin/chromium"), "/usr/local/bin/chromium"},
		{"linux: google-chrome", fakeSystem("linux", linuxEnv, "/usr/bin/google-chrome-stable"), "/usr/bin/google-chrome-stable"},
		{"linux: the snap, PATH without /snap/bin", fakeSystem("linux", linuxEnv, "/snap/bin/chromium"), "/snap/bin/chromium"},
		{"linux: KOMPASS_CHROMIUM as a name on the PATH", fakeSystem("linux", with(linuxEnv, "KOMPASS_CHROMIUM", "chromium-dev"), "/usr/bin/chromium", "/usr/bin/chromium-dev"), "/usr/bin/chromium-dev"},
		{"linux: none", fakeSystem("linux", linuxEnv, chromeMac), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.sys.Find()
			if tc.want == "" {
				if !errors.Is(err, browser.ErrNotFound) {
					t.Errorf("Find() = %q, %v; want ErrNotFound", got, err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("Find() = %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

// TestNotFoundMessage: when no browser is found, the error lists where
// kompass looked, and the hint says what to install on that system, in
// Swedish by default.
func TestNotFoundMessage(t *testing.T) {
	testbase.Language(t, msg.Swedish)
	for _, tc := range []struct {
		goos       string
		looked     string // a place the error names
		hint       string // what the hint asks for
		notInstall string // what the hint must not ask for
	}{
		{"windows", `Microsoft\Edge\Application\msedge.exe`, "installera Microsoft Edge eller Google Chrome", "apt-get"},
		{"darwin", "/Applications/Google Chrome.app", "installera Google Chrome", "apt-get"},
		{"linux", "chromium", "sudo apt-get install chromium", "msedge.exe"},
	} {
		sys := fakeSystem(tc.goos, map[string]string{})
		_, err := sys.Find()
		if err == nil || !strings.HasPrefix(err.Error(), "ingen webbläsare att skriva ut med hittades") || !strings.Contains(err.Error(), tc.looked) {
			t.Errorf("%s: Find() = %v; want the Swedish error naming %s", tc.goos, err, tc.looked)
		}
		if h := sys.InstallHint(); !strings.Contains(h, tc.hint) || strings.Contains(h, tc.notInstall) || !strings.Contains(h, "KOMPASS_CHROMIUM") {
			t.Errorf("%s: InstallHint() = %q; want %q and KOMPASS_CHROMIUM, not %q", tc.goos, h, tc.hint, tc.notInstall)
		}
	}
}

// The browser tests share one Chromium started by browser.Start
// (testbase.BrowserTab), stopped when they are done.
func TestMain(m *testing.M) { testbase.Main(m) }

// The page tries every way to reach the server it is given, then marks
// itself done as a report does when its charts are drawn.
const leakyPage = `<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>läcker</title>
<link rel="stylesheet" href="{{BASE}}/style.css">
<script src="{{BASE}}/script.js"></script>
</head><body>
<img src="{{BASE}}/img.png" alt="">
<img src="http://example.invalid/default-port.png" alt="">
<iframe src="{{BASE}}/frame.html"></iframe>
<script>
try { fetch("{{BASE}}/fetch").catch(function () {}); } catch (e) {}
try { new WebSocket("{{WS}}/ws"); } catch (e) {}
try { var x = new XMLHttpRequest(); x.open("GET", "{{BASE}}/xhr"); x.send(); } catch (e) {}
setTimeout(function () { document.documentElement.setAttribute("data-charts-drawn", "0"); }, 300);
</script>
</body></html>`

// TestBlockNetwork opens a page that reaches for a local HTTP server in
// every way it can. In the browser that Start runs, opened with OpenReport,
// the server hears nothing, and the tab reports the plain requests as
// blocked by DevTools (BlockNetwork); without BlockNetwork the browser's
// host resolver rules still stop everything, WebSockets and frames
// included. The control, a browser without either, reaches the server, so
// the page is a fair test. The three run in parallel, each with a page of
// its own that reaches for its own part of the server (/NAME/…).
func TestBlockNetwork(t *testing.T) {
	path := testbase.Chromium(t)
	var mu sync.Mutex
	var hits []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits = append(hits, r.URL.Path)
		mu.Unlock()
		w.Header().Set("Access-Control-Allow-Origin", "*")
		fmt.Fprint(w, "")
	}))
	t.Cleanup(srv.Close)
	// takeHits returns the paths below /name/ that were requested since the
	// last call, without that prefix, and forgets them.
	takeHits := func(name string) []string {
		mu.Lock()
		defer mu.Unlock()
		var mine, others []string
		for _, h := range hits {
			if p, ok := strings.CutPrefix(h, "/"+name+"/"); ok {
				mine = append(mine, "/"+p)
			} else {
				others = append(others, h)
			}
		}
		hits = others
		return mine
	}
	// leaky writes the page for the subtest name; base is the server's URL
	// for it.
	leaky := func(t *testing.T, name string) (page, base string) {
		base = srv.URL + "/" + name
		ws := "ws" + strings.TrimPrefix(base, "http")
		dir := filepath.Join(t.TempDir(), "sida på disk")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		page = filepath.Join(dir, "läcker sida.html")
		html := strings.NewReplacer("{{BASE}}", base, "{{WS}}", ws).Replace(leakyPage)
		if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
			t.Fatal(err)
		}
		return page, base
	}

	t.Run("OpenReport", func(t *testing.T) {
		t.Parallel()
		page, base := leaky(t, "OpenReport")
		tab := testbase.BrowserTab(t)
		rec, stopRec := context.WithCancel(tab)
		sent := chromedp.Events(rec, network.RequestWillBeSent)
		failed := chromedp.Events(rec, network.LoadingFailed)
		var (
			lmu     sync.Mutex
			urls    = map[network.RequestID]string{}
			blocked = map[network.RequestID]network.BlockedReason{}
			wg      sync.WaitGroup
		)
		wg.Add(2)
		go func() {
			defer wg.Done()
			for ev, err := range sent {
				if err != nil {
					return
				}
				lmu.Lock()
				urls[ev.RequestID] = ev.Request.URL
				lmu.Unlock()
			}
		}()
		go func() {
			defer wg.Done()
			for ev, err := range failed {
				if err != nil {
					return
				}
				lmu.Lock()
				blocked[ev.RequestID] = ev.BlockedReason
				lmu.Unlock()
			}
		}()
		if err := browser.OpenReport(tab, page); err != nil {
			stopRec()
			t.Fatal(err)
		}
		if err := chromedp.Do(tab, chromedp.Sleep(500*time.Millisecond)); err != nil {
			t.Fatal(err)
		}
		stopRec()
		wg.Wait()

		href, err := chromedp.Run(tab, chromedp.Evaluate[string](`location.href`))
		if err != nil {
			t.Fatal(err)
		}
		if want := mustFileURL(t, page); href != want {
			t.Errorf("the tab shows %q, want %q", href, want)
		}
		if h := takeHits("OpenReport"); len(h) > 0 {
			t.Errorf("with the network blocked the server was reached: %q", h)
		}
		lmu.Lock()
		defer lmu.Unlock()
		reason := map[string]network.BlockedReason{}
		for id, u := range urls {
			reason[u] = blocked[id]
		}
		// what the tab's own session loads is blocked by DevTools, also for
		// a host without a port
		for _, u := range []string{base + "/img.png", base + "/script.js", base + "/style.css", base + "/fetch", base + "/xhr", "http://example.invalid/default-port.png"} {
			r, ok := reason[u]
			switch {
			case !ok:
				t.Errorf("no request for %s was seen; the page did not try, so the test proves little", u)
			case r != network.BlockedReasonInspector:
				t.Errorf("the request for %s was not blocked by BlockNetwork (blocked reason %q)", u, r)
			}
		}
	})

	t.Run("Start without BlockNetwork", func(t *testing.T) {
		t.Parallel()
		page, _ := leaky(t, "Start")
		tab := testbase.BrowserTab(t)
		if err := chromedp.Do(tab, chromedp.Navigate(mustFileURL(t, page))); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(tab, browser.ChartsDrawn(30*time.Second)); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(tab, chromedp.Sleep(500*time.Millisecond)); err != nil {
			t.Fatal(err)
		}
		if h := takeHits("Start"); len(h) > 0 {
			t.Errorf("the browser of Start reached the server: %q", h)
		}
	})

	t.Run("control", func(t *testing.T) {
		t.Parallel()
		page, _ := leaky(t, "control")
		// a plain headless browser, without Start's flags
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		actx, acancel := chromedp.NewExecAllocator(ctx, append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.UserDataDir(t.TempDir()))...)
		defer acancel()
		tab, closeTab := chromedp.NewContext(actx)
		defer closeTab()
		if err := chromedp.Do(tab, chromedp.Navigate(mustFileURL(t, page))); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(tab, browser.ChartsDrawn(30*time.Second)); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(tab, chromedp.Sleep(300*time.Millisecond)); err != nil {
			t.Fatal(err)
		}
		h := takeHits("control")
		for _, want := range []string{"/img.png", "/frame.html", "/ws"} {
			if !slices.Contains(h, want) {
				t.Errorf("a browser without blocking did not request %s (it requested %q); the test page proves less than it should", want, h)
			}
		}
	})
}
