package report_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/points"
	"github.com/kompass-dev/kompass/internal/report"
)

// chartJSON is the part of a chart's echarts options the tests look at.
type chartJSON struct {
	Animation *bool `json:"animation"`
	Legend    struct {
		Data []string `json:"data"`
	} `json:"legend"`
	Series []struct {
		Name string            `json:"name"`
		Type string            `json:"type"`
		Data []json.RawMessage `json:"data"`
	} `json:"series"`
}

// seriesValues returns the values of each series in the options: the
// radar's one data item's value list, or the bar's data values in order.
// A missing value (null) reads as 0, as in Chart.Series.
func seriesValues(t *testing.T, c chartJSON) [][]float64 {
	t.Helper()
	var out [][]float64
	for _, s := range c.Series {
		switch s.Type {
		case "radar":
			if len(s.Data) != 1 {
				t.Fatalf("radar series %q has %d data items, want 1", s.Name, len(s.Data))
			}
			var d struct{ Value []*float64 }
			if err := json.Unmarshal(s.Data[0], &d); err != nil {
				t.Fatal(err)
			}
			var vs []float64
			for _, v := range d.Value {
				if v == nil {
					vs = append(vs, 0)
				} else {
					vs = append(vs, *v)
				}
			}
			out = append(out, vs)
		case "bar":
			var vs []float64
			for _, raw := range s.Data {
				var d struct{ Value *float64 }
				if err := json.Unmarshal(raw, &d); err != nil {
					t.Fatal(err)
				}
				if d.Value == nil {
					vs = append(vs, 0)
				} else {
					vs = append(vs, *d.Value)
				}
			}
			out = append(out, vs)
		default:
			t.Fatalf("series %q has type %q", s.Name, s.Type)
		}
	}
	return out
}

// decodeChart parses a chart's options and checks what every chart must
// satisfy: valid JSON, safe inside <script>, no animation, and the same
// series as the Go model.
func decodeChart(t *testing.T, ch report.Chart) chartJSON {
	t.Helper()
	opts := string(ch.Options)
	if i := strings.IndexAny(opts, "<>&"); i >= 0 {
		t.Errorf("%s: options hold a raw %q at %d; <, > and & must be escaped as \\u003c, \\u003e, \\u0026", ch.ID, opts[i], i)
	}
	if strings.ContainsAny(opts, "\u2028\u2029") {
		t.Errorf("%s: options hold a raw U+2028 or U+2029", ch.ID)
	}
	var generic map[string]any
	if err := json.Unmarshal([]byte(opts), &generic); err != nil {
		t.Fatalf("%s: options are not JSON: %v", ch.ID, err)
	}
	var c chartJSON
	if err := json.Unmarshal([]byte(opts), &c); err != nil {
		t.Fatalf("%s: %v", ch.ID, err)
	}
	if c.Animation == nil || *c.Animation {
		t.Errorf("%s: animation is %v, want false (the page must print as it is shown)", ch.ID, generic["animation"])
	}
	if len(c.Series) != len(ch.Series) {
		t.Fatalf("%s: options have %d series, the model %d", ch.ID, len(c.Series), len(ch.Series))
	}
	vals := seriesValues(t, c)
	for i, s := range ch.Series {
		if c.Series[i].Name != s.Name {
			t.Errorf("%s: series %d is %q in the options, %q in the model", ch.ID, i, c.Series[i].Name, s.Name)
		}
		if !slices.Equal(vals[i], s.Values) {
			t.Errorf("%s: series %q: options %v, model %v", ch.ID, s.Name, vals[i], s.Values)
		}
	}
	return c
}

type wantSeries struct {
	name   string
	values []float64
}

func checkSeries(t *testing.T, ch report.Chart, want []wantSeries) {
	t.Helper()
	var got []wantSeries
	for _, s := range ch.Series {
		got = append(got, wantSeries{s.Name, s.Values})
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("%s: series\n got %v\nwant %v", ch.ID, got, want)
	}
}

