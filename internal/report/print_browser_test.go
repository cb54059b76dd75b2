package report_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/kompass-dev/kompass/internal/browser"
	"github.com/kompass-dev/kompass/internal/report"
	"github.com/kompass-dev/kompass/internal/testkit"
)

// pdfText returns the text of each page of a PDF, as pdftotext -layout
// (poppler-utils) reads it: it parts the pages with a form feed. Without
// pdftotext the test is skipped (failed under CI=true).
func pdfText(t *testing.T, pdf []byte) []string {
	t.Helper()
	tool, err := exec.LookPath("pdftotext")
	testkit.Need(t, "pdftotext", "Debian: apt-get install poppler-utils", err)
	in := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-layout", in, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1] // after the last form feed
	}
	return pages
}

// checkPrinted reads the printed report page by page: every page ends with
// its number and the count, "3 (12)"; no page holds nothing but headings
// (a heading is kept with what follows it); the first page has the
// contents with every section; and the report has at most maxPages pages
// (0: any number).
func checkPrinted(t *testing.T, r *report.Report, page, pdf []byte, maxPages int) {
	t.Helper()
	pages := pdfText(t, pdf)
	var headings []string
	parseHTML(t, page).walk(func(n *node) {
		switch n.Tag {
		case "h1", "h2", "h3", "h4":
			headings = append(headings, squash(n.text()))
		}
	})
	heading := func(line string) bool {
		for _, h := range headings {
			if strings.Contains(h, line) {
				return true
			}
		}
		return false
	}
	for i, p := range pages {
		var lines []string
		for _, l := range strings.Split(p, "\n") {
			if l := squash(l); l != "" {
				lines = append(lines, l)
			}
		}
		if want := fmt.Sprintf("%d (%d)", i+1, len(pages)); len(lines) == 0 || lines[len(lines)-1] != want {
			t.Errorf("page %d does not end with its number %q: %q", i+1, want, lines)
			continue
		}
		body := lines[:len(lines)-1]
		only := len(body) > 0
		for _, l := range body {
			only = only && heading(l)
		}
		switch {
		case len(body) == 0:
			t.Errorf("page %d is empty", i+1)
		case only:
			t.Errorf("page %d holds only headings: %q", i+1, body)
		}
	}
	first := squash(pages[0])
	for _, s := range r.Sections {
		if want := fmt.Sprintf("%d %s", s.Number, s.Title); !strings.Contains(first, "Innehåll") || !strings.Contains(first, want) {
			t.Errorf("the contents on the first page lack %q", want)
		}
	}
	if maxPages > 0 && len(pages) > maxPages {
		t.Errorf("the report prints on %d pages, want at most %d", len(pages), maxPages)
	}
}

// TestBrowserPrint prints the reports that the other browser tests do not:
// an area-level evaluation without text, which must be short (issue 12:
// at most 5 A4 pages, with or without its group; Vallentuna with its group
// is printed by TestBrowserLayout), the complete fictional analysis, and
// Umeå 2007 with the seed's text.
func TestBrowserPrint(t *testing.T) {
	testkit.Chromium(t)
	dir := t.TempDir()
	for _, c := range []struct {
		name     string
		r        func(t *testing.T) *report.Report
		maxPages int
	}{
		{"vallentuna", func(t *testing.T) *report.Report {
			return build(t, evaluationsDir, report.Options{Kommun: "Vallentuna"})
		}, 5},
		// (observed with Chromium 156: 17 pages: title, contents and
		// section 1 on 2; Sammanfattning 4; an area a page; the
		// poängsammanställning 2 and the note on method)
		{"exempelkommun", func(t *testing.T) *report.Report { return exempelReport(t) }, 20},
		// (observed: 38 pages, most of them text)
		{"seed", func(t *testing.T) *report.Report { r, _ := seedReport(t); return r }, 45},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := c.r(t)
			page := write(t, r, report.WriteOptions{})
			path := filepath.Join(dir, c.name+".html")
			if err := os.WriteFile(path, page, 0o644); err != nil {
				t.Fatal(err)
			}
			tab := testkit.BrowserTab(t)
			if err := browser.OpenReport(tab, path); err != nil {
				t.Fatal(err)
			}
			pdf, err := chromedp.Run(tab, browser.PrintA4())
			if err != nil {
				t.Fatal(err)
			}
			pdfPages(t, pdf)
			checkPrinted(t, r, page, pdf, c.maxPages)
		})
	}
}
