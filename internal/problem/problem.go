// Package problem holds what kompass reports about an input: one Problem per
// thing wrong, naming the file, the sheet and cell (or TOML line), the id
// concerned, what was found and what was expected.
package problem

import (
	"fmt"
	"sort"
	"strings"
)

// Severity of a problem.
type Severity string

// Severities. Every error makes validate exit 3; warnings are shown but do
// not fail validation.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Problem is one thing wrong in an input file. Message, Found and Expected
// are in the language messages are shown in (internal/msg); Severity is
// "error" or "warning" in every language, for machines (validate --format
// json).
type Problem struct {
	File     string   `json:"file"`
	Sheet    string   `json:"sheet"`
	Cell     string   `json:"cell"`
	ID       string   `json:"id"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Found    string   `json:"found,omitempty"`
	Expected string   `json:"expected,omitempty"`
}

// Place is "sheet!cell", "sheet" or "" as far as known.
func (p Problem) Place() string {
	switch {
	case p.Sheet != "" && p.Cell != "":
		return p.Sheet + "!" + p.Cell
	case p.Sheet != "":
		return p.Sheet
	}
	return p.Cell
}

// String is the one-line form: "file: Poäng!D7 (7.1): message".
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if pl := p.Place(); pl != "" {
		b.WriteString(": ")
		b.WriteString(pl)
	}
	if p.ID != "" {
		fmt.Fprintf(&b, " (%s)", p.ID)
	}
	b.WriteString(": ")
	b.WriteString(p.Message)
	return b.String()
}

// List collects problems for one file.
type List struct {
	File  string
	Items []Problem
}

// At says where a problem is and what was found there: the sheet and
// cell (or just the sheet), the id of the area or delfråga, the value found
// and what was expected instead. Fields not known stay empty.
type At struct {
	Sheet, Cell, ID string
	Found, Expected string
}

// Error appends an error at a place. The message, like the Found and
// Expected of at, is already in the language shown (msg.Sprintf).
func (l *List) Error(at At, message string) { l.add(Error, at, message) }

// Warn appends a warning at a place.
func (l *List) Warn(at At, message string) { l.add(Warning, at, message) }

func (l *List) add(sev Severity, at At, message string) {
	// What was found, and the id, are the file's text: shortened, so that
	// one long cell cannot fill a screen, or memory, once per problem.
	l.Items = append(l.Items, Problem{
		File: l.File, Sheet: at.Sheet, Cell: at.Cell, ID: Short(at.ID), Severity: sev,
		Message: clip(message, MaxMessage), Found: Short(at.Found), Expected: at.Expected,
	})
}

// MaxQuoted is how many characters of a value from a file a problem quotes;
// MaxMessage bounds a whole message, whatever it quotes.
const (
	MaxQuoted  = 60
	MaxMessage = 1000
)

// Short is s cut to MaxQuoted characters (runes), with "…" when cut: use it
// for every value from a file that a message quotes.
func Short(s string) string { return clip(s, MaxQuoted) }

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i, count := 0, 0
	for i = range s {
		if count == n {
			return s[:i] + "…"
		}
		count++
	}
	return s
}

// MaxPerFile is how many problems are kept for one file; Cap replaces the
// rest with one.
const MaxPerFile = 100

// Cap keeps the first MaxPerFile problems and replaces the rest with one
// problem saying how many more there are, an error if any of them is one.
// more is the message for the rest, which the caller translates.
func Cap(ps []Problem, more func(n int) string) []Problem {
	if len(ps) <= MaxPerFile {
		return ps
	}
	rest := ps[MaxPerFile:]
	last := Problem{File: ps[0].File, Severity: Warning, Message: more(len(rest))}
	if HasErrors(rest) {
		last.Severity = Error
	}
	return append(ps[:MaxPerFile:MaxPerFile], last)
}

// HasErrors reports whether any problem is an error.
func HasErrors(ps []Problem) bool {
	for _, p := range ps {
		if p.Severity == Error {
			return true
		}
	}
	return false
}

// Sort orders problems by file, then sheet order as given, then row and
// column of the cell, so that output is stable and reads top to bottom.
func Sort(ps []Problem, sheetOrder ...string) {
	rank := map[string]int{}
	for i, s := range sheetOrder {
		rank[s] = i + 1
	}
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if ra, rb := rank[a.Sheet], rank[b.Sheet]; ra != rb {
			return ra < rb
		}
		if a.Sheet != b.Sheet {
			return a.Sheet < b.Sheet
		}
		ca, ra := splitCell(a.Cell)
		cb, rb := splitCell(b.Cell)
		if ra != rb {
			return ra < rb
		}
		if len(ca) != len(cb) {
			return len(ca) < len(cb)
		}
		return ca < cb
	})
}

func splitCell(cell string) (col string, row int) {
	i := strings.IndexAny(cell, "0123456789")
	if i < 0 {
		return cell, 0
	}
	fmt.Sscan(cell[i:], &row)
	return cell[:i], row
}