// TestChartsSmall checks the three charts of Exempelkommun A 2007 with its
// group against numbers worked out by hand from fixture_test.go.
func TestChartsSmall(t *testing.T) {
	r := smallReport(t)
	var ids []string
	for _, ch := range r.Charts {
		ids = append(ids, ch.ID)
	}
	if want := []string{"chart-years", "chart-change", "chart-group"}; !slices.Equal(ids, want) {
		t.Fatalf("chart ids %v, want %v", ids, want)
	}
	charts := map[string]report.Chart{}
	for _, ch := range r.Charts {
		charts[ch.ID] = ch
		decodeChart(t, ch)
	}
	checkSeries(t, charts["chart-years"], []wantSeries{
		{"2005", []float64{60, 58.5, 70, 50, 55, 65, 60, 80}},
		{"2007", []float64{70, 65.5, 80, 55, 60, 72.5, 68, 90}},
	})
	// The group's mean per area, rounded half up to thousandths of a point:
	// e.g. area 1 (70 + 62,5 + 80) / 3 = 70,8333… → 70,833.
	checkSeries(t, charts["chart-group"], []wantSeries{
		{"Exempelkommun A 2007", []float64{70, 65.5, 80, 55, 60, 72.5, 68, 90}},
		{"Exempelkommun B 2007", []float64{62.5, 65.5, 75, 55, 71, 60, 68, 85.5}},
		{"Exempelkommun C 2007", []float64{80, 50, 75, 61.5, 60, 72.5, 70, 77}},
		{"Medel: Exempelgruppen 2007", []float64{70.833, 60.333, 76.667, 57.167, 63.667, 68.333, 68.667, 84.167}},
	})
	checkSeries(t, charts["chart-change"], []wantSeries{
		{"2005→2007", []float64{10, 7, 10, 5, 5, 7.5, 8, 10}},
	})

	// The radar's axes are the instrument's eight areas with their max;
	// the bar's categories are the area ids.
	var radar struct {
		Radar struct {
			Indicator []struct {
				Name string
				Max  float64
			}
		}
		XAxis []struct{ Data []string }
	}
	if err := json.Unmarshal([]byte(charts["chart-years"].Options), &radar); err != nil {
		t.Fatal(err)
	}
	if n := len(radar.Radar.Indicator); n != 8 {
		t.Fatalf("chart-years has %d radar axes, want 8", n)
	}
	for i, ind := range radar.Radar.Indicator {
		if ind.Max != 100 || !strings.HasPrefix(ind.Name, fmt.Sprint(i+1)+" ") && !strings.HasPrefix(ind.Name, fmt.Sprint(i+1)+"\n") {
			t.Errorf("chart-years axis %d: %q max %v", i+1, ind.Name, ind.Max)
		}
	}
	if err := json.Unmarshal([]byte(charts["chart-change"].Options), &radar); err != nil {
		t.Fatal(err)
	}
	if len(radar.XAxis) != 1 || !slices.Equal(radar.XAxis[0].Data, []string{"1", "2", "3", "4", "5", "6", "7", "8"}) {
		t.Errorf("chart-change categories %+v", radar.XAxis)
	}
}

// TestChartsReal checks the charts of the shipped evaluations: Umeå over
// three years with its change chart, Vallentuna against Sverigesnitt 2021,
// and Örebro alone.
func TestChartsReal(t *testing.T) {
	umea := umeaReport(t)
	if got := chartIDs(umea); !slices.Equal(got, []string{"chart-years", "chart-change"}) {
		t.Errorf("Umeå charts %v", got)
	}
	for _, ch := range umea.Charts {
		decodeChart(t, ch)
	}
	checkSeries(t, umea.Charts[0], []wantSeries{
		{"2003", []float64{56, 55, 64.5, 71.5, 45, 68.5, 57, 80}},
		{"2005", []float64{66, 69.5, 80, 82.5, 71, 78, 71, 90}},
		{"2007", []float64{73, 79.5, 79, 84.5, 78, 78, 75, 98}}, // area 5 corrected to 78 (see evaluations/umea-2007.xlsx)
	})
	checkSeries(t, umea.Charts[1], []wantSeries{
		{"2005→2007", []float64{7, 10, -1, 2, 7, 0, 4, 8}},
	})

	vall := build(t, evaluationsDir, report.Options{Kommun: "Vallentuna", Group: "Sverigesnitt 2021"})
	// evaluated once: the group's radar shows its polygon, and the radar
	// of its years would show nothing else
	if got := chartIDs(vall); !slices.Equal(got, []string{"chart-group"}) {
		t.Errorf("Vallentuna charts %v", got)
	}
	for _, ch := range vall.Charts {
		decodeChart(t, ch)
	}
	checkSeries(t, vall.Charts[0], []wantSeries{
		{"Vallentuna 2021", []float64{73, 75, 80, 83, 86, 82, 86, 83}},
		{"Sverigesnitt 2021", []float64{63, 65, 73, 64, 61, 59, 68, 64}},
	})

	orebro := build(t, evaluationsDir, report.Options{Kommun: "Örebro"})
	if got := chartIDs(orebro); !slices.Equal(got, []string{"chart-years"}) {
		t.Errorf("Örebro charts %v", got)
	}
	for _, ch := range orebro.Charts {
		decodeChart(t, ch)
	}
}

func chartIDs(r *report.Report) []string {
	var ids []string
	for _, ch := range r.Charts {
		ids = append(ids, ch.ID)
	}
	return ids
}

// TestChartsHostile checks that markup in names reaches the chart options
// escaped, and comes back out of the JSON as the exact text.
func TestChartsHostile(t *testing.T) {
	r := hostileReport(t)
	for _, ch := range r.Charts {
		decodeChart(t, ch)
	}
	years := string(r.Charts[0].Options)
	if !strings.Contains(years, `Exempel\u003c/script\u003e\u003cscript\u003ewindow.__pwned=1\u003c/script\u003ekommun`) {
		t.Errorf("chart-years options do not hold the kommun name escaped:\n%s", years)
	}
	var group chartJSON
	if err := json.Unmarshal([]byte(r.Charts[len(r.Charts)-1].Options), &group); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range group.Series {
		names = append(names, s.Name)
	}
	want := []string{hostileKommun + " 2007", "Exempelkommun B 2007", "Medel: " + hostileGroup}
	if !slices.Equal(names, want) {
		t.Errorf("chart-group series %q, want %q", names, want)
	}
}

