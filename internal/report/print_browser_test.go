package report_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/kompass-dev/kompass/internal/browser"
	"github.com/kompass-dev/kompass/internal/report"
	"github.com/kompass-dev/kompass/internal/testbase"
)

// pdfText returns the text of each page of a PDF, as pdftotext -layout
// (poppler-utils) reads it: it parts the pages with a form feed. Without
// pdftotext the test is skipped (failed under CI=true).
func pdfText(t *testing.T, pdf []byte) []string {
	t.Helper()
	out := pdftotext(t, pdf, "-layout")
	pages := strings.Split(out, "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1] // after the last form feed
	}
	return pages
}

func pdftotext(t *testing.T, pdf []byte, flag string) string {
	t.Helper()
	tool, err := exec.LookPath("pdftotext")
	testbase.Need(t, "pdftotext", "Debian: apt-get install poppler-utils", err)
	in := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, flag, in, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", flag, err)
	}
	return string(out)
}

// A4 with the report's page margins (report.css @page), in PDF points: the
// running header lies above the content, the page number below it.
const (
	pageHeight   = 841.9
	contentTop   = 17 / 25.4 * 72
	contentBelow = pageHeight - 16/25.4*72
	minFill      = 0.40
)

var (
	pdfPageTag  = regexp.MustCompile(`<page width="[\d.]+" height="[\d.]+">`)
	pdfWordYMax = regexp.MustCompile(`<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">`)
)

// pageFill is how far down each page's content reaches, as a share of the
// content box, from the words pdftotext -bbox finds on it (bbox; the
// charts' labels are words too).
func pageFill(bbox string) []float64 {
	var fills []float64
	for _, page := range pdfPageTag.Split(bbox, -1)[1:] {
		bottom := contentTop
		for _, m := range pdfWordYMax.FindAllStringSubmatch(page, -1) {
			yMin, _ := strconv.ParseFloat(m[1], 64)
			yMax, _ := strconv.ParseFloat(m[2], 64)
			if yMin >= contentTop-2 && yMax <= contentBelow+2 {
				bottom = max(bottom, yMax)
			}
		}
		fills = append(fills, (bottom-contentTop)/(contentBelow-contentTop))
	}
	return fills
}

// printInfo is what the open page says about its print: the numbers its
// contents were given, by the id they point to, with the heading there;
// and the headings that start a printed page of their own (break-before:
// page under the print CSS).
type printInfo struct {
	TOC []struct {
		ID, Page, Heading string
		Row               bool // a row of a table (an area without a part of its own)
	}
	Starts []string
}

const printInfoJS = `(function () {
  var info = {TOC: [], Starts: []};
  document.querySelectorAll("[data-page-of]").forEach(function (el) {
    var id = el.getAttribute("data-page-of"), target = document.getElementById(id);
    var h = target && (/^H[1-6]$/.test(target.tagName) ? target : target.querySelector(target.tagName === "TR" ? "th" : "h1, h2, h3, h4"));
    info.TOC.push({ID: id, Page: el.textContent, Heading: h ? h.textContent : "", Row: !!target && target.tagName === "TR"});
  });
  document.querySelectorAll("main section, main h2, main h3").forEach(function (el) {
    if (getComputedStyle(el).breakBefore === "page") {
      var h = /^H[1-6]$/.test(el.tagName) ? el : el.querySelector("h2, h3");
      if (h) { info.Starts.push(h.textContent); }
    }
  });
  return info;
})()`

// printOptions say what printChecked checks beyond what every printed
// report must do.
type printOptions struct {
	maxPages int  // at most this many pages; 0: any number
	measure  bool // the measure of the running text under the print CSS (checkMeasure)
}

