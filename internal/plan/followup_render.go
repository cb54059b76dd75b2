package plan

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/kompass-dev/kompass/internal/encode"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/texttable"
)

// Renderers of a Progress: text for people (in the language of the
// messages; statuses and the domain words huvudområde, förbättringsområde
// and åtgärd are Swedish in every language), CSV and JSON for programs (the
// columns and keys are in docs/followup.md).

// date is a day as YYYY-MM-DD; "" for the zero time.
func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// areaWidth is the width of the area column of the text tables.
const areaWidth = 40

// countCells are the cells of a Counts in the order of Statuses, then not
// reported.
func countCells(c Counts) []string {
	var out []string
	for _, s := range Statuses {
		out = append(out, strconv.Itoa(c.Of(s)))
	}
	return append(out, strconv.Itoa(c.NotReported))
}

func statusHeads() []string {
	var out []string
	for _, s := range Statuses {
		out = append(out, string(s))
	}
	return append(out, msg.T("Not reported"))
}

// FollowUpText writes the follow-up for people: the standing per area and
// in total, the total over time, the förbättringsområden without åtgärd and
// the overdue åtgärder.
func FollowUpText(w io.Writer, pr Progress) error {
	var b strings.Builder
	fmt.Fprint(&b, msg.Sprintf("Follow-up of the åtgärdsplan of %s %d (%s@%s)\n", pr.Kommun, pr.Year, pr.InstrumentID, pr.InstrumentVersion))
	switch {
	case pr.Standing < 0 && pr.Per:
		fmt.Fprint(&b, msg.Sprintf("Standing on %s: no status reported up to that date\n", date(pr.Date)))
	case pr.Standing < 0:
		fmt.Fprint(&b, msg.T("No status reported yet\n"))
	case pr.Per:
		o := pr.Occasions[pr.Standing]
		fmt.Fprint(&b, msg.Sprintf("Standing on %s: the latest reported occasion is %s (%s)\n", date(pr.Date), InSentence(o.Label), date(o.Date)))
	default:
		o := pr.Occasions[pr.Standing]
		fmt.Fprint(&b, msg.Sprintf("Standing at %s (%s), the latest reported occasion\n", InSentence(o.Label), date(o.Date)))
	}
	b.WriteString("\n")

	var tb texttable.Table
	tb.Add(append([]string{"Huvudområde", "Förb.omr.", "Åtgärder"}, statusHeads()...)...)
	row := func(label string, t Tally) {
		tb.Add(append([]string{label, strconv.Itoa(t.Improvements), strconv.Itoa(t.Actions)}, countCells(t.Now)...)...)
	}
	for _, a := range pr.Areas {
		row(texttable.Cut(strings.TrimSpace(a.Area+" "+a.Name), areaWidth), a)
	}
	row(strings.ToUpper(evaluation.TotalLabel), pr.Total)
	tb.Write(&b)
	if pr.Total.FromEarlier > 0 {
		fmt.Fprint(&b, msg.Sprintf("\n%d of %d åtgärder have their status from an earlier occasion: a status stands until a later occasion reports another.\n", pr.Total.FromEarlier, pr.Total.Actions))
	}

	if len(pr.Occasions) > 0 {
		fmt.Fprint(&b, msg.T("\nOver time, all huvudområden:\n"))
		var ot texttable.Table
		ot.Add(append([]string{msg.T("Occasion"), msg.T("Date"), msg.T("Reported")}, statusHeads()...)...)
		for i, o := range pr.Occasions {
			ot.Add(append([]string{o.Label, date(o.Date), strconv.Itoa(pr.Total.Reported[i])}, countCells(pr.Total.Over[i])...)...)
		}
		ot.Write(&b)
	}
	if len(pr.Unreported) > 0 {
		var labels []string
		for _, o := range pr.Unreported {
			labels = append(labels, InSentence(o.Label)+" ("+date(o.Date)+")")
		}
		fmt.Fprint(&b, msg.Sprintf("\nOccasions due by %s with nothing reported: %s\n", date(pr.Date), strings.Join(labels, ", ")))
	}

	if len(pr.Without) > 0 {
		fmt.Fprint(&b, msg.Sprintf("\nFörbättringsområden without any åtgärd (%d):\n", len(pr.Without)))
		for _, u := range pr.Without {
			fmt.Fprintf(&b, "- %s %s\n", u.Ref, u.Text)
		}
	}

	switch {
	case pr.Date.IsZero():
	case len(pr.Overdue) == 0:
		fmt.Fprint(&b, msg.Sprintf("\nNo overdue åtgärder (Klart senast before %s and not Genomförd).\n", date(pr.Date)))
	default:
		fmt.Fprint(&b, msg.Sprintf("\nOverdue åtgärder, Klart senast before %s and not Genomförd (%d):\n", date(pr.Date), len(pr.Overdue)))
		for _, o := range pr.Overdue {
			status := msg.T("not reported")
			if o.Status != "" {
				status = fmt.Sprintf("%s (%s)", o.Status, InSentence(o.Occasion))
			}
			responsible := o.Responsible
			if responsible == "" {
				responsible = "–"
			}
			fmt.Fprint(&b, msg.Sprintf("- %s %s\n  Ansvarig %s, Klart senast %s, %s, row %d\n", o.Ref, o.Action, responsible, date(o.Due), status, o.Row))
		}
	}
	// Texts come from the workbook: the command line shows their control
	// characters (termtext.Writer).
	_, err := io.WriteString(w, b.String())
	return err
}

