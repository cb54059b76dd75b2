package report

import (
	_ "embed"
	"html/template"
	"io"
	"sort"
	"strconv"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/points"
)

// IndexEntry is one kommun on the index page.
type IndexEntry struct {
	Kommun     string
	Year       int
	Instrument string // id@version
	// InstrumentName is the version in words ("Kommunkompassen 2003–2009").
	InstrumentName string
	Total          *points.P
	Max            points.P
	Years          int
	Href           string
	Draft          bool // the report is of a draft (written with --utkast)
}

// indexVersion is one table of the index: the kommuner whose latest
// evaluation was made with one instrument version. Totals of different
// versions answer different questions, so they never share a column.
type indexVersion struct {
	ID          string // of its section; the table is ID-tabell
	Ref, Name   string // of the instrument version; Name may be ""
	Title       string // "Kommunkompassen 2003–2009 (kommunkompassen@2007)"
	Max         points.P
	Entries     []IndexEntry
	Evaluations int
	newest      int
}

// indexVersions groups the entries by instrument version, keeping their
// order within a version; the version with the newest evaluation comes
// first.
func indexVersions(entries []IndexEntry) []*indexVersion {
	var out []*indexVersion
	byRef := map[string]*indexVersion{}
	ids := map[string]bool{}
	for _, e := range entries {
		v := byRef[e.Instrument]
		if v == nil {
			v = &indexVersion{Ref: e.Instrument, Name: e.InstrumentName, Title: e.Instrument, Max: e.Max}
			if e.InstrumentName != "" {
				v.Title = e.InstrumentName + " (" + e.Instrument + ")"
			}
			v.ID = evaluation.Slug(e.Instrument)
			for n := 2; ids[v.ID]; n++ {
				v.ID = evaluation.Slug(e.Instrument) + "-" + strconv.Itoa(n)
			}
			ids[v.ID] = true
			byRef[e.Instrument] = v
			out = append(out, v)
		}
		v.Entries = append(v.Entries, e)
		v.Evaluations += e.Years
		v.newest = max(v.newest, e.Year)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].newest > out[j].newest })
	return out
}

//go:embed index.html.tmpl
var indexTmplText string

var indexTmpl = template.Must(template.New("index").Funcs(funcs).Funcs(template.FuncMap{"count": msg.Count}).Parse(indexTmplText))

// WriteIndex writes the index page of a set of reports: one table per
// instrument version, headed by the version, with one row per kommun (in
// the order given) and its latest total, sortable by any column.
func WriteIndex(w io.Writer, entries []IndexEntry) error {
	return indexTmpl.ExecuteTemplate(w, "index", struct {
		Entries  []IndexEntry
		Versions []*indexVersion
		CSS      template.CSS
	}{entries, indexVersions(entries), template.CSS(reportCSS)})
}
