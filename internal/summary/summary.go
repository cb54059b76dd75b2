// Package summary builds the poängsammanställning of one evaluation as plain
// values (Build) and renders it as text for people (decimal comma), CSV or
// JSON (decimal point).
package summary

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kompass-dev/kompass/internal/encode"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/points"
)

// Summary is the poängsammanställning of one evaluation.
type Summary struct {
	File       string     `json:"file"`
	Kommun     string     `json:"kommun"`
	Year       int        `json:"year"`
	Kind       string     `json:"kind"`
	Instrument Instrument `json:"instrument"`
	Level      string     `json:"level"`
	Total      Total      `json:"total"`
	Areas      []Area     `json:"areas"`
}

// Instrument names the instrument version.
type Instrument struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	Name    string `json:"name"`
}

// Total is the evaluation's total. Score is nil until every area is scored.
type Total struct {
	Max     points.P  `json:"max"`
	Score   *points.P `json:"score"`
	Stated  *points.P `json:"stated,omitempty"`
	Comment string    `json:"comment,omitempty"`
}

// Area is one huvudområde. Score is nil when not (fully) scored; Stated is
// the value typed into the area row, if any.
type Area struct {
	ID        string     `json:"id"`
	Name      string     `json:"name"`
	Max       points.P   `json:"max"`
	Score     *points.P  `json:"score"`
	Stated    *points.P  `json:"stated,omitempty"`
	Comment   string     `json:"comment,omitempty"`
	Questions []Question `json:"questions"`
}

// Question is one delfråga.
type Question struct {
	ID      string    `json:"id"`
	Text    string    `json:"text"`
	Max     points.P  `json:"max"`
	Score   *points.P `json:"score"`
	Comment string    `json:"comment,omitempty"`
}

// Build computes the summary of an evaluation whose Instrument is set.
func Build(ev *evaluation.Evaluation) Summary {
	t := ev.Tally()
	in := ev.Instrument
	s := Summary{
		File:       ev.File,
		Kommun:     ev.Facts.Kommun,
		Year:       ev.Facts.Year,
		Kind:       string(ev.Facts.Kind),
		Instrument: Instrument{ID: in.ID, Version: in.Version, Name: in.Name},
		Level:      string(t.Level),
		Total:      Total{Max: t.Max, Score: t.Score.Ptr(), Stated: t.Stated.Ptr()},
		Areas:      []Area{},
	}
	if en, ok := ev.Entry(evaluation.TotalID); ok {
		s.Total.Comment = en.Published
	}
	for _, at := range t.Areas {
		a := Area{ID: at.ID, Name: at.Name, Max: at.Max, Score: at.Score.Ptr(), Stated: at.Stated.Ptr(), Comment: at.Comment, Questions: []Question{}}
		for _, q := range at.Questions {
			a.Questions = append(a.Questions, Question{ID: q.ID, Text: q.Text, Max: q.Max, Score: q.Score.Ptr(), Comment: q.Comment})
		}
		s.Areas = append(s.Areas, a)
	}
	return s
}

// JSON writes the summary as indented JSON.
func JSON(w io.Writer, s Summary) error {
	return encode.JSON(w, s)
}

// CSV writes one row per area, delfråga and the total, with a header.
func CSV(w io.Writer, s Summary) error {
	row := func(kind, id, area, text string, max points.P, score *points.P) []string {
		return []string{s.Kommun, strconv.Itoa(s.Year), s.Instrument.ID, s.Instrument.Version, kind, id, area, text, max.String(), points.Dot(score)}
	}
	var records [][]string
	for _, a := range s.Areas {
		records = append(records, row("area", a.ID, a.ID, a.Name, a.Max, a.Score))
		for _, q := range a.Questions {
			records = append(records, row("question", q.ID, a.ID, q.Text, q.Max, q.Score))
		}
	}
	records = append(records, row("total", evaluation.TotalID, "", evaluation.TotalLabel, s.Total.Max, s.Total.Score))
	return encode.CSV(w, []string{"kommun", "year", "instrument", "version", "row", "id", "area", "text", "max", "score"}, records)
}

// textWidth is the width of the text column in Text.
const textWidth = 64

// Text writes the summary for people: Swedish labels, decimal comma, "–"
// for what is not scored.
func Text(w io.Writer, s Summary) error {
	var b strings.Builder
	title := "Poängsammanställning: " + s.Kommun
	if s.Year != 0 {
		title += " " + strconv.Itoa(s.Year)
	}
	if s.Kind == string(evaluation.KindMean) {
		title += " (medelvärde)"
	}
	fmt.Fprintln(&b, title)
	fmt.Fprintf(&b, "Instrument: %s (%s@%s)\n", s.Instrument.Name, s.Instrument.ID, s.Instrument.Version)
	switch evaluation.Level(s.Level) {
	case evaluation.LevelArea:
		if hasQuestions(s) {
			fmt.Fprintln(&b, "Nivå: huvudområden (delfrågorna är inte poängsatta)")
		} else {
			fmt.Fprintln(&b, "Nivå: huvudområden (instrumentversionen har inga kända delfrågor)")
		}
	case evaluation.LevelNone:
		fmt.Fprintln(&b, "Nivå: inget är poängsatt ännu")
	}
	fmt.Fprintln(&b)
	var notes []string
	line := func(id, text, max, score, comment string) {
		mark := ""
		if comment != "" {
			notes = append(notes, fmt.Sprintf("[%d] %s: %s", len(notes)+1, id, comment))
			mark = fmt.Sprintf(" [%d]", len(notes))
		}
		fmt.Fprintf(&b, "%-6s %s %9s %7s%s\n", id, pad(text, textWidth), max, score, mark)
	}
	line("ID", "Område / delfråga", "Maxpoäng", "Poäng", "")
	for _, a := range s.Areas {
		line(a.ID, a.Name, a.Max.Swedish(), points.Sv(a.Score), a.Comment)
		for _, q := range a.Questions {
			line(q.ID, "  "+q.Text, q.Max.Swedish(), points.Sv(q.Score), q.Comment)
		}
	}
	line(strings.ToUpper(evaluation.TotalLabel), "", s.Total.Max.Swedish(), points.Sv(s.Total.Score), s.Total.Comment)
	if len(notes) > 0 {
		fmt.Fprintln(&b, "\nKommentarer:")
		for _, n := range notes {
			fmt.Fprintln(&b, n)
		}
	}
	// Kommun, names and comments come from the workbook: the command line
	// shows their control characters (termtext.Writer).
	_, err := io.WriteString(w, b.String())
	return err
}

func hasQuestions(s Summary) bool {
	for _, a := range s.Areas {
		if len(a.Questions) > 0 {
			return true
		}
	}
	return false
}

// pad cuts or pads s to n runes.
func pad(s string, n int) string {
	if utf8.RuneCountInString(s) > n {
		r := []rune(s)
		return string(r[:n-1]) + "…"
	}
	return s + strings.Repeat(" ", n-utf8.RuneCountInString(s))
}
