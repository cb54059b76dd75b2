package report_test

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/kompass-dev/kompass/internal/report"
	"github.com/kompass-dev/kompass/internal/testkit"
)

// axeTags are the rules axe-core runs: WCAG 2.0, 2.1 and 2.2, levels A and
// AA.
const axeTags = `["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]`

type axeViolation struct {
	ID, Impact, Help string
	Nodes            []string
}

// checkAxe runs axe-core in the page open in the tab and fails on every
// violation of WCAG 2.0–2.2 A and AA, naming the rule and the first
// elements. Without axe-core the test is skipped (failed under CI=true).
func checkAxe(t *testing.T, tab context.Context, what string) {
	t.Helper()
	src := testkit.AxeCore(t)
	loaded, err := chromedp.Run(tab, chromedp.Evaluate[bool](`typeof axe !== "undefined"`))
	if err != nil {
		t.Fatal(err)
	}
	if !loaded {
		if err := chromedp.Do(tab, chromedp.Evaluate[chromedp.Void](src+"\n;void 0")); err != nil {
			t.Fatalf("loading axe-core: %v", err)
		}
	}
	js := `axe.run(document, {runOnly: {type: "tag", values: ` + axeTags + `}, resultTypes: ["violations"]}).then(function (res) {
  return res.violations.map(function (v) {
    return {ID: v.id, Impact: v.impact || "", Help: v.help, Nodes: v.nodes.slice(0, 4).map(function (n) { return n.target.join(" ") + ": " + (n.failureSummary || "").split("\n").slice(0, 2).join(" "); })};
  });
})`
	violations, err := chromedp.Run(tab, chromedp.Evaluate[[]axeViolation](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: axe.run: %v", what, err)
	}
	for _, v := range violations {
		t.Errorf("%s: axe %s (%s): %s\n\t%s", what, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
	}
}

// checkPhone looks at the report at 390 px as a phone shows it: the table
// of scores over the years shows, in each row, the newest score and the
// newest change first and within the screen; a table wider than the
// screen says so, takes the keyboard's focus and scrolls with the arrow
// keys; and no word of a table is broken inside.
func checkPhone(t *testing.T, tab context.Context, r *report.Report) {
	t.Helper()
	type row struct {
		Label            string
		Newest, Change   string
		Visible, First   bool
		CellsInRow, Cols int
	}
	rows, err := chromedp.Run(tab, chromedp.Evaluate[[]row](`Array.from(document.querySelectorAll("table.trend tr")).filter(function (tr) {
  return tr.querySelector("td.newest");
}).map(function (tr) {
  var w = window.innerWidth, n = tr.querySelector("td.newest"), c = tr.querySelector("td.newest-change");
  var inView = function (el) { var b = el.getBoundingClientRect(); return b.width > 0 && b.height > 0 && b.left >= 0 && b.right <= w + 0.5; };
  var rank = function (el) { var b = el.getBoundingClientRect(); return [b.top, b.left]; };
  var first = true, newest = [n].concat(c ? [c] : []);
  tr.querySelectorAll("td").forEach(function (td) {
    if (newest.indexOf(td) >= 0) { return; }
    newest.forEach(function (x) {
      var a = rank(x), b = rank(td);
      if (a[0] > b[0] + 1 || (Math.abs(a[0] - b[0]) <= 1 && a[1] > b[1])) { first = false; }
    });
  });
  return {Label: tr.querySelector("th").textContent, Newest: n.textContent, Change: c ? c.textContent : "",
    Visible: newest.every(inView), First: first, CellsInRow: tr.cells.length, Cols: 0};
})`))
	if err != nil {
		t.Fatal(err)
	}
	if want := len(r.Trend.Areas) + 1; len(rows) < want {
		t.Errorf("390 px: %d rows with a newest score, want %d (the areas and the total)", len(rows), want)
	}
	for _, rw := range rows {
		if !rw.Visible || !rw.First {
			t.Errorf("390 px: row %q: the newest score %q and change %q are visible %v, first %v", rw.Label, rw.Newest, rw.Change, rw.Visible, rw.First)
		}
	}
	if r.Changes && len(rows) > 0 && rows[0].Change == "" {
		t.Errorf("390 px: the first row shows no newest change")
	}

	// wide tables: the cue, the focus, the keys
	type box struct {
		ID             string
		Wide, Cue      bool
		Focusable      bool
		ScrollAfterKey int
	}
	boxes, err := chromedp.Run(tab, chromedp.Evaluate[[]box](`Array.from(document.querySelectorAll(".scroll-box")).map(function (b) {
  var sc = b.querySelector(".scroll"), tb = sc.querySelector("table");
  return {ID: tb.id || tb.querySelector("caption").textContent.slice(0, 40), Wide: sc.scrollWidth > sc.clientWidth + 1,
    Cue: b.classList.contains("wide") && getComputedStyle(b, "::before").content.indexOf("bredare") >= 0,
    Focusable: sc.tabIndex === 0, ScrollAfterKey: 0};
})`))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range boxes {
		if !b.Focusable {
			t.Errorf("390 px: the scroll box of %q cannot take the keyboard's focus", b.ID)
		}
		if b.Wide != b.Cue {
			t.Errorf("390 px: table %q is wider than its box %v, and says so %v", b.ID, b.Wide, b.Cue)
		}
	}
	if r.Group != nil {
		// the group table's total, and the kommun's rank in it, in view
		// without scrolling: Totalt is its first column
		hidden, err := chromedp.Run(tab, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#grupp-tabell tr")).filter(function (tr) {
  var c = tr.cells[1], b = c.getBoundingClientRect();
  return b.width === 0 || b.left < 0 || b.right > window.innerWidth + 0.5;
}).map(function (tr) { return tr.cells[0].textContent + ": " + tr.cells[1].textContent; })`))
		if err != nil {
			t.Fatal(err)
		}
		if len(hidden) > 0 {
			t.Errorf("390 px: the group table's Totalt is off the screen in %q", hidden)
		}
		// the group table is wider than a phone: the arrow keys scroll it
		sel := `#grupp-tabell`
		if err := chromedp.Do(tab, chromedp.Evaluate[chromedp.Void](`document.querySelector("`+sel+`").closest(".scroll").focus()`)); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(tab, chromedp.KeyEvent(kb.ArrowRight), chromedp.KeyEvent(kb.ArrowRight)); err != nil {
			t.Fatal(err)
		}
		left, err := chromedp.Run(tab, chromedp.Poll[float64](`(function () { var s = document.querySelector("`+sel+`").closest(".scroll"); return s.scrollLeft > 0 || s.scrollWidth <= s.clientWidth ? s.scrollLeft + 0.001 : 0; })()`))
		if err != nil || left <= 0 {
			t.Errorf("390 px: the arrow keys do not scroll the group table (scrollLeft %v, %v)", left, err)
		}
		if err := chromedp.Do(tab, chromedp.Evaluate[chromedp.Void](`document.querySelector("`+sel+`").closest(".scroll").scrollLeft = 0`)); err != nil {
			t.Fatal(err)
		}
	}

	// no word of a table broken over two lines
	broken, err := chromedp.Run(tab, chromedp.Evaluate[[]string](`(function () {
  var out = [], range = document.createRange();
  document.querySelectorAll("main table th, main table td").forEach(function (cell) {
    var walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var re = /\S+/g, m;
      while ((m = re.exec(node.data)) !== null) {
        range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
        var lines = {};
        Array.prototype.forEach.call(range.getClientRects(), function (rc) { if (rc.width > 0) { lines[Math.round(rc.top)] = true; } });
        if (Object.keys(lines).length > 1 && !/[-\/–]/.test(m[0])) { out.push(m[0]); }
      }
    }
  });
  return out.slice(0, 10);
})()`))
	if err != nil {
		t.Fatal(err)
	}
	if len(broken) > 0 {
		t.Errorf("390 px: words broken over two lines in tables: %q", broken)
	}
}

// checkRadars checks the radars as drawn: the axes run clockwise from area
// 1 at the top, as in SKL's figure, and the first axis shows the scale of
// the rings (0–100 for the area's maxpoäng of 100).
func checkRadars(t *testing.T, tab context.Context, r *report.Report) {
	t.Helper()
	type text struct {
		Text string
		X, Y float64 // from the radar's centre, y downwards
	}
	type radarState struct {
		ID    string
		Texts []text
	}
	states, err := chromedp.Run(tab, chromedp.Evaluate[[]radarState](`Array.from(document.querySelectorAll(".chart[data-chart]")).filter(function (el) {
  var o = echarts.getInstanceByDom(el).getOption(); return !!o.radar;
}).map(function (el) {
  var inst = echarts.getInstanceByDom(el), cs = inst.getModel().getComponent("radar").coordinateSystem;
  var box = el.getBoundingClientRect();
  return {ID: el.id, Texts: Array.from(el.querySelectorAll("svg text")).map(function (t) {
    var b = t.getBoundingClientRect();
    return {Text: t.textContent, X: b.left + b.width / 2 - box.left - cs.cx, Y: b.top + b.height / 2 - box.top - cs.cy};
  })};
})`))
	if err != nil {
		t.Fatal(err)
	}
	if len(states) == 0 {
		t.Fatal("no radar drawn")
	}
	for _, st := range states {
		angle := map[string]float64{} // area id → angle of its name, clockwise from the top, degrees
		rings := map[string]text{}
		for _, tx := range st.Texts {
			for _, a := range r.Latest.Areas {
				if strings.HasPrefix(tx.Text, a.ID+" ") || tx.Text == a.ID {
					if _, seen := angle[a.ID]; !seen {
						angle[a.ID] = math.Mod(math.Atan2(tx.X, -tx.Y)*180/math.Pi+360, 360)
					}
				}
			}
			rings[tx.Text] = tx
		}
		if len(angle) != len(r.Latest.Areas) {
			t.Errorf("%s: %d of %d axes named", st.ID, len(angle), len(r.Latest.Areas))
			continue
		}
		step := 360.0 / float64(len(r.Latest.Areas))
		for i, a := range r.Latest.Areas {
			want := step * float64(i)
			d := math.Abs(math.Mod(angle[a.ID]-want+540, 360) - 180)
			if d > step/2 {
				t.Errorf("%s: area %s is named at %.0f°, want about %.0f° clockwise from the top", st.ID, a.ID, angle[a.ID], want)
			}
		}
		// the scale: 20 … 100 on the first axis, above the centre
		max := r.Latest.Areas[0].Max
		for i := 1; i <= 5; i++ {
			label := strings.TrimSuffix(strings.TrimSuffix(fmt.Sprintf("%.1f", max.Float()*float64(i)/5), "0"), ".")
			label = strings.ReplaceAll(label, ".", ",")
			tx, ok := rings[label]
			if !ok || tx.Y >= 0 || math.Abs(tx.X) > 40 {
				t.Errorf("%s: the ring %s is not labelled on the first axis (%v, %+v)", st.ID, label, ok, tx)
			}
		}
	}
}

// measureJS counts the characters of each full line of running text — the
// paragraphs and list items of the evaluators' text and of the report's own
// prose in <main>, not tables, figures or notes — from the boxes of its
// words; a paragraph's last line is not full and is left out.
const measureJS = `(function () {
  var lines = [], range = document.createRange();
  document.querySelectorAll("main p, main li").forEach(function (el) {
    if (el.closest("table, figure, nav, .note, .lists, .area-list, .legend, footer") || el.textContent.length < 120) { return; }
    var rows = {}, order = [];
    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var re = /\S+/g, m;
      while ((m = re.exec(node.data)) !== null) {
        range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
        var rc = range.getClientRects();
        if (!rc.length) { continue; }
        var top = Math.round(rc[0].top);
        if (!(top in rows)) { rows[top] = 0; order.push(top); }
        rows[top] += m[0].length + 1;
      }
    }
    order.sort(function (a, b) { return a - b; });
    order.slice(0, -1).forEach(function (top) { lines.push(rows[top] - 1); });
  });
  return lines;
})()`

// checkMeasure checks the measure of the running text as the tab shows it:
// full lines of 65 to 85 characters on average, none longer than 95.
func checkMeasure(t *testing.T, tab context.Context, what string) {
	t.Helper()
	lines, err := chromedp.Run(tab, chromedp.Evaluate[[]int](measureJS))
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) < 10 {
		t.Fatalf("%s: %d full lines of running text; the measure cannot be told", what, len(lines))
	}
	sum, longest := 0, 0
	for _, n := range lines {
		sum += n
		longest = max(longest, n)
	}
	mean := float64(sum) / float64(len(lines))
	t.Logf("%s: %d full lines of running text, %.1f characters on average, the longest %d", what, len(lines), mean, longest)
	if mean < 65 || mean > 85 || longest > 95 {
		t.Errorf("%s: the running text has %.1f characters a line on average (the longest %d); want 65–85", what, mean, longest)
	}
}
