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
	Alt     string // read by screen readers: Caption and where the same numbers stand
	Caption string // what the chart shows, under it, before the reference to its table
	TableID string
	TableNo int // that table's number, "Tabell 2"
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
// a mean dark and dashed, without marks; every other series thinner, told
// apart by its colour, the shape of its marks and its dash, each of them
// different for up to 11 others (12 series in all). Every colour has at
// least 3:1 contrast on white (WCAG 1.4.11).
type look struct {
	color  string
	width  float32
	dashed bool      // the mean's dashes
	dash   []float64 // another series' dash pattern in px; nil for solid
	mark   string    // SVG path of its marks, centred in the 25 × 14 legend box; "" for none
	fill   float32   // opacity of the area inside the line
}

// The lines of the legend swatches, 25 × 14 px as echarts draws its own.
const (
	lineStrong = "M0 5.5h25v3H0z"
	lineDashed = "M0 5.6h6.5v2.8H0zM9.25 5.6h6.5v2.8h-6.5zM18.5 5.6h6.5v2.8h-6.5z"
	markCircle = "M12.5 3a4 4 0 1 1 0 8a4 4 0 1 1 0-8z"
)

var (
	ownLook  = look{color: "#1f4e79", width: 3.5, mark: markCircle, fill: 0.14}
	meanLook = look{color: "#b1440e", width: 2.5, dashed: true}
	// others: the table carries the exact numbers
	otherColors = []string{"#2e7d32", "#8e44ad", "#806600", "#00796b", "#c0392b", "#5659c9", "#7b5230", "#b0006b", "#5d6d7e", "#4a78a8", "#3b7d8f"}
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
		"M8.5 2.5l8.5 4.5-8.5 4.5z",            // triangle pointing right
		"M12.5 2.5l4.3 3.1-1.6 5h-5.4l-1.6-5z", // pentagon
	}
	otherDashes = [][]float64{nil, {6, 3}, {2, 2}, {8, 3, 2, 3}, {12, 4}, {4, 4}, {10, 3, 2, 3, 2, 3}, {1, 3}, {14, 3, 4, 3}, {3, 2, 8, 2}, {6, 2, 1, 2}}
)

// MaxDistinctSeries is how many series a radar tells apart by colour,
// mark and dash each: the kommun, the mean and 11 others (a group of ten
// has nine others and the mean; 12 evaluations of one kommun, eleven).
const MaxDistinctSeries = 13

// otherLook is the look of the i-th other series (from 0).
func otherLook(i int) look {
	return look{color: otherColors[i%len(otherColors)], width: 1.6, mark: otherMarks[i%len(otherMarks)], dash: otherDashes[i%len(otherDashes)]}
}

// icon is the legend swatch: the line, with its dashes, and on it the mark.
func (l look) icon() string {
	switch {
	case l.dashed:
		return lineDashed + l.mark
	case l.width >= ownLook.width:
		return lineStrong + l.mark
	}
	return dashLine(l.dash) + l.mark
}

// dashLine draws a thin line across the 25 px swatch with the dash
// pattern (nil: solid), as SVG path data.
func dashLine(dash []float64) string {
	const y, h, w = 6.2, 1.6, 25.0
	if len(dash) == 0 {
		return fmt.Sprintf("M0 %gh%gv%gH0z", y, w, h)
	}
	var b strings.Builder
	x := 0.0
	for i := 0; x < w; i++ {
		d := dash[i%len(dash)]
		if i%2 == 0 {
			fmt.Fprintf(&b, "M%g %gh%gv%gh%gz", x, y, min(d, w-x), h, -min(d, w-x))
		}
		x += d
	}
	return b.String()
}

// seriesOpts draws a radar series in the look; dashes are set by
// lineType, which go-echarts cannot write.
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