// followUpHeader are the CSV columns (docs/followup.md).
var followUpHeader = []string{"kommun", "year", "instrument", "version", "occasion", "date", "area", "name",
	"improvements", "without_action", "actions", "reported", "done", "partly", "not_done", "not_started", "not_reported"}

// FollowUpCSV writes one row per occasion and area, then the total
// (area TOTAL) of the occasion, occasions in order up to the standing's;
// when nothing is reported yet, one set of rows with an empty occasion.
func FollowUpCSV(w io.Writer, pr Progress) error {
	var recs [][]string
	add := func(occasion, day string, t Tally, c Counts, reported int) {
		area, name := t.Area, t.Name
		if area == "" {
			area, name = evaluation.TotalID, evaluation.TotalLabel
		}
		rec := []string{pr.Kommun, strconv.Itoa(pr.Year), pr.InstrumentID, pr.InstrumentVersion, occasion, day, area, name,
			strconv.Itoa(t.Improvements), strconv.Itoa(t.Without), strconv.Itoa(t.Actions), strconv.Itoa(reported)}
		recs = append(recs, append(rec, countCells(c)...))
	}
	if len(pr.Occasions) == 0 {
		for _, a := range pr.Areas {
			add("", "", a, a.Now, 0)
		}
		add("", "", pr.Total, pr.Total.Now, 0)
	}
	for i, o := range pr.Occasions {
		for _, a := range pr.Areas {
			add(o.Label, date(o.Date), a, a.Over[i], a.Reported[i])
		}
		add(o.Label, date(o.Date), pr.Total, pr.Total.Over[i], pr.Total.Reported[i])
	}
	return encode.CSV(w, followUpHeader, recs)
}

