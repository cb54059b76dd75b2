package report

import (
	"bytes"
	"compress/flate"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/kompass-dev/kompass/internal/compare"
	"github.com/kompass-dev/kompass/internal/points"
	"github.com/kompass-dev/kompass/internal/report/assets"
)

//go:embed report.html.tmpl
var reportTmpl string

//go:embed agreement.html.tmpl
var agreementTmpl string

//go:embed report.css
var reportCSS string

// followUpCSS styles the section on the förbättringsområden of an earlier
// evaluation and the note on the åtgärdsplan of the report's own; only a
// report with one of them carries it.
//
//go:embed followup.css
var followUpCSS string

// draftCSS marks the report of a draft on screen and on every printed page
// (draft.go).
//
//go:embed draft.css
var draftCSS string

//go:embed init.js
var initJS string

//go:embed unpack.js
var unpackJS string

// packedScript is the script a self-contained page carries instead of the
// 0.54 MB echarts build: the build's licence header as it is, readable,
// then unpack.js called with the build deflated and base64-encoded (0.25
// MB), which defines the same global echarts before init.js runs. Made
// once per process (about 30 ms); compress/flate gives the same bytes for
// the same input, so the page stays deterministic.
var packedScript = sync.OnceValues(func() (string, error) {
	js := assets.EchartsJS
	var header string
	if strings.HasPrefix(js, "/*!") {
		if end := strings.Index(js, "*/"); end >= 0 {
			header = js[:end+2] + "\n"
		}
	}
	var buf bytes.Buffer
	zw, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		return "", err
	}
	if _, err := io.WriteString(zw, js); err != nil {
		return "", err
	}
	if err := zw.Close(); err != nil {
		return "", err
	}
	return header + strings.TrimSpace(unpackJS) + `("` + base64.StdEncoding.EncodeToString(buf.Bytes()) + `", ` + strconv.Itoa(len(js)) + ");", nil
})

// ScriptFile is the name of the shared echarts file when reports are
// written with WriteOptions.ScriptSrc (kompass report --all).
const ScriptFile = "echarts.min.js"

// WriteOptions control how the page refers to the echarts script.
type WriteOptions struct {
	// ScriptSrc, when set, makes the page load echarts from this relative
	// path instead of carrying its own copy.
	ScriptSrc string
	// Version is the kompass that wrote the report, named in its colophon
	// ("" names none).
	Version string
}

type view struct {
	R              *Report
	CSS            template.CSS
	PlanFiles      []string // the åtgärdsplaner the report reads, for the colophon
	Script         template.JS
	ScriptSrc      string
	Init           template.JS
	Moved          []string
	TotalChange    *points.P
	EchartsVersion string
	Version        string
}

var funcs = template.FuncMap{
	"sv":         points.Sv,
	"svMean":     points.SvMean,
	"signed":     points.SvChange,
	"signedMean": points.SvMeanChange,
	"cls": func(p *points.P) string {
		switch {
		case p == nil || *p == 0:
			return ""
		case *p > 0:
			return "pos"
		}
		return "neg"
	},
	"pct": func(p *points.P, max points.P) string {
		if p == nil || max <= 0 {
			return "0"
		}
		return fmt.Sprint(int((int64(*p)*100 + int64(max)/2) / int64(max)))
	},
	"shade": func(p *points.P, max points.P) string {
		if p == nil || max <= 0 {
			return "s0"
		}
		// five bands of 20 % each; a perfect score gets the darkest
		band := int(int64(*p) * 5 / int64(max))
		if band > 5 {
			band = 5
		}
		return fmt.Sprintf("s%d", band)
	},
	"idLabel": func(id string) string {
		if id == "TOTAL" {
			return "totalt"
		}
		if strings.Contains(id, ".") {
			return "delfråga " + id
		}
		return "område " + id
	},
	"span": func(r *Report) string {
		return yearSpan(r.Trend.Columns[0].Year, r.Year)
	},
	"maxPerArea": func(r *Report) string {
		if len(r.Latest.Areas) == 0 {
			return "0"
		}
		return r.Latest.Areas[0].Max.Swedish()
	},
	"base": filepath.Base,
	"dot":  points.Dot,
	"join": strings.Join,
	// since is a change since an earlier year in words: "+7 sedan 2005",
	// "oförändrat sedan 2005", "– sedan 2005" when unknown
	"since": func(p *points.P, year int) string {
		if p != nil && *p == 0 {
			return fmt.Sprintf("oförändrat sedan %d", year)
		}
		return fmt.Sprintf("%s sedan %d", points.SvChange(p), year)
	},
	"labelled": labelled,
	// ownAreas reports whether some area has a part of its own
	"ownAreas": func(r *Report) bool {
		for _, a := range r.Areas {
			if a.Own {
				return true
			}
		}
		return false
	},
	"trendRow": newTrendRow,
	// rows are the total of a group comparison and then its areas, the
	// columns of the group table (the total first, so that a phone shows
	// it without scrolling)
	"rows": func(g *compare.GroupComparison) []compare.GroupRow {
		return append([]compare.GroupRow{g.Total}, g.Areas...)
	},
	// section is the numbered section with the id, or nil when the report
	// leaves it out
	"section": func(r *Report, id string) *Section {
		for i := range r.Sections {
			if r.Sections[i].ID == id {
				return &r.Sections[i]
			}
		}
		return nil
	},
	// at is a section's text with the level of its sub-headings
	"at": func(p Prose, level int) proseAt { return proseAt{p, level} },
	"hasText": func(r *Report) bool {
		if len(r.Background.Passages)+len(r.Summary.Passages) > 0 {
			return true
		}
		for _, a := range r.Areas {
			if len(a.Text.Passages) > 0 {
				return true
			}
		}
		return false
	},
}