// reportsToCheck are the pages whose structure the tests check: the
// fixtures and every kommun of the shipped set.
func reportsToCheck(t *testing.T) map[string]*report.Report {
	return map[string]*report.Report{
		"small":                          smallReport(t),
		"small without group":            build(t, smallDir, report.Options{Kommun: kommunA}),
		"Exempelkommun B (area level)":   build(t, smallDir, report.Options{Kommun: "Exempelkommun B", Group: smallGroup}),
		"hostile":                        hostileReport(t),
		"Umeå":                           umeaReport(t),
		"Umeå 2005":                      build(t, evaluationsDir, report.Options{Kommun: "Umeå", Year: 2005}),
		"Örebro":                         build(t, evaluationsDir, report.Options{Kommun: "Örebro"}),
		"Vallentuna":                     build(t, evaluationsDir, report.Options{Kommun: "Vallentuna"}),
		"Vallentuna vs Sverigesnitt2021": build(t, evaluationsDir, report.Options{Kommun: "Vallentuna", Group: "Sverigesnitt 2021"}),
	}
}

// TestStructure checks what makes a page accessible and self-contained,
// for each report in both script variants.
func TestStructure(t *testing.T) {
	for name, r := range reportsToCheck(t) {
		for _, wo := range []report.WriteOptions{{}, {ScriptSrc: report.ScriptFile}} {
			t.Run(fmt.Sprintf("%s/script=%q", name, wo.ScriptSrc), func(t *testing.T) {
				page := write(t, r, wo)
				checkStructure(t, r, parseHTML(t, page), wo)
			})
		}
	}
}

var headingTag = regexp.MustCompile(`^h([1-6])$`)