// The JSON document (docs/followup.md). Struct order is key order.
type (
	jsonProgress struct {
		Kommun     string         `json:"kommun"`
		Year       int            `json:"year"`
		Instrument string         `json:"instrument"`
		Version    string         `json:"version"`
		File       string         `json:"file"`
		Per        *string        `json:"per"`
		Date       *string        `json:"date"`
		Standing   *jsonOccasion  `json:"standing"`
		Occasions  []jsonOccasion `json:"occasions"`
		Unreported []jsonOccasion `json:"unreported_occasions"`
		Total      jsonTally      `json:"total"`
		Areas      []jsonTally    `json:"areas"`
		Without    []jsonItem     `json:"without_action"`
		Overdue    []jsonOverdue  `json:"overdue"`
	}
	jsonOccasion struct {
		Occasion string `json:"occasion"`
		Date     string `json:"date"`
	}
	jsonCounts struct {
		Done        int `json:"done"`
		Partly      int `json:"partly"`
		NotDone     int `json:"not_done"`
		NotStarted  int `json:"not_started"`
		NotReported int `json:"not_reported"`
	}
	jsonTally struct {
		Area         string     `json:"area,omitempty"`
		Name         string     `json:"name,omitempty"`
		Improvements int        `json:"improvements"`
		Without      int        `json:"without_action"`
		Actions      int        `json:"actions"`
		Counts       jsonCounts `json:"counts"`
		FromEarlier  int        `json:"from_earlier"`
		OverTime     []jsonAt   `json:"over_time"`
	}
	jsonAt struct {
		Occasion string     `json:"occasion"`
		Date     string     `json:"date"`
		Reported int        `json:"reported"`
		Counts   jsonCounts `json:"counts"`
	}
	jsonItem struct {
		Ref  string `json:"ref"`
		Area string `json:"area"`
		Text string `json:"text"`
	}
	jsonOverdue struct {
		Ref         string  `json:"ref"`
		Area        string  `json:"area"`
		Action      string  `json:"action"`
		Responsible string  `json:"responsible"`
		Due         string  `json:"due"`
		Status      *string `json:"status"`
		Occasion    *string `json:"occasion"`
		Row         int     `json:"row"`
	}
)

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// FollowUpJSON writes the follow-up as indented JSON: English keys, counts
// as numbers, statuses by their Swedish names, dates as YYYY-MM-DD and
// null for what is not known.
func FollowUpJSON(w io.Writer, pr Progress) error {
	occasions := func(os []OccasionState) []jsonOccasion {
		out := []jsonOccasion{}
		for _, o := range os {
			out = append(out, jsonOccasion{Occasion: o.Label, Date: date(o.Date)})
		}
		return out
	}
	tally := func(t Tally) jsonTally {
		jt := jsonTally{Area: t.Area, Name: t.Name, Improvements: t.Improvements, Without: t.Without, Actions: t.Actions,
			Counts: jsonCounts(t.Now), FromEarlier: t.FromEarlier, OverTime: []jsonAt{}}
		for i, o := range pr.Occasions {
			jt.OverTime = append(jt.OverTime, jsonAt{Occasion: o.Label, Date: date(o.Date), Reported: t.Reported[i], Counts: jsonCounts(t.Over[i])})
		}
		return jt
	}
	d := jsonProgress{
		Kommun: pr.Kommun, Year: pr.Year, Instrument: pr.InstrumentID, Version: pr.InstrumentVersion, File: pr.File,
		Date: optional(date(pr.Date)), Occasions: occasions(pr.Occasions), Unreported: occasions(pr.Unreported),
		Total: tally(pr.Total), Areas: []jsonTally{}, Without: []jsonItem{}, Overdue: []jsonOverdue{},
	}
	if pr.Per {
		d.Per = optional(date(pr.Date))
	}
	if pr.Standing >= 0 {
		o := pr.Occasions[pr.Standing]
		d.Standing = &jsonOccasion{Occasion: o.Label, Date: date(o.Date)}
	}
	for _, a := range pr.Areas {
		d.Areas = append(d.Areas, tally(a))
	}
	for _, u := range pr.Without {
		d.Without = append(d.Without, jsonItem(u))
	}
	for _, o := range pr.Overdue {
		d.Overdue = append(d.Overdue, jsonOverdue{Ref: o.Ref, Area: o.Area, Action: o.Action, Responsible: o.Responsible,
			Due: date(o.Due), Status: optional(string(o.Status)), Occasion: optional(o.Occasion), Row: o.Row})
	}
	return encode.JSON(w, d)
}
