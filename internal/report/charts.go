package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"github.com/kompass-dev/kompass/internal/points"
)

// Chart is one chart of the report: its fixed element id, a title, a text
// alternative, and its echarts options as JSON that is safe inside a
// <script> element (json.Marshal escapes <, > and &).
type Chart struct {
	ID      string
	Title   string
	Alt     string // read by screen readers; the same numbers stand in the table named by TableID
	TableID string
	Options template.JS
	Series  []Series // what the chart shows, for tests and the text alternative
	// Legend is the chart's key, drawn in HTML under it so that it wraps and
	// prints whole: the report's own series first, then a mean, then the
	// rest. Nil for a chart without one (the bar chart).
	Legend []LegendItem
}

// LegendItem is one entry of a chart's key: the series name and its
// swatch, the same line and mark as in the chart.
type LegendItem struct {
	Name  string
	Color string
	Icon  string // SVG path data in a 25 × 14 box
}

// Series is one series of a chart with its values in order.
type Series struct {
	Name   string
	Values []float64
}

// A look is how one radar series is drawn, in the chart and in its legend
// alike, chosen so that the chart still reads printed in greyscale: the
// kommun (or the report's own year) thick, dark and solid with round marks;
// a mean dark and dashed, without marks; every other series thin and light,
// told apart by the shape of its marks.
type look struct {
	color  string
	width  float32
	dashed bool
	mark   string  // SVG path of its marks, centred in the 25 × 14 legend box; "" for none
	fill   float32 // opacity of the area inside the line
}

// The lines of the legend swatches, 25 × 14 px as echarts draws its own.
const (
	lineStrong = "M0 5.5h25v3H0z"
	lineThin   = "M0 6.4h25v1.2H0z"
	lineDashed = "M0 5.6h6.5v2.8H0zM9.25 5.6h6.5v2.8h-6.5zM18.5 5.6h6.5v2.8h-6.5z"
	markCircle = "M12.5 3a4 4 0 1 1 0 8a4 4 0 1 1 0-8z"
)

var (
	ownLook  = look{color: "#1f4e79", width: 3.5, mark: markCircle, fill: 0.14}
	meanLook = look{color: "#b1440e", width: 2.5, dashed: true}
	// others: light colours (the table carries the exact numbers) and a
	// mark each; a group of ten has nine others.
	otherColors = []string{"#7f9bb8", "#c4a06a", "#86ad80", "#b28aad", "#8e9aa3", "#6fb0ab", "#c98f7e", "#a7a26a", "#8d95c8"}
	otherMarks  = []string{
		"M8.5 3h8v8h-8z", // square
		"M12.5 2.5l4.5 8.5h-9z",
		"M12.5 2l5 5-5 5-5-5z",
		"M8 3h9l-4.5 8.5z",
		"M8.5 4.4L9.9 3L12.5 5.6L15.1 3L16.5 4.4L13.9 7L16.5 9.6L15.1 11L12.5 8.4L9.9 11L8.5 9.6L11.1 7z", // ×
		"M11.5 3h2v3h3v2h-3v3h-2v-3h-3v-2h3z", // +
		"M10.2 3h4.6l2.3 4-2.3 4h-4.6l-2.3-4z",
		"M12.5 2.6L13.6 5.7L16.9 5.8L14.3 7.8L15.2 10.9L12.5 9.1L9.8 10.9L10.7 7.8L8.1 5.8L11.4 5.7z", // star
		"M11 2.5h3v9h-3z",
	}
)

// otherLook is the look of the i-th other series (from 0).
func otherLook(i int) look {
	return look{color: otherColors[i%len(otherColors)], width: 1.2, mark: otherMarks[i%len(otherMarks)]}
}

// icon is the legend swatch: the line and, on it, the mark.
func (l look) icon() string {
	switch {
	case l.dashed:
		return lineDashed + l.mark
	case l.width >= ownLook.width:
		return lineStrong + l.mark
	}
	return lineThin + l.mark
}

