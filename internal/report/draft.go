package report

// A report of an unfinished evaluation is a draft, and says so on every
// screen and printed page (draft.css): one of its evaluations has Status
// Utkast, or still holds the marks of the evaluators' meeting (ATT
// DISKUTERA, the evaluators' names before a text; validate.Unfinished).
// kompass report refuses to write a draft unless asked for one (--utkast).

import (
	"fmt"
	"strings"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/validate"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// markDraft sets Draft and Unfinished from the evaluations the report
// shows: the kommun's own and the members of its group.
func (r *Report) markDraft(evs []*evaluation.Evaluation) {
	drafts, marks, names := 0, 0, 0
	for _, ev := range evs {
		if ev.Facts.Draft() {
			drafts++
			r.Unfinished = append(r.Unfinished, problem.Problem{File: ev.File, Sheet: workbook.SheetFacts, Cell: ev.Facts.Cells[workbook.FactStatus],
				Severity: problem.Warning, Found: string(ev.Facts.Status), Expected: string(evaluation.StatusFinal),
				Message: msg.Sprintf("%s is a draft (Status %s)", problem.Short(ev.Label()), ev.Facts.Status)})
		}
		for _, p := range validate.Unfinished(ev) {
			if p.Sheet == workbook.SheetScores {
				marks++
			} else {
				names++
			}
			r.Unfinished = append(r.Unfinished, p)
		}
	}
	r.Draft = len(r.Unfinished) > 0
	var why []string
	if drafts > 0 {
		why = append(why, "arbetsboken har Status Utkast")
	}
	if marks > 0 {
		why = append(why, fmt.Sprintf("%d poäng är %s %s", marks, plural(marks, "markerad", "markerade"), workbook.DiscussMark))
	}
	if names > 0 {
		why = append(why, fmt.Sprintf("%d %s börjar med bedömarnas namn", names, plural(names, "text", "texter")))
	}
	r.DraftReason = strings.Join(why, "; ") + "."
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
