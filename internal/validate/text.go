package validate

import (
	"fmt"
	"io"
	"strings"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/termtext"
)

// Outcome is what validate keeps of one workbook once it is checked: the
// problems and a label, not the evaluation.
type Outcome struct {
	File     string
	Label    string // "Umeå 2007", as far as the workbook could be read
	OK       bool
	Problems []problem.Problem
}

// Outcome is the result without its evaluation.
func (r Result) Outcome() Outcome {
	o := Outcome{File: r.File, OK: r.OK(), Problems: r.Problems}
	if r.Evaluation != nil {
		o.Label = problem.Short(r.Evaluation.Label())
		if f := r.Evaluation.Facts; f.Kind == evaluation.KindAssessment && f.Assessor != "" {
			o.Label = msg.Sprintf("%s, bedömning by %s", o.Label, problem.Short(f.Assessor))
		}
		if r.Evaluation.Facts.Draft() {
			o.Label = msg.Sprintf("%s, draft", o.Label)
		}
	}
	if r.Plan != nil && r.Plan.Kommun != "" {
		o.Label = msg.Sprintf("åtgärdsplan %s %d", problem.Short(r.Plan.Kommun), r.Plan.Year)
	}
	return o
}

// Add adds problems found later (Clashes) to the outcome.
func (o *Outcome) Add(ps ...problem.Problem) {
	if len(ps) == 0 {
		return
	}
	o.Problems = addSorted(o.Problems, ps)
	o.OK = o.OK && !problem.HasErrors(ps)
}

// WriteText prints the problems for people, grouped by file, then a count,
// in the language messages are shown in:
//
//	evaluations/umea-2007.xlsx: ok (Umeå 2007)
//	bad.xlsx:
//	  error   Poäng!D37    7.1    Poäng 25 … (found 25; expected 0–20 …)
//
// What comes from a workbook is printed with its control characters
// visible (termtext.Line), so that no cell can drive the terminal.
func WriteText(w io.Writer, outcomes []Outcome) error {
	var b strings.Builder
	l := termtext.Line
	bad, errs, warns := 0, 0, 0
	for _, r := range outcomes {
		if len(r.Problems) == 0 {
			if r.Label != "" {
				b.WriteString(msg.Sprintf("%s: ok (%s)\n", l(r.File), l(r.Label)))
			} else {
				b.WriteString(msg.Sprintf("%s: ok\n", l(r.File)))
			}
			continue
		}
		if !r.OK {
			bad++
		}
		fmt.Fprintf(&b, "%s:\n", l(r.File))
		for _, p := range r.Problems {
			label := msg.T("error")
			if p.Severity == problem.Warning {
				warns++
				label = msg.T("warning")
			} else {
				errs++
			}
			fmt.Fprintf(&b, "  %-7s %-12s %-6s %s", label, l(orDash(p.Place(), "-")), l(orDash(p.ID, "-")), l(p.Message))
			if p.Found != "" || p.Expected != "" {
				b.WriteString(msg.Sprintf(" (found %s; expected %s)", l(orDash(p.Found, "–")), l(orDash(p.Expected, "–"))))
			}
			b.WriteString("\n")
		}
	}
	b.WriteString(msg.Sprintf("\n%s checked: %d ok, %d with problems (%s, %s)\n",
		msg.Count(len(outcomes), "workbook", "workbooks"), len(outcomes)-bad, bad,
		msg.Count(errs, "error", "errors"), msg.Count(warns, "warning", "warnings")))
	_, err := io.WriteString(w, b.String())
	return err
}

func orDash(s, dash string) string {
	if s == "" {
		return dash
	}
	return s
}