// proseAt is the evaluators' text of a section and the level of its
// sub-headings (3 in Sammanfattning, 4 in an area).
type proseAt struct {
	Prose
	Level int
}

// pageTmpl is parsed when a report is first written, not when kompass
// starts (every command would pay for it).
var pageTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.Must(template.New("report").Funcs(funcs).Parse(reportTmpl)).Parse(agreementTmpl))
})

// Write renders the report as one HTML page. Without ScriptSrc the page
// carries echarts inline (packed, see packedScript) and needs no other file.
func Write(w io.Writer, r *Report, o WriteOptions) error {
	css := reportCSS
	if r.FollowUp != nil || r.Plan != nil {
		css += "\n" + followUpCSS
	}
	if r.Draft {
		css += "\n" + draftCSS
	}
	v := view{R: r, CSS: template.CSS(css), ScriptSrc: o.ScriptSrc, Init: template.JS(initJS), EchartsVersion: assets.EchartsVersion, Version: o.Version}
	if o.ScriptSrc == "" {
		js, err := packedScript()
		if err != nil {
			return fmt.Errorf("packing echarts: %w", err)
		}
		v.Script = template.JS(js)
	}
	if n := len(r.Trend.Total.Changes); n > 0 {
		v.TotalChange = r.Trend.Total.Changes[n-1]
	}
	v.Moved = compare.MostMovedLines(r.Trend)
	if r.FollowUp != nil {
		v.PlanFiles = append(v.PlanFiles, r.FollowUp.File)
	}
	if r.Plan != nil {
		v.PlanFiles = append(v.PlanFiles, r.Plan.File)
	}
	return pageTmpl().ExecuteTemplate(w, "report", v)
}

// labelled writes a label and what it labels: "Mål: ökad delaktighet",
// "5.4 Kontroll- och uppföljningsrutiner: 11–19 av 20 poäng". A label that
// ends with a full stop or a colon loses it, one that ends with a question
// mark keeps it without a colon, and a text that starts with the label
// ("Mål 1: …") stands alone, so that no punctuation is doubled.
func labelled(label, text string) string {
	label = strings.TrimSpace(label)
	text = strings.TrimSpace(text)
	if l := strings.ToLower(label); strings.HasPrefix(strings.ToLower(text), l) {
		if rest := text[len(label):]; rest == "" || strings.ContainsAny(rest[:1], " :0123456789") {
			return text
		}
	}
	switch {
	case strings.HasSuffix(label, "?") || strings.HasSuffix(label, "!"):
		return label + " " + text
	default:
		return strings.TrimRight(label, ".:;, ") + ": " + text
	}
}

// trendRow is one row of a table of scores over the years (Tabell 2):
// the area, a score per column and a change per step, each cell named by
// its column for the phone, where the row is a card that shows the
// newest score and change first.
type trendRow struct {
	ID, Name             string
	Scores, Changes      []*points.P
	Labels, Steps        []string // the columns' labels
	Newest, NewestChange int      // the index of the newest score and change; -1 for none
}

func newTrendRow(t *compare.Trend, id, name string, scores, changes []*points.P) trendRow {
	row := trendRow{ID: id, Name: name, Scores: scores, Changes: changes, Newest: len(scores) - 1, NewestChange: len(changes) - 1}
	for _, c := range t.Columns {
		row.Labels = append(row.Labels, c.Label)
	}
	for _, st := range t.Steps {
		row.Steps = append(row.Steps, fmt.Sprintf("Förändring %d–%d", st.From, st.To))
	}
	return row
}
