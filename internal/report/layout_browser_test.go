package report_test

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/kompass-dev/kompass/internal/browser"
	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/report"
	"github.com/kompass-dev/kompass/internal/testbase"
)

// The layout tests look at the report as a reader gets it on a screen
// (1 280 px), a phone (390 px) and A4, with the five-member group of the
// synthetic programme and with a published mean series: no page scrolls
// sideways, no chart label is cut off, the kommun is set apart in the group
// radar and its key is whole, and the group table with every member, Medel
// and Rang fits the printed page. All of them share one browser.

const programmeDir = "../../testdata/programme"

// Widths in CSS px: a laptop, a phone, and the content box of A4 portrait
// with the report's page margins (210 mm − 2 × 18 mm = 174 mm = 657,6 px).
const (
	wideWidth  = 1280
	phoneWidth = 390
	a4Width    = 658
)

// viewport is the action that gives the tab a window width (as a phone's
// when mobile).
func viewport(width int, mobile bool) chromedp.Action[chromedp.Void] {
	var o []chromedp.EmulateViewportOption
	if mobile {
		o = append(o, chromedp.EmulateMobile, chromedp.EmulatePortrait)
	}
	return chromedp.EmulateViewport(int64(width), 900, o...)
}

// setViewport resizes the open page and waits until every chart has
// followed.
func setViewport(t *testing.T, tab context.Context, width int, mobile bool) {
	t.Helper()
	if err := chromedp.Do(tab, viewport(width, mobile)); err != nil {
		t.Fatal(err)
	}
	settle(t, tab, fmt.Sprintf("window.innerWidth === %d", width))
}

// settle waits until cond holds and every chart is as wide as its element.
func settle(t *testing.T, tab context.Context, cond string) {
	t.Helper()
	js := `(` + cond + `) && Array.from(document.querySelectorAll(".chart[data-chart]")).every(function (el) {
  var inst = typeof echarts === "undefined" ? null : echarts.getInstanceByDom(el);
  return !inst || inst.getWidth() === el.clientWidth;
})`
	if _, err := chromedp.Run(tab, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("the page did not settle (%s): %v", cond, err)
	}
}

