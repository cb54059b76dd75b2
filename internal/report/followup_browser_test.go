package report_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/kompass-dev/kompass/internal/browser"
	"github.com/kompass-dev/kompass/internal/report"
	"github.com/kompass-dev/kompass/internal/testkit"
)

// TestBrowserFollowUp opens the 2007 report with the follow-up of 2005 on
// a phone and a laptop (no sideways scroll; on the phone each åtgärd is a
// card that fits) and prints it: no page ends with a heading, and the
// follow-up's areas start with their head and first förbättringsområde on
// one page.
func TestBrowserFollowUp(t *testing.T) {
	// the sample without its text and group: fewer pages to print
	set := loadSet(t, exempelDir)
	p := exempelPlan(evaluationOf(t, set, "exempelkommun-2005.xlsx"), exempelActions)
	r := buildFrom(t, withPlans(set, p), report.Options{Kommun: "Exempelkommun"})
	page := write(t, r, report.WriteOptions{})
	path := filepath.Join(t.TempDir(), "uppfoljning.html")
	if err := os.WriteFile(path, page, 0o644); err != nil {
		t.Fatal(err)
	}
	tab := testkit.BrowserTab(t)
	if err := chromedp.Do(tab, viewport(phoneWidth, true)); err != nil {
		t.Fatal(err)
	}
	if err := browser.OpenReport(tab, path); err != nil {
		t.Fatal(err)
	}
	noSidewaysScroll(t, tab, "390 px")
	// on the phone no table of åtgärder scrolls: each cell is one line of
	// a card, its label beside it
	wide, err := chromedp.Run(tab, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("table.fu-actions")).filter(function (tb) {
  return tb.scrollWidth > tb.clientWidth + 1 || tb.getBoundingClientRect().right > window.innerWidth;
}).map(function (tb) { return tb.querySelector("caption").textContent; })`))
	if err != nil {
		t.Fatal(err)
	}
	if len(wide) > 0 {
		t.Errorf("390 px: tables of åtgärder wider than the page: %q", wide)
	}
	setViewport(t, tab, wideWidth, false)
	noSidewaysScroll(t, tab, "1 280 px")

	pdf, err := chromedp.Run(tab, browser.PrintA4())
	if err != nil {
		t.Fatal(err)
	}
	checkPrinted(t, r, page, pdf, 0)
	// no page ends with the heading of a section or an area
	headings := map[string]bool{}
	doc := parseHTML(t, page)
	for _, tag := range []string{"h2", "h3"} {
		for _, h := range doc.first("main").all(tag) {
			headings[squash(h.text())] = true
		}
	}
	pages := pdfText(t, pdf)
	inFollowUp := 0
	for i, p := range pages {
		var lines []string
		for _, l := range strings.Split(p, "\n") {
			if l := squash(l); l != "" {
				lines = append(lines, l)
			}
		}
		if strings.Contains(p, "Uppföljning av förbättringsområden från 2005") && i > 0 {
			inFollowUp++
		}
		if len(lines) >= 2 && headings[lines[len(lines)-2]] {
			t.Errorf("page %d ends with the heading %q", i+1, lines[len(lines)-2])
		}
	}
	if inFollowUp == 0 {
		t.Error("no page after the first prints the follow-up")
	}
}