func checkStructure(t *testing.T, r *report.Report, doc *node, wo report.WriteOptions) {
	t.Helper()
	htmlEl := doc.first("html")
	if htmlEl == nil || htmlEl.Attr["lang"] != "sv" {
		t.Errorf("<html> has no lang=\"sv\"")
	}
	if cs := doc.first("meta"); cs == nil || !strings.EqualFold(cs.Attr["charset"], "utf-8") {
		t.Errorf("the first <meta> is not charset=utf-8")
	}
	if title := doc.first("title"); title == nil || !strings.Contains(title.text(), r.Kommun) {
		t.Errorf("<title> does not name the kommun")
	}

	// Exactly one <h1>, the analysis of the kommun, on the cover with the
	// dates; headings never skip a level.
	h1s := doc.all("h1")
	if len(h1s) != 1 {
		t.Errorf("%d <h1> elements, want 1", len(h1s))
	} else if got, want := h1s[0].text(), report.AnalysisTitle(r.Kommun); got != want || !strings.HasPrefix(want, "Analys av "+r.Kommun) {
		t.Errorf("<h1> is %q, want %q", got, want)
	}
	checkCover(t, r, doc)
	prev := 0
	doc.walk(func(n *node) {
		m := headingTag.FindStringSubmatch(n.Tag)
		if m == nil {
			return
		}
		level := int(m[1][0] - '0')
		if prev == 0 && level != 1 {
			t.Errorf("the first heading is <%s> %q, want <h1>", n.Tag, n.text())
		}
		if level > prev+1 {
			t.Errorf("<%s> %q follows <h%d>: a level is skipped", n.Tag, n.text(), prev)
		}
		if strings.TrimSpace(n.text()) == "" {
			t.Errorf("empty <%s>", n.Tag)
		}
		prev = level
	})

	// ids are unique; every in-page link and aria reference resolves.
	ids := map[string]int{}
	doc.walk(func(n *node) {
		if id, ok := n.Attr["id"]; ok {
			ids[id]++
		}
	})
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q is used %d times", id, n)
		}
	}
	doc.walk(func(n *node) {
		for _, a := range []string{"aria-describedby", "aria-labelledby"} {
			if v, ok := n.Attr[a]; ok {
				for _, id := range strings.Fields(v) {
					if ids[id] == 0 {
						t.Errorf("<%s id=%q> %s=%q: no element has that id", n.Tag, n.Attr["id"], a, id)
					}
				}
			}
		}
		if href, ok := n.Attr["href"]; ok && strings.HasPrefix(href, "#") && ids[href[1:]] == 0 {
			t.Errorf("link to %q: no element has that id", href)
		}
	})

	// Every table has a caption and header cells, with a scope.
	tables := doc.all("table")
	if len(tables) == 0 {
		t.Error("no tables")
	}
	for i, tb := range tables {
		cap := tb.first("caption")
		if cap == nil || strings.TrimSpace(cap.text()) == "" {
			t.Errorf("table %d (id %q) has no caption", i+1, tb.Attr["id"])
		} else if tb.Children[0] != cap && !(tb.Children[0].Tag == "" && strings.TrimSpace(tb.Children[0].Text) == "" && len(tb.Children) > 1 && tb.Children[1] == cap) {
			t.Errorf("table %d: <caption> is not its first child", i+1)
		}
		ths := tb.all("th")
		if len(ths) == 0 {
			t.Errorf("table %d (%q) has no <th>", i+1, tb.first("caption").text())
		}
		if thead := tb.first("thead"); thead == nil || len(thead.all("th")) == 0 {
			t.Errorf("table %d (%q) has no header row", i+1, tb.first("caption").text())
		}
		for _, th := range ths {
			if s := th.Attr["scope"]; s != "col" && s != "row" {
				t.Errorf("table %d: <th> %q has scope %q", i+1, th.text(), s)
			}
		}
	}

	// Each chart: a div with role="img", labelled and described, options
	// beside it, in the order of the model.
	var chartDivs []*node
	doc.walk(func(n *node) {
		if _, ok := n.Attr["data-chart"]; ok && n.hasClass("chart") {
			chartDivs = append(chartDivs, n)
		}
	})
	if len(chartDivs) != len(r.Charts) {
		t.Fatalf("%d chart elements, the model has %d charts", len(chartDivs), len(r.Charts))
	}
	for i, div := range chartDivs {
		ch := r.Charts[i]
		if div.Tag != "div" || div.Attr["id"] != ch.ID {
			t.Errorf("chart %d is <%s id=%q>, want <div id=%q>", i, div.Tag, div.Attr["id"], ch.ID)
		}
		if div.Attr["role"] != "img" {
			t.Errorf("%s: role %q, want img", ch.ID, div.Attr["role"])
		}
		desc := doc.byID(div.Attr["aria-describedby"])
		if want := fmt.Sprintf("%s Samma siffror står i Tabell %d.", ch.Caption, ch.TableNo); desc == nil || squash(desc.text()) != want || !strings.HasSuffix(ch.Alt, want) {
			t.Errorf("%s: aria-describedby=%q does not describe it as %q, the end of its text alternative %q", ch.ID, div.Attr["aria-describedby"], want, ch.Alt)
		}
		if link := desc.first("a"); link == nil || link.Attr["href"] != "#"+ch.TableID || doc.byID(ch.TableID).first("caption").first("span").text() != fmt.Sprintf("Tabell %d", ch.TableNo) {
			t.Errorf("%s: the caption does not link Tabell %d, #%s", ch.ID, ch.TableNo, ch.TableID)
		}
		if lab := doc.byID(div.Attr["aria-labelledby"]); lab == nil || lab.text() != ch.Title {
			t.Errorf("%s: aria-labelledby=%q does not name its title", ch.ID, div.Attr["aria-labelledby"])
		}
		if ch.TableID == "" || doc.byID(ch.TableID) == nil || doc.byID(ch.TableID).Tag != "table" {
			t.Errorf("%s: its table %q is not in the page", ch.ID, ch.TableID)
		}
		src := doc.byID(ch.ID + "-options")
		if src == nil || src.Tag != "script" || src.Attr["type"] != "application/json" {
			t.Errorf("%s: no <script type=application/json id=%s-options>", ch.ID, ch.ID)
		} else if src.Raw != string(ch.Options) {
			t.Errorf("%s: the options in the page differ from the model's", ch.ID)
		}
	}

	// Scripts: echarts (inline or the shared file), the options, init.js.
	scripts := doc.all("script")
	if len(scripts) != len(r.Charts)+2 {
		t.Errorf("%d <script> elements, want %d", len(scripts), len(r.Charts)+2)
	}
	if wo.ScriptSrc == "" {
		if _, ok := scripts[0].Attr["src"]; ok || scripts[0].Raw != report.PackedScript(t) {
			t.Errorf("the first <script> is not echarts inline")
		}
	} else if scripts[0].Attr["src"] != wo.ScriptSrc {
		t.Errorf("the first <script> loads %q, want %q", scripts[0].Attr["src"], wo.ScriptSrc)
	}

	checkOffline(t, doc)
}

// urlAttrs are the attributes through which a page can load or link to
// something.
var urlAttrs = []string{"src", "href", "action", "formaction", "poster", "data", "srcset", "xlink:href", "background", "ping", "manifest", "cite"}

// checkOffline fails on anything that would load from or link to the
// network: http(s) URLs in attributes (plain text may name a source),
// elements that fetch, and url() in CSS. The one exception is a link the
// evaluators wrote in their text (issue 21): an <a> to an http, https or
// mailto address that opens without the report as its opener or referrer,
// which the reader follows, never the page.
func checkOffline(t *testing.T, doc *node) {
	t.Helper()
	doc.walk(func(n *node) {
		for _, a := range urlAttrs {
			v, ok := n.Attr[a]
			if !ok {
				continue
			}
			lv := strings.ToLower(strings.TrimSpace(v))
			if n.Tag == "a" && a == "href" && n.Attr["rel"] == "noopener noreferrer" &&
				(strings.HasPrefix(lv, "https://") || strings.HasPrefix(lv, "http://") || strings.HasPrefix(lv, "mailto:")) {
				continue
			}
			if strings.Contains(lv, "://") || strings.HasPrefix(lv, "//") || strings.HasPrefix(lv, "javascript:") {
				t.Errorf("<%s %s=%q> refers outside the file", n.Tag, a, v)
			}
		}
		for name, v := range n.Attr {
			if strings.HasPrefix(name, "on") {
				t.Errorf("<%s> has an event handler attribute %s", n.Tag, name)
			}
			if name == "style" && (strings.Contains(v, "url(") || strings.Contains(v, "image-set(")) {
				t.Errorf("<%s style=%q> loads something", n.Tag, v)
			}
		}
		switch n.Tag {
		case "img":
			// only the publisher's logo, carried in the page
			if !strings.HasPrefix(n.Attr["src"], "data:image/") || n.Attr["class"] != "logo" {
				t.Errorf("the page has an <img> other than the logo: src %.40q", n.Attr["src"])
			}
		case "link", "iframe", "object", "embed", "video", "audio", "source", "base", "form":
			t.Errorf("the page has a <%s> element", n.Tag)
		case "style":
			if strings.Contains(n.Raw, "url(") || strings.Contains(n.Raw, "@import") {
				t.Errorf("the CSS loads something: url() or @import")
			}
		case "meta":
			if strings.EqualFold(n.Attr["http-equiv"], "refresh") {
				t.Errorf("the page has a meta refresh")
			}
		}
	})
}

