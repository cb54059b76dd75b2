package report

import (
	_ "embed"
	"html/template"
	"io"

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
}

//go:embed index.html.tmpl
var indexTmplText string

var indexTmpl = template.Must(template.New("index").Funcs(funcs).Parse(indexTmplText))

// WriteIndex writes the index page of a set of reports: one row per kommun
// with its latest total, sortable by any column.
func WriteIndex(w io.Writer, entries []IndexEntry) error {
	return indexTmpl.ExecuteTemplate(w, "index", struct {
		Entries []IndexEntry
		CSS     template.CSS
	}{entries, template.CSS(reportCSS)})
}
