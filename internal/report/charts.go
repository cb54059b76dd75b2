package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

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
}

// Series is one series of a chart with its values in order.
type Series struct {
	Name   string
	Values []float64
}

// palette: distinguishable, and printable in greyscale by lightness.
var palette = []string{"#1f4e79", "#c55a11", "#548235", "#7030a0", "#bf9000", "#2e75b6", "#a5a5a5", "#843c0c", "#375623", "#d6336c"}

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

// indicatorName wraps an area name for the radar's axis labels.
func indicatorName(id, name string) string {
	words := strings.Fields(id + " " + name)
	var lines []string
	line := ""
	for _, w := range words {
		if line != "" && len([]rune(line))+1+len([]rune(w)) > 22 {
			lines = append(lines, line)
			line = w
			continue
		}
		if line != "" {
			line += " "
		}
		line += w
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

func common(id, title string) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithInitializationOpts(opts.Initialization{ChartID: id, Renderer: "svg"}),
		charts.WithAnimation(false),
		charts.WithTitleOpts(opts.Title{Show: opts.Bool(false), Title: title}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0", Type: "scroll"}),
		charts.WithColorsOpts(opts.Colors(palette)),
		charts.WithAriaOpts(&opts.Aria{Enabled: opts.Bool(true)}),
	}
}

func radar(r *Report, id, title string, series []Series, raw [][]any) (*charts.Radar, error) {
	c := charts.NewRadar()
	var ind []*opts.Indicator
	for _, a := range r.Latest.Areas {
		ind = append(ind, &opts.Indicator{Name: indicatorName(a.ID, a.Name), Max: float32(a.Max.Float()), Min: 0})
	}
	c.SetGlobalOptions(append(common(id, title),
		charts.WithRadarComponentOpts(opts.RadarComponent{Indicator: ind, Shape: "polygon", SplitNumber: 5, Center: []string{"50%", "50%"}}))...)
	for i, s := range series {
		c.AddSeries(s.Name, []opts.RadarData{{Name: s.Name, Value: raw[i]}},
			charts.WithLineStyleOpts(opts.LineStyle{Width: 2}),
			charts.WithAreaStyleOpts(opts.AreaStyle{Opacity: opts.Float(0.08)}))
	}
	return c, nil
}

func yearsRadar(r *Report) (Chart, error) {
	t := r.Trend
	ch := Chart{ID: "chart-years", TableID: "sammanfattning-tabell",
		Title: fmt.Sprintf("%s: poäng per huvudområde %s", r.Kommun, yearSpan(t.Columns[0].Year, r.Year))}
	var raw [][]any
	for i, col := range t.Columns {
		var ps []*points.P
		for _, a := range t.Areas {
			ps = append(ps, a.Scores[i])
		}
		fs, vs := floats(ps)
		ch.Series = append(ch.Series, Series{Name: col.Label, Values: fs})
		raw = append(raw, vs)
	}
	ch.Alt = fmt.Sprintf("Spindeldiagram: %s poäng per huvudområde för %s. Samma siffror står i tabellen Sammanfattning av poäng.",
		r.Kommun, seriesNames(ch.Series))
	c, err := radar(r, ch.ID, ch.Title, ch.Series, raw)
	if err != nil {
		return ch, err
	}
	c.Validate()
	ch.Options, err = optionsJSON(c.JSON())
	return ch, err
}

func groupRadar(r *Report) (Chart, error) {
	g := r.Group
	ch := Chart{ID: "chart-group", TableID: "grupp-tabell", Title: fmt.Sprintf("%s jämfört med %s", g.Own.Label, g.Group.Name)}
	var raw [][]any
	add := func(name string, ps []*points.P) {
		fs, vs := floats(ps)
		ch.Series = append(ch.Series, Series{Name: name, Values: fs})
		raw = append(raw, vs)
	}
	var own []*points.P
	for _, a := range g.Areas {
		own = append(own, a.Own)
	}
	add(g.Own.Label, own)
	if g.Group.Kind == "series" {
		var ms []*points.P
		for _, a := range g.Areas {
			ms = append(ms, a.Mean)
		}
		add(g.Group.Name, ms)
	} else {
		for i, m := range g.Members {
			if m.File == g.Own.File {
				continue
			}
			var ms []*points.P
			for _, a := range g.Areas {
				ms = append(ms, a.Members[i])
			}
			add(m.Label, ms)
		}
		var means []*points.P
		for _, a := range g.Areas {
			means = append(means, a.Mean)
		}
		add("Medel: "+g.Group.Name, means)
	}
	ch.Alt = fmt.Sprintf("Spindeldiagram: %s. Serier: %s. Samma siffror står i tabellen Jämförelse med gruppen.", ch.Title, seriesNames(ch.Series))
	c, err := radar(r, ch.ID, ch.Title, ch.Series, raw)
	if err != nil {
		return ch, err
	}
	c.Validate()
	ch.Options, err = optionsJSON(c.JSON())
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
		data = append(data, opts.BarData{Name: a.ID + " " + a.Name, Value: float(a.Change), ItemStyle: &opts.ItemStyle{Color: color}})
	}
	name := fmt.Sprintf("%d→%d", r.PrevYear, r.Year)
	ch.Series = []Series{{Name: name, Values: vals}}
	c.SetGlobalOptions(append(common(ch.ID, ch.Title),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Name: "Huvudområde", NameLocation: "middle", NameGap: 28}),
		charts.WithYAxisOpts(opts.YAxis{Name: "Poäng"}),
		charts.WithGridOpts(opts.Grid{Left: "48", Right: "16", Top: "24", Bottom: "72"}))...)
	c.SetXAxis(cats).AddSeries(name, data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top"}))
	ch.Alt = fmt.Sprintf("Stapeldiagram: förändringen i poäng per huvudområde från %d till %d. Samma siffror står i tabellen Sammanfattning av poäng.", r.PrevYear, r.Year)
	c.Validate()
	var err error
	ch.Options, err = optionsJSON(c.JSON())
	return ch, err
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