// TestHostile checks that markup in every text the report shows reaches
// the page escaped: none of it as markup, all of it as text.
func TestHostile(t *testing.T) {
	r := hostileReport(t)
	for _, wo := range []report.WriteOptions{{}, {ScriptSrc: report.ScriptFile}} {
		page := write(t, r, wo)
		for _, bad := range []string{
			"<script>window.__pwned", "<img src=x", `onerror="`, "</script><script>", hostileKommun, payloadImg, payloadQuotes,
		} {
			if i := bytes.Index(page, []byte(bad)); i >= 0 {
				t.Errorf("script=%q: the page holds %q unescaped at %d: …%s…", wo.ScriptSrc, bad, i, around(page, i))
			}
		}
		// the escaped forms are there, as html/template writes them
		for _, good := range []string{
			"<h1>Analys av Exempel&lt;/script&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;kommun</h1>",
			"<title>Kommunkompassen – Exempel&lt;/script&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;kommun 2007</title>",
			"&lt;/script&gt;&lt;script&gt;window.__pwned=2&lt;/script&gt;",
			"&lt;img src=x onerror=&#34;window.__pwned=3&#34;&gt;",
			"&#34;&#39;&amp;&lt;&gt;",
			"Grupp&lt;/script&gt;&lt;script&gt;window.__pwned=4&lt;/script&gt;&lt;img src=x onerror=&#34;window.__pwned=5&#34;&gt;&#34;&#39;&amp;&lt;&gt;",
			`Exempel\u003c/script\u003e\u003cscript\u003ewindow.__pwned=1\u003c/script\u003ekommun`,
			// the running header, in CSS
			`<style>@page { @top-left { content: "Analys av Exempel\3c\2fscript\3e\3cscript\3ewindow.__pwned=1\3c\2fscript\3ekommun 2007"; } }`,
		} {
			if !bytes.Contains(page, []byte(good)) {
				t.Errorf("script=%q: the page lacks the escaped form %q", wo.ScriptSrc, good)
			}
		}

		// Read as a browser would, every text is there exactly as written.
		doc := parseHTML(t, page)
		checkStructure(t, r, doc, wo)
		body := doc.first("body").text()
		for what, text := range map[string]string{
			"Utvärderare":             "Utvärderare: " + hostileText,
			"Källor":                  "Källor: " + hostileText,
			"Kommentar 1.1":           "Kommentar: " + hostileText,
			"Kommentar 3":             "Områdeskommentar: " + hostileText,
			"Kommentar 2005":          "Kommentar 2005: " + hostileText,
			"styrka":                  "Styrka: " + hostileText,
			"förbättringsområde":      "Förbättringsområde: " + hostileText,
			"the group in its table":  "Jämförelse med gruppen: " + hostileGroup,
			"the group in its series": "Medel: " + hostileGroup,
			"a heading of the text":   "Rubrik: " + hostileText,
			"a paragraph with markup": "Stycke " + payloadScript + " och " + payloadImg,
			"a bullet":                "Punkt: " + payloadQuotes,
			"an unbalanced bullet":    "**ofullständig",
			"the summary":             "Sammanfattning: " + hostileText + " slut",
			"the text of an area":     "<p>Områdestext</p> " + hostileText,
			"a table's title":         "Tabell: " + payloadScript,
			"who was interviewed":     "Intervjuade: " + hostileText,
		} {
			if !strings.Contains(body, text) {
				t.Errorf("script=%q: the text of the page lacks the %s %q", wo.ScriptSrc, what, text)
			}
		}
		if got := doc.first("h1").text(); got != "Analys av "+hostileKommun {
			t.Errorf("<h1> reads %q", got)
		}
		area8 := doc.byID("omrade-8")
		if area8 == nil || !strings.Contains(area8.text(), payloadImg) {
			t.Errorf("area 8 does not show its styrka %q as text", payloadImg)
		}
		if imgs := doc.all("img"); len(imgs) > 0 {
			t.Errorf("the page has %d <img> elements", len(imgs))
		}
		// the text's own markup, and nothing else, became elements: in the
		// background, before the scores
		var strong, em []string
		for _, c := range doc.byID("sammanfattning").Children {
			if c.Attr["id"] == "poang" {
				break
			}
			c.walk(func(n *node) {
				switch n.Tag {
				case "strong":
					strong = append(strong, n.text())
				case "em":
					em = append(em, n.text())
				}
			})
		}
		if !slices.Equal(strong, []string{payloadScript}) || !slices.Equal(em, []string{payloadImg}) {
			t.Errorf("script=%q: <strong> %q and <em> %q in Sammanfattning, want the two payloads", wo.ScriptSrc, strong, em)
		}
		if h := doc.byID("omrade-1").all("h4"); len(h) == 0 || h[0].text() != payloadImg {
			t.Errorf("script=%q: area 1's sub-heading is not %q as text", wo.ScriptSrc, payloadImg)
		}
		if i := bytes.IndexAny(page, "\x00\x1b\u202e"); i >= 0 {
			t.Errorf("script=%q: the page holds a control or reordering character at %d", wo.ScriptSrc, i)
		}
	}
}

