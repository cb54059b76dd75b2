package serve

import (
	"bytes"
	"embed"
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/points"
	"github.com/kompass-dev/kompass/internal/problem"
)

//go:embed page.html.tmpl sida.css sida.js
var files embed.FS

// pageCSP lets the page run its own script and style and talk to its own
// server, and nothing else.
const pageCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'"

// pageTmpl is parsed when a page is first written, not when kompass starts
// (every command would pay for it).
var pageTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("page.html.tmpl").Funcs(template.FuncMap{
		"sv":      points.Sv,
		"fileURL": fileURL,
		"count":   countWorkbooks,
		"severity": func(s problem.Severity) string {
			if s == problem.Warning {
				return "varning"
			}
			return "fel"
		},
		"status": status,
		"has": func(f *Folder, k Kind) bool {
			for _, w := range f.Workbooks {
				if w.Kind == k && w.OK {
					return true
				}
			}
			return false
		},
	}).ParseFS(files, "page.html.tmpl"))
})

// view is what the page template shows.
type view struct {
	Dir     string // the data folder, absolute
	Version string
	Folder  *Folder
	Outputs []output
}

func (s *Server) view(r *http.Request) view {
	return view{Dir: s.abs, Version: s.version, Folder: s.cache.get(r.Context(), s), Outputs: s.outputs()}
}

// page is the whole page.
func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	s.render(w, "page", s.view(r))
}

// list is the part of the page that changes: the workbooks and the files
// of the folder, fetched again after a job.
func (s *Server) list(w http.ResponseWriter, r *http.Request) {
	s.render(w, "lista", s.view(r))
}

func (s *Server) render(w http.ResponseWriter, name string, v view) {
	var b bytes.Buffer
	if err := pageTmpl().ExecuteTemplate(&b, name, v); err != nil {
		http.Error(w, "500 sidan kunde inte visas: "+err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", pageCSP)
	w.Write(b.Bytes())
}

// asset serves one of the page's own files.
func asset(name, contentType string) http.HandlerFunc {
	data, err := files.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.Write(data)
	}
}

// fileURL is the address of a file of the folder, relative to the page.
func fileURL(name string) string {
	parts := strings.Split(name, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return "filer/" + strings.Join(parts, "/")
}

// counts of the workbooks, for the line above them.
type counts struct{ All, OK, Bad, Errors, Warnings int }

func countWorkbooks(ws []Workbook) counts {
	var c counts
	for _, w := range ws {
		c.All++
		if w.OK {
			c.OK++
		} else {
			c.Bad++
		}
		for _, p := range w.Problems {
			if p.Severity == problem.Warning {
				c.Warnings++
			} else {
				c.Errors++
			}
		}
	}
	return c
}

// status is a workbook's status in words: "ok", "2 fel", "ok, 1 varning".
func status(w Workbook) string {
	c := countWorkbooks([]Workbook{w})
	var parts []string
	if c.Errors > 0 {
		parts = append(parts, msg.Counted(c.Errors, "fel", "fel"))
	} else {
		parts = append(parts, "ok")
	}
	if c.Warnings > 0 {
		parts = append(parts, msg.Counted(c.Warnings, "varning", "varningar"))
	}
	return strings.Join(parts, ", ")
}
