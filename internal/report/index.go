package report

import (
	_ "embed"
	"html/template"
	"io"
	"sort"
	"strconv"
	"sync"

	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/points"
	"github.com/kompass-dev/kompass/internal/summary"
)

// IndexEntry is one row of the index page: a kommun's latest evaluation
// with one instrument version, or a published mean.
type IndexEntry struct {
	Kommun     string
	Year       int
	Instrument string // id@version
	// InstrumentName is the version in words ("Kommunkompassen 2003–2009").
	InstrumentName string
	Total          *points.P
	Max            points.P
	Years          int    // the kommun's evaluations with this version
	Href           string // its report; "" for a mean, which has none
	// Mean is set for a published mean (Avser = medelvärde, such as
	// Sverigesnitt 2021): listed for comparison, without a report.
	Mean  bool
	Draft bool // its report is of a draft (written with --utkast)
}

// IndexEntries are the rows of the index of a set's reports: every kommun
// under every instrument version it was evaluated with, by its latest
// evaluation in that version, and every published mean. hrefs gives the
// report file of each kommun that has one (by its name as the set writes
// it); a kommun without one is left out. A row of an earlier version than
// the kommun's latest links to the report's part on earlier versions.
func IndexEntries(set *evalset.Set, hrefs map[string]string) []IndexEntry {
	type key struct{ kommun, ref string }
	var out []IndexEntry
	at := map[key]int{}                  // the row of a kommun and version
	latest := map[string]string{}        // a kommun's latest version
	for _, ev := range set.Evaluations { // sorted by kommun, then year
		if ev.Facts.Kind != evaluation.KindKommun && ev.Facts.Kind != evaluation.KindMean {
			continue
		}
		k := key{evaluation.NameKey(ev.Facts.Kommun), ev.Instrument.Ref()}
		mean := ev.Facts.Kind == evaluation.KindMean
		href, ok := hrefs[ev.Facts.Kommun]
		if !mean && !ok {
			continue
		}
		e := IndexEntry{Kommun: ev.Facts.Kommun, Year: ev.Facts.Year, Instrument: ev.Instrument.Ref(), InstrumentName: ev.Instrument.Name,
			Total: summary.Build(ev).Total.Score, Max: ev.Instrument.Max(), Years: 1, Href: href, Mean: mean}
		if mean {
			e.Href = ""
		}
		if i, seen := at[k]; seen {
			if ev.Facts.Year >= out[i].Year {
				e.Years = out[i].Years + 1
				out[i] = e
			} else {
				out[i].Years++
			}
		} else {
			at[k] = len(out)
			out = append(out, e)
		}
		if !mean {
			latest[k.kommun] = k.ref // the set is in year order within a kommun
		}
	}
	for i := range out {
		e := &out[i]
		if !e.Mean && latest[evaluation.NameKey(e.Kommun)] != e.Instrument {
			e.Href += "#tidigare"
		}
	}
	return out
}

// indexVersion is one table of the index: the kommuner evaluated with
// one instrument version, and its published means. Totals of different
// versions answer different questions, so they never share a column.
type indexVersion struct {
	ID          string // of its section; the table is ID-tabell
	Ref, Name   string // of the instrument version; Name may be ""
	Title       string // "Kommunkompassen 2003–2009 (kommunkompassen@2007)"
	Max         points.P
	Entries     []IndexEntry
	Kommuner    int // entries that are kommuner, not means
	Means       int
	Evaluations int // the kommuner's evaluations with the version
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
		if e.Mean {
			v.Means++
		} else {
			v.Kommuner++
			v.Evaluations += e.Years
		}
		v.newest = max(v.newest, e.Year)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].newest > out[j].newest })
	return out
}

//go:embed index.html.tmpl
var indexTmplText string

var indexTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("index").Funcs(funcs).Funcs(template.FuncMap{"count": msg.Counted}).Parse(indexTmplText))
})

// WriteIndex writes the index page of a set of reports: one table per
// instrument version, headed by the version, with one row per kommun
// evaluated with it (in the order given) and its latest total there, and
// the published means, sortable by any column.
func WriteIndex(w io.Writer, entries []IndexEntry) error {
	kommuner := map[string]bool{}
	for _, e := range entries {
		if !e.Mean {
			kommuner[evaluation.NameKey(e.Kommun)] = true
		}
	}
	return indexTmpl().ExecuteTemplate(w, "index", struct {
		Kommuner int
		Versions []*indexVersion
		CSS      template.CSS
	}{len(kommuner), indexVersions(entries), template.CSS(reportCSS)})
}