func around(b []byte, i int) string {
	lo, hi := max(0, i-60), min(len(b), i+60)
	return string(b[lo:hi])
}

// TestNoNetworkInRealReports covers the shipped sources that name web
// pages: the URLs stand in the text, never in an attribute.
func TestNoNetworkInRealReports(t *testing.T) {
	for _, kommun := range []string{"Örebro", "Vallentuna"} {
		r := build(t, evaluationsDir, report.Options{Kommun: kommun})
		page := write(t, r, report.WriteOptions{ScriptSrc: report.ScriptFile})
		if !bytes.Contains(page, []byte("https://")) {
			t.Errorf("%s: the source's URL is not in the page (the test would prove nothing)", kommun)
		}
		doc := parseHTML(t, page)
		checkOffline(t, doc)
		sources := ""
		for _, dt := range doc.all("dt") {
			if dt.text() == "Källor" {
				sources = dt.Parent.Children[indexOf(dt.Parent.Children, dt)+1].text()
			}
		}
		if !strings.Contains(sources, "https://") {
			t.Errorf("%s: Källor %q does not name its URL as text", kommun, sources)
		}
	}
}

func indexOf(ns []*node, n *node) int {
	for i, x := range ns {
		if x == n {
			return i
		}
	}
	return -1
}

// TestWriteIndex checks the index page of kompass report --all: one table
// per instrument version (the one with the newest evaluation first), headed
// by the version's name and ref and counting its kommuner and evaluations;
// in each, one row per entry in the given order with its link and total,
// every name escaped, hrefs that cannot run script, and the sort script.
func TestWriteIndex(t *testing.T) {
	p := func(f float64) *points.P {
		v, ok := points.FromFloat(f)
		if !ok {
			t.Fatal(f)
		}
		return &v
	}
	const name2007, name2020 = "Kommunkompassen 2003–2009", "Kommunkompassen 2020"
	entries := []report.IndexEntry{
		{Kommun: "Umeå", Year: 2007, Instrument: "kommunkompassen@2007", InstrumentName: name2007, Total: p(645), Max: *p(800), Years: 3, Href: "umea.html"},
		{Kommun: "Vallentuna", Year: 2021, Instrument: "kommunkompassen@2020", InstrumentName: name2020, Total: p(648), Max: *p(800), Years: 1, Href: "vallentuna.html"},
		{Kommun: hostileKommun, Year: 2007, Instrument: "kommunkompassen@2007", InstrumentName: name2007, Total: p(561.5), Max: *p(800), Years: 2, Href: "javascript:window.__pwned=6"},
		{Kommun: "Exempelkommun utan total", Year: 2007, Instrument: "kommunkompassen@2007", InstrumentName: name2007, Total: nil, Max: *p(800), Years: 1, Href: "exempel.html"},
		{Kommun: "Exempelsnitt", Year: 2007, Instrument: "kommunkompassen@2007", InstrumentName: name2007, Total: p(550), Max: *p(800), Years: 1, Mean: true},
	}
	var buf bytes.Buffer
	if err := report.WriteIndex(&buf, entries); err != nil {
		t.Fatal(err)
	}
	page := buf.Bytes()
	for _, bad := range []string{"<script>window.__pwned", "javascript:"} {
		if bytes.Contains(page, []byte(bad)) {
			t.Errorf("the index holds %q", bad)
		}
	}
	doc := parseHTML(t, page)
	if doc.first("html").Attr["lang"] != "sv" || len(doc.all("h1")) != 1 {
		t.Error("the index needs lang=\"sv\" and one <h1>")
	}
	checkOffline(t, doc)
	if head := doc.first("header").text(); !strings.Contains(head, "4 kommuner i 2 instrumentversioner") {
		t.Errorf("the index does not count its entries and versions: %q", head)
	}

	versions := []struct {
		id, heading, count string
		entries            []report.IndexEntry
	}{
		{"kommunkompassen-2020", name2020 + " (kommunkompassen@2020)", "1 kommun utvärderad med denna version, 1 utvärdering.", entries[1:2]},
		{"kommunkompassen-2007", name2007 + " (kommunkompassen@2007)", "3 kommuner utvärderade med denna version, 6 utvärderingar, och 1 publicerat medelvärde.", []report.IndexEntry{entries[0], entries[2], entries[3], entries[4]}},
	}
	var tables []*node
	for _, tb := range doc.all("table") {
		if tb.hasClass("index-tabell") {
			tables = append(tables, tb)
		}
	}
	if len(tables) != len(versions) {
		t.Fatalf("%d index tables, want one per instrument version (%d)", len(tables), len(versions))
	}
	for v, want := range versions {
		sec := doc.byID(want.id)
		if sec == nil || sec.Tag != "section" {
			t.Fatalf("no section %q", want.id)
		}
		if h := sec.first("h2"); h == nil || h.text() != want.heading {
			t.Errorf("section %q is headed %q, want %q", want.id, h.text(), want.heading)
		}
		if got := sec.first("p").text(); got != want.count {
			t.Errorf("section %q says %q, want %q", want.id, got, want.count)
		}
		table := tables[v]
		if table.Attr["id"] != want.id+"-tabell" || sec.first("table") != table {
			t.Errorf("index table %d is %q, want %q in its section", v+1, table.Attr["id"], want.id+"-tabell")
		}
		if c := table.first("caption"); c == nil || !strings.Contains(c.text(), strings.TrimPrefix(want.id, "kommunkompassen-")) {
			t.Errorf("table %q: caption does not name its version", table.Attr["id"])
		}
		heads := table.first("thead").all("th")
		var headText []string
		for _, th := range heads {
			headText = append(headText, strings.ReplaceAll(strings.TrimSpace(th.text()), "\u00ad", ""))
			if th.first("button") == nil || th.Attr["data-type"] == "" {
				t.Errorf("column %q cannot be sorted (no button or data-type)", th.text())
			}
		}
		if want := []string{"Kommun", "Senaste år", "Totalt av 800", "Utvärderingar"}; !slices.Equal(headText, want) {
			t.Errorf("columns %q, want %q", headText, want)
		}
		if heads[0].Attr["aria-sort"] != "ascending" {
			t.Errorf("the Kommun column is not marked aria-sort=ascending")
		}
		rows := table.first("tbody").all("tr")
		if len(rows) != len(want.entries) {
			t.Fatalf("table %q: %d rows, want %d", table.Attr["id"], len(rows), len(want.entries))
		}
		for i, row := range rows {
			e := want.entries[i]
			a := row.first("a")
			if e.Mean {
				if a != nil || squash(row.first("th").text()) != e.Kommun+" publicerat medelvärde" {
					t.Errorf("%s row %d: the mean %q reads %q (link %v)", want.id, i+1, e.Kommun, squash(row.first("th").text()), a != nil)
				}
				continue
			}
			if a == nil || a.text() != e.Kommun {
				t.Errorf("%s row %d does not link %q", want.id, i+1, e.Kommun)
				continue
			}
			wantHref := e.Href
			if strings.HasPrefix(e.Href, "javascript:") {
				wantHref = "#ZgotmplZ" // html/template's replacement for an unsafe URL
			}
			if a.Attr["href"] != wantHref {
				t.Errorf("%s row %d links %q, want %q", want.id, i+1, a.Attr["href"], wantHref)
			}
			var cells []string
			var values []string
			for _, td := range row.all("td") {
				cells = append(cells, td.text())
				values = append(values, td.Attr["data-value"])
			}
			total, value := "–", ""
			if e.Total != nil {
				total, value = e.Total.Swedish(), e.Total.String()
			}
			if want := []string{fmt.Sprint(e.Year), total, fmt.Sprint(e.Years)}; !slices.Equal(cells, want) {
				t.Errorf("%s row %d: cells %q, want %q", e.Kommun, i+1, cells, want)
			}
			if values[1] != value {
				t.Errorf("%s row %d: data-value %q, want total %q (dot decimals, for sorting)", e.Kommun, i+1, values, value)
			}
		}
	}
	scripts := doc.all("script")
	if len(scripts) != 1 {
		t.Fatalf("%d scripts in the index, want the sort script", len(scripts))
	}
	for _, want := range []string{`new Intl.Collator("sv")`, `getAttribute("data-value")`, `"aria-sort"`, "addEventListener(\"click\"", `querySelectorAll("table.index-tabell")`} {
		if !strings.Contains(scripts[0].Raw, want) {
			t.Errorf("the sort script lacks %q", want)
		}
	}
}