// buildCharts makes the report's charts: the kommun's years as a radar,
// the change since the previous evaluation as bars, and the kommun against
// its group as a radar. A kommun evaluated once that is compared with a
// group gets only the group's radar, which shows its one polygon too.
func buildCharts(r *Report) ([]Chart, error) {
	var out []Chart
	if len(r.Trend.Columns) > 1 || r.Group == nil {
		years, err := yearsRadar(r)
		if err != nil {
			return nil, err
		}
		out = append(out, years)
	}
	// the kommun's own development first, then the comparison
	if r.Changes {
		c, err := changeBar(r)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	if r.Group != nil {
		g, err := groupRadar(r)
		if err != nil {
			return nil, err
		}
		out = append(out, g)
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
	Indicator   []indicator `json:"indicator"`
	Radius      string      `json:"radius,omitempty"`
	AxisNameGap int         `json:"axisNameGap,omitempty"`
	StartAngle  int         `json:"startAngle"`
	Clockwise   bool        `json:"clockwise"`
}

// indicator is one axis of a radar; the first has the ring labels, its
// scale (opts.Indicator has no axisLabel).
type indicator struct {
	Name      string     `json:"name"`
	Max       float32    `json:"max"`
	AxisLabel *axisLabel `json:"axisLabel,omitempty"`
}

type axisLabel struct {
	Show         bool   `json:"show"`
	ShowMinLabel bool   `json:"showMinLabel"`
	Color        string `json:"color"`
	FontSize     int    `json:"fontSize"`
	Margin       int    `json:"margin"`
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

// radarAxes are the radar's axes, one per area in the order of the
// instrument: named by name(id, name), clockwise from the top as in SKL's
// (Excel's) figure, the first with its scale at the rings.
func radarAxes(r *Report, name func(id, name string) string, fontSize int) []indicator {
	var out []indicator
	for i, a := range r.Latest.Areas {
		ind := indicator{Name: name(a.ID, a.Name), Max: float32(a.Max.Float())}
		if i == 0 {
			ind.AxisLabel = &axisLabel{Show: true, Color: "#5b6470", FontSize: fontSize, Margin: 4}
		}
		out = append(out, ind)
	}
	return out
}

// radar sets the options and the legend of a radar chart: one series per
// entry of ch.Series with its values in raw (nil for a missing value),
// drawn in looks[i]; the legend lists the series in the order given. The
// axes run clockwise from the top, area 1 first, and the first axis shows
// the scale of the rings (0–100, or that area's maxpoäng).
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
	wideRadar := radarComponent{
		RadarComponent: opts.RadarComponent{Shape: "polygon", SplitNumber: 5, Center: []string{"50%", "50%"},
			AxisName: &opts.AxisName{Color: "#1b1f24", FontSize: 12, LineHeight: 15, FontWeight: "normal"}},
		Indicator: radarAxes(r, indicatorName, 11), Radius: "70%", AxisNameGap: 8, StartAngle: 90, Clockwise: true,
	}
	narrowRadar := radarComponent{
		RadarComponent: opts.RadarComponent{AxisName: &opts.AxisName{Color: "#1b1f24", FontSize: 14, LineHeight: 16, FontWeight: "bold"}},
		Indicator:      radarAxes(r, func(id, _ string) string { return id }, 10), Radius: "74%", AxisNameGap: 8, StartAngle: 90, Clockwise: true,
	}
	o := c.JSON()
	o["aria"] = aria(ch.Alt)
	o["radar"] = wideRadar
	// echarts applies the rule without a query whenever no other matches,
	// so a chart that was narrow once (a phone turned, a print) gets its
	// names back.
	o["media"] = []mediaRule{
		{Option: map[string]any{"radar": wideRadar}},
		{Query: map[string]int{"maxWidth": narrowChart}, Option: map[string]any{"radar": narrowRadar}},
	}
	js, err := optionsJSON(o)
	if err != nil {
		return err
	}
	// the dashes of the other series, which go-echarts' LineStyle.Type
	// (a string) cannot hold
	var generic map[string]any
	if err := json.Unmarshal([]byte(js), &generic); err != nil {
		return err
	}
	series, _ := generic["series"].([]any)
	for i, sv := range series {
		if sm, ok := sv.(map[string]any); ok && i < len(looks) && looks[i].dash != nil {
			ls, _ := sm["lineStyle"].(map[string]any)
			if ls == nil {
				ls = map[string]any{}
				sm["lineStyle"] = ls
			}
			ls["type"] = looks[i].dash
		}
	}
	ch.Options, err = optionsJSON(generic)
	return err
}

// radarCaption is what a radar's caption says beside its title and key:
// how to read it.
const radarCaption = "Huvudområdena medurs från område 1 överst; poängskalan står på dess axel."

// yearsRadar draws every evaluation of the kommun: the report's own year
// strong, the earlier ones light; the key lists the newest first.
func yearsRadar(r *Report) (Chart, error) {
	t := r.Trend
	ch := Chart{ID: "chart-years", TableID: "sammanfattning-tabell", TableNo: r.TrendNo,
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
	ch.Caption = radarCaption
	ch.Alt = fmt.Sprintf("Spindeldiagram: %s poäng per huvudområde för %s. %s Samma siffror står i Tabell %d.", r.Kommun, seriesNames(ch.Series), radarCaption, ch.TableNo)
	err := radar(r, &ch, raw, looks, order)
	return ch, err
}

// groupRadar draws the kommun strong, the group's mean dashed and every
// other member light; the key lists the kommun, the mean, the members.
func groupRadar(r *Report) (Chart, error) {
	g := r.Group
	ch := Chart{ID: "chart-group", TableID: "grupp-tabell", TableNo: r.GroupNo, Title: fmt.Sprintf("%s jämfört med %s", g.Own.Label, g.Group.Name)}
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
	ch.Caption = radarCaption
	ch.Alt = fmt.Sprintf("Spindeldiagram: %s. Serier: %s. %s Samma siffror står i Tabell %d.", ch.Title, seriesNames(ch.Series), radarCaption, ch.TableNo)
	err := radar(r, &ch, raw, looks, order)
	return ch, err
}

func changeBar(r *Report) (Chart, error) {
	ch := Chart{ID: "chart-change", TableID: "sammanfattning-tabell", TableNo: r.TrendNo,
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
	ch.Caption = fmt.Sprintf("Förändringen i poäng per huvudområde från %d till %d.", r.PrevYear, r.Year)
	ch.Alt = "Stapeldiagram. " + ch.Caption + fmt.Sprintf(" Samma siffror står i Tabell %d.", ch.TableNo)
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
