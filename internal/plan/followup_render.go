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

// Renderer writes a follow-up in one format, its åtgärder grouped as by
// says where the format lists them.
type Renderer func(w io.Writer, pr Progress, by GroupBy) error

// Renderers are the formats of kompass follow-up.
var Renderers = map[string]Renderer{
	"text": FollowUpText, "csv": FollowUpCSV, "json": FollowUpJSON, "xlsx": FollowUpXLSX, "html": FollowUpHTML,
}

// Line is the plan's decision as a sentence: "Beslutad av
// Kommunstyrelsen 2026-02-15, § 48."; "" when none is written.
func (d Decision) Line() string {
	var parts []string
	if d.Body != "" {
		parts = append(parts, d.Body)
	}
	if !d.Date.IsZero() {
		parts = append(parts, date(d.Date))
	}
	head := strings.Join(parts, " ")
	if d.Paragraph != "" {
		if head != "" {
			head += ", "
		}
		head += d.Paragraph
	}
	if head == "" {
		return ""
	}
	return "Beslutad av " + head + "."
}

// FollowUpText writes the follow-up for people: the standing per area, per
// nämnd/förvaltning (in the order by says) and in total, the traffic
// lights, the total over time, the förbättringsområden without åtgärd and
// the overdue åtgärder.
func FollowUpText(w io.Writer, pr Progress, by GroupBy) error {
	var b strings.Builder
	fmt.Fprint(&b, msg.Sprintf("Follow-up of the åtgärdsplan of %s %d (%s@%s)\n", pr.Kommun, pr.Year, pr.InstrumentID, pr.InstrumentVersion))
	if l := pr.Decision.Line(); l != "" {
		b.WriteString(l + "\n")
	}
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

	table := func(head string, ts []Tally) {
		var tb texttable.Table
		tb.Add(append([]string{head, "Förb.omr.", "Åtgärder"}, statusHeads()...)...)
		row := func(label string, t Tally) {
			tb.Add(append([]string{label, strconv.Itoa(t.Improvements), strconv.Itoa(t.Actions)}, countCells(t.Now)...)...)
		}
		for _, t := range ts {
			row(texttable.Cut(t.Label(), areaWidth), t)
		}
		row(strings.ToUpper(evaluation.TotalLabel), pr.Total)
		tb.Write(&b)
	}
	// The table of nämnder only when the plan names one.
	named := len(pr.Boards) > 1 || len(pr.Boards) == 1 && !pr.Boards[0].NoBoard
	switch {
	case !named:
		table("Huvudområde", pr.Areas)
	case by == ByBoard:
		table("Nämnd/förvaltning", pr.Boards)
		b.WriteString("\n")
		table("Huvudområde", pr.Areas)
	default:
		table("Huvudområde", pr.Areas)
		b.WriteString("\n")
		table("Nämnd/förvaltning", pr.Boards)
	}
	if pr.Total.Actions > 0 {
		fmt.Fprint(&b, msg.Sprintf("\nTraffic lights at the standing: %s\n", lightsLine(pr.Total.Lights)))
	}
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
			if o.Board != "" {
				responsible += " (" + o.Board + ")"
			}
			fmt.Fprint(&b, msg.Sprintf("- %s %s\n  Ansvarig %s, Klart senast %s, %s, row %d\n", o.Ref, o.Action, responsible, date(o.Due), status, o.Row))
		}
	}
	// Texts come from the workbook: the command line shows their control
	// characters (termtext.Writer).
	_, err := io.WriteString(w, b.String())
	return err
}

// lightsLine is the traffic lights in words with their marks: "● 7
// enligt plan, ▲ 3 risk, ■ 5 försenade" (Swedish in every language, as
// the statuses are).
func lightsLine(c LightCounts) string {
	var parts []string
	for _, l := range Lights {
		parts = append(parts, l.Mark()+" "+l.Counted(c.Of(l)))
	}
	return strings.Join(parts, ", ")
}

// followUpHeader are the CSV columns (docs/followup.md): Swedish, as the
// people who open the file in a spreadsheet read them.
var followUpHeader = []string{"Kommun", "År", "Instrument", "Version", "Tillfälle", "Datum", "Område", "Områdesnamn", "Nämnd/förvaltning",
	"Förbättringsområden", "Utan åtgärd", "Åtgärder", "Rapporterade", "Genomförd", "Delvis genomförd", "Pågår", "Ej genomförd", "Ej påbörjad", "Ej rapporterad"}