// TestIndexEntries checks the rows of the index of a whole programme:
// every kommun under every instrument version it was evaluated with, by
// its latest evaluation there, linked to its report (to its part on
// earlier versions for an older one), and the published means.
func TestIndexEntries(t *testing.T) {
	set := loadSet(t, programmeDir)
	hrefs := map[string]string{}
	for _, k := range set.Kommuner() {
		hrefs[k] = evaluation.Slug(k) + ".html"
	}
	entries := report.IndexEntries(set, hrefs)
	type key struct{ kommun, ref string }
	got := map[key]report.IndexEntry{}
	for _, e := range entries {
		k := key{e.Kommun, e.Instrument}
		if _, dup := got[k]; dup {
			t.Errorf("%s appears twice under %s", e.Kommun, e.Instrument)
		}
		got[k] = e
	}
	// every evaluation is under its version, counted, the latest shown
	for _, ev := range set.Evaluations {
		e, ok := got[key{ev.Facts.Kommun, ev.Instrument.Ref()}]
		if !ok {
			t.Errorf("%s %d (%s) is not in the index", ev.Facts.Kommun, ev.Facts.Year, ev.Instrument.Ref())
			continue
		}
		if e.Year < ev.Facts.Year {
			t.Errorf("%s under %s shows %d, not its latest %d", e.Kommun, e.Instrument, e.Year, ev.Facts.Year)
		}
	}
	for _, c := range []struct {
		kommun, ref string
		year, years int
		href        string
		mean        bool
	}{
		// the README of testdata/programme
		{"Exempelkommun A", "kommunkompassen@2007", 2007, 2, "exempelkommun-a.html#tidigare", false},
		{"Exempelkommun A", "kommunkompassen@2010", 2012, 1, "exempelkommun-a.html#tidigare", false},
		{"Exempelkommun A", "kommunkompassen@2020", 2021, 1, "exempelkommun-a.html", false},
		{"Exempelkommun I", "kommunkompassen@2010", 2015, 2, "exempelkommun-i.html#tidigare", false},
		{"Exempelkommun G", "kommunkompassen@2002", 2002, 1, "exempelkommun-g.html#tidigare", false},
		{"Exempelkommun G", "kommunkompassen@2007", 2008, 1, "exempelkommun-g.html", false},
		{"Exempelsnitt", "kommunkompassen@2020", 2021, 1, "", true},
	} {
		e, ok := got[key{c.kommun, c.ref}]
		if !ok || e.Year != c.year || e.Years != c.years || e.Href != c.href || e.Mean != c.mean || e.Total == nil {
			t.Errorf("%s under %s: %+v (listed %v); want %d, %d evaluations, href %q, mean %v", c.kommun, c.ref, e, ok, c.year, c.years, c.href, c.mean)
		}
	}
	// a kommun without a report is left out; a mean never has one
	delete(hrefs, "Exempelkommun A")
	for _, e := range report.IndexEntries(set, hrefs) {
		if e.Kommun == "Exempelkommun A" {
			t.Errorf("Exempelkommun A, without a report, is listed under %s", e.Instrument)
		}
	}
}