// seriesOpts draws a radar series in the look.
func (l look) seriesOpts() []charts.SeriesOpts {
	line := opts.LineStyle{Color: l.color, Width: l.width}
	if l.dashed {
		line.Type = "dashed"
	}
	return []charts.SeriesOpts{
		charts.WithLineStyleOpts(line),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: l.color}),
		charts.WithAreaStyleOpts(opts.AreaStyle{Opacity: opts.Float(l.fill)}),
		charts.WithSeriesOpts(func(s *charts.SingleSeries) {
			s.Symbol = "none"
			if l.mark != "" {
				s.Symbol, s.SymbolSize, s.SymbolKeepAspect = "path://"+l.mark, 8, opts.Bool(true)
			}
		}),
	}
}

func buildCharts(r *Report) ([]Chart, error) {
	var out []Chart
	years, err := yearsRadar(r)
	if err != nil {
		return nil, err
	}
	out = append(out, years)
	if r.Group != nil {
		g, err := groupRadar(r)
		if err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	if r.Changes {
		c, err := changeBar(r)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// indicatorName wraps an area name for the radar's axis labels: lines of
// at most 22 characters where the words allow, a break after a slash
// ("medborgar-/brukarorientering"), and the id always on the first line.
func indicatorName(id, name string) string {
	// each part is a word, or the piece of one after a slash (glued: no
	// space before it)
	type part struct {
		text  string
		glued bool
	}
	var parts []part
	for _, w := range strings.Fields(name) {
		for i, p := range strings.SplitAfter(w, "/") {
			if p != "" {
				parts = append(parts, part{p, i > 0})
			}
		}
	}
	var lines []string
	line := id
	for _, p := range parts {
		sep := " "
		if p.glued {
			sep = ""
		}
		if line != id && len([]rune(line))+len(sep)+len([]rune(p.text)) > 22 {
			lines = append(lines, line)
			line, sep = "", ""
		}
		line += sep + p.text
	}
	return strings.Join(append(lines, line), "\n")
}

func float(p *points.P) any {
	if p == nil {
		return nil
	}
	return p.Float()
}

func floats(ps []*points.P) ([]float64, []any) {
	var fs []float64
	var vs []any
	for _, p := range ps {
		if p == nil {
			fs = append(fs, 0)
			vs = append(vs, nil)
			continue
		}
		fs = append(fs, p.Float())
		vs = append(vs, p.Float())
	}
	return fs, vs
}

// common are the options of every chart. echarts' own legend is hidden:
// the radars have their key in HTML under the chart (Chart.Legend), where it
// wraps on a phone and prints whole, and the bar chart needs none. The
// legend component stays, plain, so that the key can toggle series.
func common(id, title string) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithInitializationOpts(opts.Initialization{ChartID: id, Renderer: "svg"}),
		charts.WithAnimation(false),
		charts.WithTitleOpts(opts.Title{Show: opts.Bool(false), Title: title}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false), Type: "plain"}),
		charts.WithAriaOpts(&opts.Aria{Enabled: opts.Bool(true)}),
	}
}

// radarComponent adds to go-echarts' radar options what they lack.
type radarComponent struct {
	opts.RadarComponent
	Radius      string `json:"radius,omitempty"`
	AxisNameGap int    `json:"axisNameGap,omitempty"`
}

// mediaRule is an echarts media query: Option applies while the chart's
// size matches Query (e.g. maxWidth in px); a rule without a query is the
// default.
type mediaRule struct {
	Query  map[string]int `json:"query,omitempty"`
	Option map[string]any `json:"option"`
}

// narrowChart is the widest chart (px) that labels the radar's axes by
// area id alone; wider charts have room for the wrapped names. The ids are
// explained in the key above the charts (report.html.tmpl).
const narrowChart = 599