// emulateMedia switches the tab to the CSS of media ("print", or "" for
// the screen).
func emulateMedia(t *testing.T, tab context.Context, media string) {
	t.Helper()
	err := chromedp.Do(tab, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
}

// noSidewaysScroll fails when the page is wider than its viewport, naming
// the widest elements that stick out (outside boxes that scroll themselves).
func noSidewaysScroll(t *testing.T, tab context.Context, what string) {
	t.Helper()
	type result struct {
		ScrollWidth, Width int
		Out                []string
	}
	res, err := chromedp.Run(tab, chromedp.Evaluate[result](`(function () {
  // the layout viewport: on a phone a page wider than it is zoomed out,
  // and window.innerWidth grows with it
  var w = document.documentElement.clientWidth;
  var out = Array.from(document.querySelectorAll("body *")).filter(function (el) {
    return el.getBoundingClientRect().right > w + 0.5 && !el.parentElement.closest(".scroll, table");
  }).slice(0, 5).map(function (el) { return el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + " " + Math.round(el.getBoundingClientRect().right) + " px"; });
  return {ScrollWidth: document.documentElement.scrollWidth, Width: w, Out: out};
})()`))
	if err != nil {
		t.Fatal(err)
	}
	if res.ScrollWidth > res.Width {
		t.Errorf("%s: the page scrolls sideways: scrollWidth %d > %d px; sticking out: %q", what, res.ScrollWidth, res.Width, res.Out)
	}
}

// chartLayout is where a chart's texts lie, and what its group radar shows.
type chartLayout struct {
	ID        string
	Texts     int
	Clipped   []string // texts (axis names, labels) outside the chart's box or the window
	Indicator []string // the radar's axis names as drawn now
	Legend    string   // echarts' legend type
	Series    []struct {
		Name  string
		Width float64
		Type  string
	}
	Key        []string // the HTML key under the chart, in order
	KeyVisible bool
}

const chartLayoutJS = `Array.from(document.querySelectorAll(".chart[data-chart]")).map(function (el) {
  var box = el.getBoundingClientRect(), w = window.innerWidth;
  var st = {ID: el.id, Texts: 0, Clipped: [], Indicator: [], Key: [], Series: []};
  el.querySelectorAll("svg text").forEach(function (t) {
    var r = t.getBoundingClientRect();
    if (r.width === 0 || !t.textContent) { return; }
    st.Texts++;
    if (r.left < Math.max(0, box.left) - 1 || r.right > Math.min(w, box.right) + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
      st.Clipped.push(t.textContent);
    }
  });
  var inst = echarts.getInstanceByDom(el), o = inst.getOption();
  st.Legend = o.legend[0].type;
  if (o.radar) { st.Indicator = o.radar[0].indicator.map(function (i) { return i.name; }); }
  st.Series = o.series.map(function (s) {
    var type = (s.lineStyle || {}).type || "solid";
    return {Name: s.name, Width: (s.lineStyle || {}).width || 0, Type: Array.isArray(type) ? "pattern " + type.join(",") : type};
  });
  var key = document.getElementById(el.id + "-nyckel");
  if (key) {
    st.Key = Array.from(key.querySelectorAll("button")).map(function (b) { return b.textContent; });
    var r = key.getBoundingClientRect();
    st.KeyVisible = !key.hidden && r.height > 0 && r.left >= 0 && r.right <= w + 0.5;
  }
  return st;
})`

// checkCharts checks the charts at the tab's width: no text outside its
// chart, the radar's axes named in full where there is room and by area id
// on a phone, and the group radar as the reader must see it.
func checkCharts(t *testing.T, tab context.Context, r *report.Report, narrow bool) {
	t.Helper()
	charts, err := chromedp.Run(tab, chromedp.Evaluate[[]chartLayout](chartLayoutJS))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range charts {
		if c.Texts == 0 {
			t.Errorf("%s: no text drawn", c.ID)
		}
		if len(c.Clipped) > 0 {
			t.Errorf("%s: texts cut off at the chart's edge: %q", c.ID, c.Clipped)
		}
		if c.Legend == "scroll" {
			t.Errorf("%s: a paging legend (type scroll) hides entries in print", c.ID)
		}
		if len(c.Indicator) > 0 {
			for i, a := range r.Latest.Areas {
				long := strings.HasPrefix(c.Indicator[i], a.ID+" ") && strings.Contains(c.Indicator[i], strings.Fields(a.Name)[0])
				if narrow && c.Indicator[i] != a.ID || !narrow && !long {
					t.Errorf("%s (narrow %v): axis %d is named %q", c.ID, narrow, i+1, c.Indicator[i])
				}
			}
		}
		if c.ID != "chart-group" {
			continue
		}
		checkGroupRadar(t, r, c)
	}
}

// checkGroupRadar: the kommun first in the key and drawn widest, the mean
// dashed and second in the key, every series in the key, the key shown.
func checkGroupRadar(t *testing.T, r *report.Report, c chartLayout) {
	t.Helper()
	own := r.Group.Own.Label
	mean := r.Group.Group.Name
	if r.Group.Group.Kind != "series" {
		mean = "Medel: " + mean
	}
	var names []string
	for _, s := range c.Series {
		names = append(names, s.Name)
		switch {
		case s.Name == own:
		case s.Width >= c.Series[0].Width:
			t.Errorf("chart-group: %q is drawn %.1f px wide, not thinner than the kommun's %.1f px", s.Name, s.Width, c.Series[0].Width)
		}
		if (s.Name == mean) != (s.Type == "dashed") {
			t.Errorf("chart-group: %q has a %s line; only the mean is dashed", s.Name, s.Type)
		}
	}
	if len(names) == 0 || names[0] != own {
		t.Errorf("chart-group: series %q, want the kommun %q first", names, own)
	}
	if len(c.Key) < 2 || c.Key[0] != own || c.Key[1] != mean {
		t.Errorf("chart-group: the key reads %q, want %q first and %q second", c.Key, own, mean)
	}
	if !slices.Equal(sorted(c.Key), sorted(names)) {
		t.Errorf("chart-group: the key %q does not list every series %q", c.Key, names)
	}
	if !c.KeyVisible {
		t.Error("chart-group: the key is not visible within the window")
	}
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// groupRows are the row labels the group table must show, in order.
func groupRows(r *report.Report) []string {
	g := r.Group
	rows := []string{g.Own.Label}
	if g.Group.Kind == "series" {
		return append(rows, g.Group.Name, "Skillnad")
	}
	for _, m := range g.Members {
		if m.File != g.Own.File {
			rows = append(rows, m.Label)
		}
	}
	return append(rows, "Medel", "Min", "Max", "Skillnad mot medel", "Rang")
}

// checkGroupTableFits checks, under the print CSS at the width of A4's
// content box, that the page is no wider and that every row label and
// number of the group table lies within it.
func checkGroupTableFits(t *testing.T, tab context.Context, r *report.Report) {
	t.Helper()
	type table struct {
		Rows        []string
		Cells       int
		Outside     []string
		Right       float64
		ScrollWidth int
	}
	got, err := chromedp.Run(tab, chromedp.Evaluate[table](`(function () {
  var w = window.innerWidth, tb = document.getElementById("grupp-tabell");
  var res = {Rows: [], Cells: 0, Outside: [], Right: tb.getBoundingClientRect().right, ScrollWidth: document.documentElement.scrollWidth};
  tb.querySelectorAll("tbody th[scope=row]").forEach(function (th) { res.Rows.push(th.textContent); });
  tb.querySelectorAll("th, td").forEach(function (c) {
    var rc = c.getBoundingClientRect();
    res.Cells++;
    if (rc.left < -0.5 || rc.right > w + 0.5 || rc.width === 0) { res.Outside.push(c.textContent); }
  });
  return res;
})()`))
	if err != nil {
		t.Fatal(err)
	}
	if got.ScrollWidth > a4Width {
		t.Errorf("print: the page is %d px wide, A4's content box %d px", got.ScrollWidth, a4Width)
	}
	if want := groupRows(r); !slices.Equal(got.Rows, want) {
		t.Errorf("print: the group table's rows %q, want %q", got.Rows, want)
	}
	if len(got.Outside) > 0 || got.Right > a4Width+0.5 {
		t.Errorf("print: the group table ends at %.0f px (A4 %d px); cells outside the page: %q", got.Right, a4Width, got.Outside)
	}
	if want := (1 + len(r.Areas) + 1) * (1 + len(got.Rows)); got.Cells != want {
		t.Errorf("print: the group table has %d cells, want %d (label, %d areas, Totalt per row)", got.Cells, want, len(r.Areas))
	}
}

var pdfWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>`)

// checkPDFText checks the printed PDF's text (pdftotext -layout, pages)
// and words (pdftotext -bbox, bbox): the page with the group table holds
// every row label, and no word lies in the right margin or beyond the
// page.
func checkPDFText(t *testing.T, pages []string, bbox string, r *report.Report) {
	t.Helper()
	if r.Group != nil {
		caption := "Jämförelse med gruppen: " + r.Group.Group.Name
		var page string
		for _, p := range pages {
			if strings.Contains(p, caption) {
				page = p
			}
		}
		if page == "" {
			t.Errorf("no page of the PDF holds the group table (%q)", caption)
		} else {
			for _, label := range groupRows(r) {
				if !strings.Contains(page, label) {
					t.Errorf("the PDF's page with the group table lacks %q", label)
				}
			}
		}
	}
	// A4 is 595,3 pt wide; the right margin is 18 mm (51 pt).
	const right = 595.3 - 51.0
	for _, m := range pdfWord.FindAllStringSubmatch(bbox, -1) {
		if x, _ := strconv.ParseFloat(m[2], 64); x > right+1 {
			t.Errorf("the PDF has %q at x = %.0f pt, in the right margin (the text ends at %.0f pt)", m[3], x, right)
		}
	}
}

// checkScriptMissing opens the page of kompass report --all, which links
// one shared echarts.min.js, without that script beside it: the page says
// so where each chart would be.
func checkScriptMissing(t *testing.T, tab context.Context, path string, r *report.Report) {
	t.Helper()
	u, err := browser.FileURL(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tab, browser.BlockNetwork(), chromedp.Navigate(u)); err != nil {
		t.Fatal(err)
	}
	drawn, err := chromedp.Run(tab, browser.ChartsDrawn(10*time.Second))
	if err != nil || drawn != "0" {
		t.Fatalf("data-charts-drawn = %q, %v; want 0 without the script", drawn, err)
	}
	type state struct {
		Text   string
		Height float64
		Keys   int
	}
	got, err := chromedp.Run(tab, chromedp.Evaluate[[]state](`Array.from(document.querySelectorAll(".chart[data-chart]")).map(function (el) {
  var key = document.getElementById(el.id + "-nyckel");
  return {Text: el.innerText, Height: el.getBoundingClientRect().height, Keys: key && !key.hidden ? 1 : 0};
})`))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(r.Charts) {
		t.Fatalf("%d chart elements, want %d", len(got), len(r.Charts))
	}
	for i, s := range got {
		if !strings.Contains(s.Text, report.ScriptFile+" saknas") || s.Height < 100 {
			t.Errorf("%s: shows %q (%.0f px high), want the message that %s is missing", r.Charts[i].ID, s.Text, s.Height, report.ScriptFile)
		}
		if s.Keys != 0 {
			t.Errorf("%s: the key of a chart that is not drawn is shown", r.Charts[i].ID)
		}
	}
	text, err := chromedp.Run(tab, chromedp.Evaluate[string](`document.getElementById("diagram").innerText`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "Diagrammen ritas av skriptet "+report.ScriptFile+", som ska ligga i samma mapp som rapporten") {
		t.Errorf("the Diagram section does not say that the charts need %s:\n%s", report.ScriptFile, text)
	}
}

// checkPrintedRadars: under the print CSS at A4's width each radar is at
// least 75 mm across (it was 49 mm), so that its polygons can be told apart
// on paper.
func checkPrintedRadars(t *testing.T, tab context.Context) {
	t.Helper()
	diameters, err := chromedp.Run(tab, chromedp.Evaluate[map[string]float64](`(function () {
  var out = {};
  document.querySelectorAll(".chart[data-chart]").forEach(function (el) {
    var inst = echarts.getInstanceByDom(el), radar = inst.getModel().getComponent("radar");
    if (radar) { out[el.id] = 2 * radar.coordinateSystem.r * 25.4 / 96; }
  });
  return out;
})()`))
	if err != nil {
		t.Fatal(err)
	}
	if len(diameters) == 0 {
		t.Error("print: no radar")
	}
	for id, d := range diameters {
		if d < 75 {
			t.Errorf("print: %s is %.0f mm across, want at least 75 mm", id, d)
		}
	}
}

// TestBrowserIndex opens the index page of kompass report --all of a whole
// programme — kommuner evaluated with four instrument versions, and a
// published mean — on a phone: one table per version, headed by it,
// listing every kommun evaluated with that version and the mean; no
// sideways scroll, no request but for the file, no console error; no axe
// violation; its tables sort by a click on a column (Kommun in the
// Swedish order, Totalt highest first), and the sort buttons show the
// keyboard's focus.
func TestBrowserIndex(t *testing.T) {
	t.Parallel()
	tab := testbase.ReusedTab(t)
	set := loadSet(t, programmeDir)
	hrefs := map[string]string{}
	for _, k := range set.Kommuner() {
		hrefs[k] = evaluation.Slug(k) + ".html"
	}
	versions := map[string][]string{} // instrument ref → kommuner, in the set's order
	seen := map[string]bool{}
	for _, ev := range set.Evaluations {
		k := ev.Instrument.Ref() + "\x00" + ev.Facts.Kommun
		if !seen[k] {
			seen[k] = true
			versions[ev.Instrument.Ref()] = append(versions[ev.Instrument.Ref()], ev.Facts.Kommun)
		}
	}
	if len(versions) != 4 {
		t.Fatalf("the programme has %d instrument versions, want 4", len(versions))
	}
	entries := report.IndexEntries(set, hrefs)
	var buf bytes.Buffer
	if err := report.WriteIndex(&buf, entries); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "index.html")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	u, err := browser.FileURL(path)
	if err != nil {
		t.Fatal(err)
	}
	log, stop := record(tab)
	if err := chromedp.Do(tab, viewport(phoneWidth, true), browser.BlockNetwork(), chromedp.Navigate(u)); err != nil {
		stop()
		t.Fatal(err)
	}
	noSidewaysScroll(t, tab, "index at 390 px")
	checkAxe(t, tab, "index at 390 px")

	type table struct {
		ID, Heading string
		Rows        []string
	}
	tables, err := chromedp.Run(tab, chromedp.Evaluate[[]table](`Array.from(document.querySelectorAll("table.index-tabell")).map(function (tb) {
  return {ID: tb.id, Heading: tb.closest("section").querySelector("h2").textContent,
    Rows: Array.from(tb.querySelectorAll("tbody th")).map(function (th) { return th.firstChild.textContent.trim(); })};
})`))
	if err != nil {
		t.Fatal(err)
	}
	if len(tables) != len(versions) {
		t.Fatalf("%d index tables, want one per instrument version (%d)", len(tables), len(versions))
	}
	for _, tb := range tables {
		ref := tb.Heading[strings.LastIndex(tb.Heading, "(")+1 : len(tb.Heading)-1]
		want, ok := versions[ref]
		if !ok || !strings.HasPrefix(tb.Heading, "Kommunkompassen ") {
			t.Errorf("table %s is headed %q, want the name of an instrument version and (id@version)", tb.ID, tb.Heading)
			continue
		}
		if !slices.Equal(tb.Rows, want) {
			t.Errorf("table of %s lists %q, want every kommun evaluated with it %q", ref, tb.Rows, want)
		}
	}

	// the first click on Totalt in the @2007 table: highest first
	got, err := chromedp.Run(tab, chromedp.Evaluate[[]string](`(function () {
  var tb = document.getElementById("kommunkompassen-2007-tabell");
  var th = tb.tHead.rows[0].cells[2];
  th.querySelector("button").click();
  return [th.getAttribute("aria-sort")].concat(Array.from(tb.tBodies[0].rows).map(function (r) { return r.cells[2].getAttribute("data-value"); }));
})()`))
	if err != nil {
		t.Fatal(err)
	}
	var totals []float64
	for _, v := range got[1:] {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			t.Fatalf("Totalt %q: %v", v, err)
		}
		totals = append(totals, f)
	}
	if got[0] != "descending" || !slices.IsSortedFunc(totals, func(a, b float64) int { return cmp.Compare(b, a) }) {
		t.Errorf("after the first click on Totalt: aria-sort %q, totals %v; want descending, highest first", got[0], totals)
	}

	// the @2020 table, with the mean Exempelsnitt and Exempelå, Pahittby
	// and Påhittby: by Kommun down and up, then by Totalt
	const v2020 = "kommunkompassen-2020-tabell"
	var rows []report.IndexEntry
	for _, e := range entries {
		if e.Instrument == "kommunkompassen@2020" {
			rows = append(rows, e)
		}
	}
	names := func(es []report.IndexEntry) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.Kommun)
		}
		return out
	}
	order := func() []string {
		t.Helper()
		names, err := chromedp.Run(tab, chromedp.Evaluate[[]string](
			`Array.from(document.querySelectorAll("#`+v2020+` tbody th")).map(function (th) { return th.firstChild.textContent.trim(); })`))
		if err != nil {
			t.Fatal(err)
		}
		return names
	}
	click := func(col int) string {
		t.Helper()
		sort, err := chromedp.Run(tab, chromedp.Evaluate[string](fmt.Sprintf(
			`(function () { var th = document.querySelectorAll("#`+v2020+` thead th")[%d]; th.querySelector("button").click(); return th.getAttribute("aria-sort"); })()`, col)))
		if err != nil {
			t.Fatal(err)
		}
		return sort
	}
	given := names(rows)
	if !slices.ContainsFunc(rows, func(e report.IndexEntry) bool { return e.Mean }) || !slices.Contains(given, "Påhittby") || !slices.Contains(given, "Pahittby") {
		t.Fatalf("the @2020 entries are %q, want a mean among them, Pahittby and Påhittby", given)
	}
	if got := order(); !slices.Equal(got, given) {
		t.Errorf("index rows %q: not in the given order %q", got, given)
	}
	desc := slices.Clone(given)
	slices.SortFunc(desc, func(a, b string) int { return -evalset.CompareNames(a, b) })
	// Kommun is marked ascending, so the first click sorts it descending.
	if s := click(0); s != "descending" || !slices.Equal(order(), desc) {
		t.Errorf("after a click on Kommun: aria-sort %q, rows %q; want %q", s, order(), desc)
	}
	slices.Reverse(desc)
	if s := click(0); s != "ascending" || !slices.Equal(order(), desc) {
		t.Errorf("after a second click on Kommun: aria-sort %q, rows %q; want %q", s, order(), desc)
	}
	byTotal := slices.Clone(rows)
	slices.SortStableFunc(byTotal, func(a, b report.IndexEntry) int { return cmp.Compare(*b.Total, *a.Total) })
	if s := click(2); s != "descending" || !slices.Equal(order(), names(byTotal)) {
		t.Errorf("after a click on Totalt: aria-sort %q, rows %q; want %q", s, order(), names(byTotal))
	}
	// the sort buttons show the keyboard's focus (WCAG 2.4.7)
	outline, err := chromedp.Run(tab, chromedp.Evaluate[string](`(function () {
  var b = document.querySelector("#`+v2020+` thead button");
  b.focus();
  return b.matches(":focus-visible") ? getComputedStyle(b).outlineStyle + " " + getComputedStyle(b).outlineWidth : "not focus-visible";
})()`))
	if err != nil || outline != "solid 3px" {
		t.Errorf("a focused sort button has the outline %q (%v), want solid 3px", outline, err)
	}
	stop()
	for _, u := range log.requests {
		if !strings.HasPrefix(u, "file:") {
			t.Errorf("the index requested %s", u)
		}
	}
	for _, m := range log.console {
		if m.Type == chromedp.ConsoleError || m.IsException() {
			t.Errorf("index: console %s", m)
		}
	}
}