// TestChartsGroupOfMany checks the group radar of a kommun against every
// other kommun evaluated with its version (eight in the programme): each
// member drawn in its own colour, with its own mark and dash, the kommun
// first and the mean last and dashed; the radar runs clockwise from the
// top with its scale on the first axis.
func TestChartsGroupOfMany(t *testing.T) {
	r := build(t, programmeDir, report.Options{Kommun: "Exempelkommun A", Group: "alla"})
	ch := r.Charts[len(r.Charts)-1]
	if ch.ID != "chart-group" {
		t.Fatalf("the last chart is %s", ch.ID)
	}
	var o struct {
		Series []struct {
			Name      string
			Symbol    string
			LineStyle struct {
				Color string
				Width float64
				Type  json.RawMessage
			}
		}
		Radar struct {
			StartAngle int
			Clockwise  bool
			Indicator  []struct {
				Name      string
				AxisLabel *struct{ Show bool }
			}
		}
	}
	if err := json.Unmarshal([]byte(ch.Options), &o); err != nil {
		t.Fatal(err)
	}
	if n := len(o.Series); n < 10 {
		t.Fatalf("%d series; the test wants a group of eight or more", n)
	}
	colors, symbols, dashes := map[string]string{}, map[string]string{}, map[string]string{}
	for i, s := range o.Series {
		switch {
		case i == 0:
			if s.Name != r.Group.Own.Label || s.LineStyle.Width < 3 {
				t.Errorf("series 1 is %q, %.1f px; want the kommun, thick", s.Name, s.LineStyle.Width)
			}
			continue
		case i == len(o.Series)-1:
			if string(s.LineStyle.Type) != `"dashed"` || !strings.HasPrefix(s.Name, "Medel: ") {
				t.Errorf("the last series %q has the line %s; want the mean, dashed", s.Name, s.LineStyle.Type)
			}
			continue
		}
		for what, m := range map[string]map[string]string{"colour " + s.LineStyle.Color: colors, "mark " + s.Symbol: symbols, "dash " + string(s.LineStyle.Type): dashes} {
			if prev, dup := m[what]; dup {
				t.Errorf("%q has the %s of %q", s.Name, what, prev)
			}
			m[what] = s.Name
		}
	}
	if !o.Radar.Clockwise || o.Radar.StartAngle != 90 {
		t.Errorf("the radar runs clockwise %v from %d°; want clockwise from 90° (the top)", o.Radar.Clockwise, o.Radar.StartAngle)
	}
	for i, ind := range o.Radar.Indicator {
		if shown := ind.AxisLabel != nil && ind.AxisLabel.Show; shown != (i == 0) {
			t.Errorf("axis %d (%q) shows the scale %v; only the first does", i+1, ind.Name, shown)
		}
	}
}