// printChecked looks at the report open in the tab under the print CSS at
// the width of A4's content box (the charts' labels within them, the
// radars large enough to read, the group table within the page), then
// prints it as kompass report --pdf does (two passes: the contents get
// their page numbers) and checks the PDF with checkPrinted; it returns the
// PDF and its pages' text. The tab is left with the screen's layout.
func printChecked(t *testing.T, tab context.Context, r *report.Report, page []byte, o printOptions) ([]byte, []string) {
	t.Helper()
	emulateMedia(t, tab, "print")
	setViewport(t, tab, a4Width, false)
	if o.measure {
		checkMeasure(t, tab, "print")
	}
	if r.Group != nil {
		checkGroupTableFits(t, tab, r)
	}
	checkCharts(t, tab, r, false)
	checkPrintedRadars(t, tab)
	starts, err := chromedp.Run(tab, chromedp.Evaluate[printInfo](printInfoJS))
	if err != nil {
		t.Fatal(err)
	}
	// PrintA4 lays the page out as it is now (print, A4's width), prints
	// it and gives it back its screen layout
	pdf, err := chromedp.Run(tab, browser.PrintA4())
	if err != nil {
		t.Fatal(err)
	}
	pdfPages(t, pdf)
	info, err := chromedp.Run(tab, chromedp.Evaluate[printInfo](printInfoJS))
	if err != nil {
		t.Fatal(err)
	}
	info.Starts = starts.Starts
	return pdf, checkPrinted(t, r, page, pdf, info, o.maxPages)
}