// radar sets the options and the legend of a radar chart: one series per
// entry of ch.Series with its values in raw (nil for a missing value),
// drawn in looks[i]; the legend lists the series in the order given.
func radar(r *Report, ch *Chart, raw [][]any, looks []look, order []int) error {
	c := charts.NewRadar()
	c.SetGlobalOptions(common(ch.ID, ch.Title)...)
	for i, s := range ch.Series {
		c.AddSeries(s.Name, []opts.RadarData{{Name: s.Name, Value: raw[i]}}, looks[i].seriesOpts()...)
	}
	for _, i := range order {
		ch.Legend = append(ch.Legend, LegendItem{Name: ch.Series[i].Name, Color: looks[i].color, Icon: looks[i].icon()})
	}
	c.Validate()
	var wide, narrow []*opts.Indicator
	for _, a := range r.Latest.Areas {
		max := float32(a.Max.Float())
		wide = append(wide, &opts.Indicator{Name: indicatorName(a.ID, a.Name), Max: max})
		narrow = append(narrow, &opts.Indicator{Name: a.ID, Max: max})
	}
	wideRadar := radarComponent{
		RadarComponent: opts.RadarComponent{Indicator: wide, Shape: "polygon", SplitNumber: 5, Center: []string{"50%", "50%"},
			AxisName: &opts.AxisName{Color: "#1b1f24", FontSize: 12, LineHeight: 15, FontWeight: "normal"}},
		Radius: "64%", AxisNameGap: 12,
	}
	o := c.JSON()
	o["aria"] = aria(ch.Alt)
	o["radar"] = wideRadar
	// echarts applies the rule without a query whenever no other matches,
	// so a chart that was narrow once (a phone turned, a print) gets its
	// names back.
	o["media"] = []mediaRule{
		{Option: map[string]any{"radar": wideRadar}},
		{Query: map[string]int{"maxWidth": narrowChart}, Option: map[string]any{"radar": radarComponent{
			RadarComponent: opts.RadarComponent{Indicator: narrow, AxisName: &opts.AxisName{Color: "#1b1f24", FontSize: 14, LineHeight: 16, FontWeight: "bold"}},
			Radius:         "74%", AxisNameGap: 8,
		}}},
	}
	var err error
	ch.Options, err = optionsJSON(o)
	return err
}

// yearsRadar draws every evaluation of the kommun: the report's own year
// strong, the earlier ones light; the key lists the newest first.
func yearsRadar(r *Report) (Chart, error) {
	t := r.Trend
	ch := Chart{ID: "chart-years", TableID: "sammanfattning-tabell",
		Title: fmt.Sprintf("%s: poäng per huvudområde %s", r.Kommun, yearSpan(t.Columns[0].Year, r.Year))}
	var raw [][]any
	looks := make([]look, len(t.Columns))
	var order []int
	for i, col := range t.Columns {
		var ps []*points.P
		for _, a := range t.Areas {
			ps = append(ps, a.Scores[i])
		}
		fs, vs := floats(ps)
		ch.Series = append(ch.Series, Series{Name: col.Label, Values: fs})
		raw = append(raw, vs)
		// newest first: the last column is the report's year
		j := len(t.Columns) - 1 - i
		order = append(order, j)
		looks[j] = ownLook
		if i > 0 {
			looks[j] = otherLook(i - 1)
		}
	}
	ch.Alt = fmt.Sprintf("Spindeldiagram: %s poäng per huvudområde för %s. Samma siffror står i tabellen Sammanfattning av poäng.",
		r.Kommun, seriesNames(ch.Series))
	err := radar(r, &ch, raw, looks, order)
	return ch, err
}