// FollowUpCSV writes one row per occasion and group — huvudområde, or
// nämnd/förvaltning with by ByBoard — then the total (Område TOTAL) of the
// occasion, occasions in order up to the standing's; when nothing is
// reported yet, one set of rows with an empty occasion.
func FollowUpCSV(w io.Writer, pr Progress, by GroupBy) error {
	var recs [][]string
	add := func(occasion, day string, t Tally, c Counts, reported int) {
		area, name, board := t.Area, t.Name, t.Board
		switch {
		case t.NoBoard:
			board = NoBoardLabel
		case t.Area == "" && t.Board == "":
			area, name = evaluation.TotalID, evaluation.TotalLabel
		}
		rec := []string{pr.Kommun, strconv.Itoa(pr.Year), pr.InstrumentID, pr.InstrumentVersion, occasion, day, area, name, board,
			strconv.Itoa(t.Improvements), strconv.Itoa(t.Without), strconv.Itoa(t.Actions), strconv.Itoa(reported)}
		recs = append(recs, append(rec, countCells(c)...))
	}
	groups := pr.Areas
	if by == ByBoard {
		groups = pr.Boards
	}
	if len(pr.Occasions) == 0 {
		for _, a := range groups {
			add("", "", a, a.Now, 0)
		}
		add("", "", pr.Total, pr.Total.Now, 0)
	}
	for i, o := range pr.Occasions {
		for _, a := range groups {
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
		Decision   *jsonDecision  `json:"decision"`
		Per        *string        `json:"per"`
		Date       *string        `json:"date"`
		Next       *string        `json:"next"`
		Standing   *jsonOccasion  `json:"standing"`
		Occasions  []jsonOccasion `json:"occasions"`
		Unreported []jsonOccasion `json:"unreported_occasions"`
		Total      jsonTally      `json:"total"`
		Areas      []jsonTally    `json:"areas"`
		Boards     []jsonTally    `json:"boards"`
		Without    []jsonItem     `json:"without_action"`
		Actions    []jsonAction   `json:"actions"`
		Overdue    []jsonOverdue  `json:"overdue"`
	}
	jsonDecision struct {
		Body      *string `json:"body"`
		Paragraph *string `json:"paragraph"`
		Date      *string `json:"date"`
	}
	jsonOccasion struct {
		Occasion string `json:"occasion"`
		Date     string `json:"date"`
	}
	jsonCounts struct {
		Done        int `json:"done"`
		Partly      int `json:"partly"`
		InProgress  int `json:"in_progress"`
		NotDone     int `json:"not_done"`
		NotStarted  int `json:"not_started"`
		NotReported int `json:"not_reported"`
	}
	jsonLights struct {
		OnTrack int `json:"on_track"`
		AtRisk  int `json:"risk"`
		Late    int `json:"late"`
	}
	jsonFulfilment struct {
		Fully       int `json:"fully"`
		Partly      int `json:"partly"`
		NotAtAll    int `json:"not_at_all"`
		NotReported int `json:"not_reported"`
	}
	// jsonTally is an area's, a nämnd's or the total's tally: area and
	// name for an area, board for a nämnd ("" for the åtgärder without
	// one), neither for the total.
	jsonTally struct {
		Area         string         `json:"area,omitempty"`
		Name         string         `json:"name,omitempty"`
		Board        *string        `json:"board,omitempty"`
		Improvements int            `json:"improvements"`
		Without      int            `json:"without_action"`
		Actions      int            `json:"actions"`
		Counts       jsonCounts     `json:"counts"`
		Fulfilment   jsonFulfilment `json:"fulfilment"`
		Lights       jsonLights     `json:"lights"`
		FromEarlier  int            `json:"from_earlier"`
		OverTime     []jsonAt       `json:"over_time"`
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
	jsonAction struct {
		Ref         string  `json:"ref"`
		Area        string  `json:"area"`
		Improvement string  `json:"improvement"`
		CarriedFrom *int    `json:"carried_from"`
		Action      string  `json:"action"`
		Responsible string  `json:"responsible"`
		Board       string  `json:"board"`
		Priority    string  `json:"priority"`
		Due         *string `json:"due"`
		Indicator   string  `json:"indicator"`
		Target      string  `json:"target"`
		Goal        string  `json:"goal"`
		Status      *string `json:"status"`
		Occasion    *string `json:"occasion"`
		Comment     string  `json:"comment"`
		Light       string  `json:"light"`
		Overdue     bool    `json:"overdue"`
		Row         int     `json:"row"`
	}
	jsonOverdue struct {
		Ref         string  `json:"ref"`
		Area        string  `json:"area"`
		Action      string  `json:"action"`
		Responsible string  `json:"responsible"`
		Board       string  `json:"board"`
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

func countsJSON(c Counts) jsonCounts { return jsonCounts(c) }

// lightKey is a traffic light's name in JSON.
var lightKey = map[Light]string{OnTrack: "on_track", AtRisk: "risk", Late: "late"}

// FollowUpJSON writes the follow-up as indented JSON: English keys, counts
// as numbers, statuses by their Swedish names, dates as YYYY-MM-DD and
// null for what is not known. It holds every grouping; by is not used.
func FollowUpJSON(w io.Writer, pr Progress, _ GroupBy) error {
	occasions := func(os []OccasionState) []jsonOccasion {
		out := []jsonOccasion{}
		for _, o := range os {
			out = append(out, jsonOccasion{Occasion: o.Label, Date: date(o.Date)})
		}
		return out
	}
	tally := func(t Tally) jsonTally {
		jt := jsonTally{Area: t.Area, Name: t.Name, Improvements: t.Improvements, Without: t.Without, Actions: t.Actions,
			Counts: countsJSON(t.Now), FromEarlier: t.FromEarlier, OverTime: []jsonAt{},
			Lights: jsonLights{OnTrack: t.Lights.OnTrack, AtRisk: t.Lights.AtRisk, Late: t.Lights.Late},
			Fulfilment: jsonFulfilment{Fully: t.Now.Fulfilment(Fully), Partly: t.Now.Fulfilment(PartlyFulfilled),
				NotAtAll: t.Now.Fulfilment(NotAtAll), NotReported: t.Now.Fulfilment(FulfilmentUnknown)}}
		for i, o := range pr.Occasions {
			jt.OverTime = append(jt.OverTime, jsonAt{Occasion: o.Label, Date: date(o.Date), Reported: t.Reported[i], Counts: countsJSON(t.Over[i])})
		}
		return jt
	}
	d := jsonProgress{
		Kommun: pr.Kommun, Year: pr.Year, Instrument: pr.InstrumentID, Version: pr.InstrumentVersion, File: pr.File,
		Date: optional(date(pr.Date)), Next: optional(date(pr.Next)), Occasions: occasions(pr.Occasions), Unreported: occasions(pr.Unreported),
		Total: tally(pr.Total), Areas: []jsonTally{}, Boards: []jsonTally{}, Without: []jsonItem{}, Actions: []jsonAction{}, Overdue: []jsonOverdue{},
	}
	if dc := pr.Decision; dc != (Decision{}) {
		d.Decision = &jsonDecision{Body: optional(dc.Body), Paragraph: optional(dc.Paragraph), Date: optional(date(dc.Date))}
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
	for _, b := range pr.Boards {
		jt := tally(b)
		board := b.Board // "" for the åtgärder without a nämnd
		jt.Board = &board
		d.Boards = append(d.Boards, jt)
	}
	for _, u := range pr.Without {
		d.Without = append(d.Without, jsonItem(u))
	}
	for _, it := range pr.Items {
		for _, a := range it.Actions {
			ja := jsonAction{Ref: a.Ref, Area: a.Area, Improvement: a.Improvement, Action: a.Text, Responsible: a.Responsible, Board: a.Board,
				Priority: a.Priority, Due: optional(date(a.Due)), Indicator: a.Indicator, Target: a.Target, Goal: a.Goal,
				Status: optional(string(a.Status)), Occasion: optional(a.Occasion), Comment: a.Comment, Light: lightKey[a.Light], Overdue: a.Overdue, Row: a.Row}
			if a.From != 0 {
				ja.CarriedFrom = &a.From
			}
			d.Actions = append(d.Actions, ja)
		}
	}
	for _, o := range pr.Overdue {
		d.Overdue = append(d.Overdue, jsonOverdue{Ref: o.Ref, Area: o.Area, Action: o.Action, Responsible: o.Responsible, Board: o.Board,
			Due: date(o.Due), Status: optional(string(o.Status)), Occasion: optional(o.Occasion), Row: o.Row})
	}
	return encode.JSON(w, d)
}