// checkPrinted reads the printed report page by page, as a reader holding
// the paper would:
//   - the first page is the cover: Kommunkompassen, the analysis of the
//     kommun, its dates, the contents and the evaluators, and neither a
//     running header nor a page number;
//   - every other page starts with the running header (the analysis and
//     the year, Kommunkompassen) and ends with its number and the count,
//     "3 (12)";
//   - the contents give each section and area the page its heading is on;
//   - a table's total stands once, at its end, not at the foot of every
//     page;
//   - no page holds only headings or ends with one, and none is less than
//     40 % full unless the next one starts a section of its own (or it is
//     the last);
//   - every styrka and förbättringsområde is printed with its reference;
//   - the report has at most maxPages pages (0: any number);
//   - the page with the group table holds every row, and no word lies in
//     the right margin (checkPDFText).
//
// It returns the pages' text.
func checkPrinted(t *testing.T, r *report.Report, page, pdf []byte, info printInfo, maxPages int) []string {
	t.Helper()
	pages := pdfText(t, pdf)
	doc := parseHTML(t, page)
	headings := map[string]bool{}
	doc.first("main").walk(func(n *node) {
		switch n.Tag {
		case "h2", "h3", "h4":
			headings[squash(n.text())] = true
		}
	})
	lines := make([][]string, len(pages))
	for i, p := range pages {
		for _, l := range strings.Split(p, "\n") {
			if l := squash(l); l != "" {
				lines[i] = append(lines[i], l)
			}
		}
	}
	if len(pages) < 2 {
		t.Fatalf("the report prints on %d page", len(pages))
	}

	// the cover
	cover := squash(pages[0])
	for _, want := range append([]string{"KOMMUNKOMPASSEN", r.Cover.Title, squash(r.Cover.When), "Innehåll", "Utvärderare"}, r.Cover.Evaluators...) {
		if want == "Utvärderare" && len(r.Cover.Evaluators) == 0 {
			continue
		}
		if !strings.Contains(cover, squash(want)) {
			t.Errorf("the cover (page 1) lacks %q: %.300q", want, cover)
		}
	}
	for _, s := range r.Sections {
		if want := fmt.Sprintf("%d %s", s.Number, s.Title); !strings.Contains(cover, want) {
			t.Errorf("the contents on the cover lack %q", want)
		}
	}
	header := fmt.Sprintf("%s %d", r.Cover.Title, r.Year)
	if l := lines[0]; len(l) > 0 && (strings.Contains(l[0], header) || regexp.MustCompile(`^\d+ \(\d+\)$`).MatchString(l[len(l)-1])) {
		t.Errorf("the cover has a running header or a page number: %q … %q", l[0], l[len(l)-1])
	}

	// the running header and the page numbers
	for i := 1; i < len(pages); i++ {
		l := lines[i]
		if len(l) < 3 {
			t.Errorf("page %d is empty: %q", i+1, l)
			continue
		}
		if !strings.HasPrefix(l[0], header) || !strings.HasSuffix(l[0], "Kommunkompassen") {
			t.Errorf("page %d does not start with the running header %q … Kommunkompassen: %q", i+1, header, l[0])
		}
		if want := fmt.Sprintf("%d (%d)", i+1, len(pages)); l[len(l)-1] != want {
			t.Errorf("page %d does not end with its number %q: %q", i+1, want, l[len(l)-1])
		}
		body := l[1 : len(l)-1]
		only := true
		for _, b := range body {
			only = only && headings[b]
		}
		if only {
			t.Errorf("page %d holds only headings: %q", i+1, body)
		}
		if last := body[len(body)-1]; headings[last] {
			t.Errorf("page %d ends with the heading %q", i+1, last)
		}
	}

	// the contents' page numbers: the page holds the heading on a line of
	// its own
	starts := map[string]bool{}
	for _, s := range info.Starts {
		starts[squash(s)] = true
	}
	if len(info.TOC) == 0 {
		t.Error("the page has no contents with page numbers (data-page-of)")
	}
	for _, e := range info.TOC {
		n, err := strconv.Atoi(e.Page)
		if err != nil || n < 2 || n > len(pages) {
			t.Errorf("the contents give %q (#%s) the page %q", e.Heading, e.ID, e.Page)
			continue
		}
		heading := squash(e.Heading)
		if !strings.HasPrefix(e.ID, "omrade-") { // a section: a line of its own on the cover
			printed := false
			for _, l := range lines[0] {
				printed = printed || strings.HasPrefix(l, heading+" ") && strings.HasSuffix(l, " "+e.Page)
			}
			if !printed {
				t.Errorf("the printed contents lack the line %q … %s", heading, e.Page)
			}
		}
		on := func(i int) bool {
			for _, l := range lines[i] {
				if l == heading || e.Row && strings.HasPrefix(l, strings.Join(strings.Fields(heading)[:min(3, len(strings.Fields(heading)))], " ")) {
					return true
				}
			}
			return false
		}
		if !on(n - 1) {
			t.Errorf("the contents put %q on page %d, which does not hold that heading", heading, n)
		}
		// a heading that starts a page starts that one
		if starts[heading] && (len(lines[n-1]) < 2 || lines[n-1][1] != heading) {
			t.Errorf("the contents put %q on page %d, which starts with %q", heading, n, lines[n-1][1])
		}
	}

	// each table's total once
	for _, tf := range doc.all("tfoot") {
		var cells []string
		for _, c := range tf.all("*") {
			if c.Tag == "th" || c.Tag == "td" {
				cells = append(cells, squash(c.text()))
			}
		}
		row := squash(strings.Join(cells, " "))
		count := 0
		for _, pl := range lines {
			for _, l := range pl {
				if strings.HasPrefix(l, row) {
					count++
				}
			}
		}
		if count != 1 {
			t.Errorf("the total %q is printed %d times, want once", row, count)
		}
	}

	// full pages
	bbox := pdftotext(t, pdf, "-bbox")
	checkPDFText(t, pages, bbox, r)
	fills := pageFill(bbox)
	if len(fills) != len(pages) {
		t.Fatalf("pdftotext -bbox reads %d pages, -layout %d", len(fills), len(pages))
	}
	for i := 1; i < len(pages)-1; i++ {
		if fills[i] >= minFill {
			continue
		}
		if next := lines[i+1]; len(next) > 1 && starts[next[1]] {
			continue // the last page of a section: the next starts its own
		}
		t.Errorf("page %d is %.0f %% full, and page %d does not start a section (%q)", i+1, 100*fills[i], i+2, lines[i+1][1])
	}

	// styrkor and förbättringsområden with their references
	all := squash(strings.Join(pages, "\n"))
	for _, a := range r.Areas {
		for _, l := range append(append([]report.Listed{}, a.Strengths...), a.Improvements...) {
			words := strings.Fields(l.Text)
			if want := l.Ref + " " + strings.Join(words[:min(2, len(words))], " "); !strings.Contains(all, want) {
				t.Errorf("the PDF lacks %q", want)
			}
		}
	}
	if maxPages > 0 && len(pages) > maxPages {
		t.Errorf("the report prints on %d pages, want at most %d", len(pages), maxPages)
	}
	t.Logf("%d pages, filled %s", len(pages), percents(fills))
	return pages
}

func percents(fs []float64) string {
	var out []string
	for _, f := range fs {
		out = append(out, strconv.Itoa(int(100*f+0.5)))
	}
	return strings.Join(out, " ")
}