// groupRadar draws the kommun strong, the group's mean dashed and every
// other member light; the key lists the kommun, the mean, the members.
func groupRadar(r *Report) (Chart, error) {
	g := r.Group
	ch := Chart{ID: "chart-group", TableID: "grupp-tabell", Title: fmt.Sprintf("%s jämfört med %s", g.Own.Label, g.Group.Name)}
	var raw [][]any
	var looks []look
	add := func(name string, ps []*points.P, l look) {
		fs, vs := floats(ps)
		ch.Series = append(ch.Series, Series{Name: name, Values: fs})
		raw = append(raw, vs)
		looks = append(looks, l)
	}
	var own, means []*points.P
	for _, a := range g.Areas {
		own = append(own, a.Own)
		means = append(means, a.Mean)
	}
	add(g.Own.Label, own, ownLook)
	if g.Group.Kind == "series" {
		add(g.Group.Name, means, meanLook)
	} else {
		for i, m := range g.Members {
			if m.File == g.Own.File {
				continue
			}
			var ms []*points.P
			for _, a := range g.Areas {
				ms = append(ms, a.Members[i])
			}
			add(m.Label, ms, otherLook(len(looks)-1))
		}
		add("Medel: "+g.Group.Name, means, meanLook)
	}
	// the kommun, the mean, then the members in the group's order
	order := []int{0, len(ch.Series) - 1}
	for i := 1; i < len(ch.Series)-1; i++ {
		order = append(order, i)
	}
	ch.Alt = fmt.Sprintf("Spindeldiagram: %s. Serier: %s. Samma siffror står i tabellen Jämförelse med gruppen.", ch.Title, seriesNames(ch.Series))
	err := radar(r, &ch, raw, looks, order)
	return ch, err
}

func changeBar(r *Report) (Chart, error) {
	ch := Chart{ID: "chart-change", TableID: "sammanfattning-tabell",
		Title: fmt.Sprintf("Förändring per huvudområde %d→%d", r.PrevYear, r.Year)}
	c := charts.NewBar()
	var cats []string
	var data []opts.BarData
	var vals []float64
	for _, a := range r.Areas {
		cats = append(cats, a.ID)
		v := 0.0
		if a.Change != nil {
			v = a.Change.Float()
		}
		vals = append(vals, v)
		color := "#548235"
		if v < 0 {
			color = "#c00000"
		}
		// The label is written here, as the report writes a change ("+3,5",
		// "−2"); echarts would write "3.5".
		data = append(data, opts.BarData{Name: a.ID + " " + a.Name, Value: float(a.Change), ItemStyle: &opts.ItemStyle{Color: color},
			Label: &opts.Label{Show: opts.Bool(a.Change != nil), Position: "top", Formatter: types.FuncStr(points.SvChange(a.Change))}})
	}
	name := fmt.Sprintf("%d→%d", r.PrevYear, r.Year)
	ch.Series = []Series{{Name: name, Values: vals}}
	c.SetGlobalOptions(append(common(ch.ID, ch.Title),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Name: "Huvudområde", NameLocation: "middle", NameGap: 28}),
		charts.WithYAxisOpts(opts.YAxis{Name: "Poäng"}),
		charts.WithGridOpts(opts.Grid{Left: "48", Right: "16", Top: "36", Bottom: "48"}))...)
	c.SetXAxis(cats).AddSeries(name, data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top"}))
	ch.Alt = fmt.Sprintf("Stapeldiagram: förändringen i poäng per huvudområde från %d till %d. Samma siffror står i tabellen Sammanfattning av poäng.", r.PrevYear, r.Year)
	c.Validate()
	o := c.JSON()
	o["aria"] = aria(ch.Alt)
	var err error
	ch.Options, err = optionsJSON(o)
	return ch, err
}

// aria is what echarts writes on the chart for screen readers: the chart's
// own Swedish description, not the one echarts generates in English with
// numbers written 71.5. (The page names the chart by its heading and
// describes it by its caption; this keeps the attribute in line.)
func aria(alt string) *opts.Aria {
	return &opts.Aria{Enabled: opts.Bool(true), Label: &opts.AriaLabel{Enabled: opts.Bool(true), Description: alt}}
}

func seriesNames(ss []Series) string {
	var names []string
	for _, s := range ss {
		names = append(names, s.Name)
	}
	return strings.Join(names, ", ")
}

func yearSpan(from, to int) string {
	if from == to {
		return fmt.Sprint(to)
	}
	return fmt.Sprintf("%d–%d", from, to)
}

// optionsJSON encodes chart options for a <script type="application/json">
// element: json.Marshal escapes <, >, & and U+2028/2029, so no municipality
// name, label or comment can close the element or start markup.
func optionsJSON(v map[string]interface{}) (template.JS, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return template.JS(bytes.TrimSpace(buf.Bytes())), nil
}
