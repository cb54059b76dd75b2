package plan

import (
	"embed"
	"html/template"
	"io"
	"path/filepath"
	"strconv"
	"strings"
)

// The nämnd's report as one self-contained HTML page (kompass follow-up
// --format html): the standing, the counts per huvudområde and per nämnd
// with the traffic lights and måluppfyllelse, every åtgärd with its latest
// status, comment and responsible grouped as by says, and the overdue
// åtgärder. In Swedish; its own small stylesheet inside the page; no
// script, nothing fetched; every text from the workbook escaped by
// html/template. It prints on A4.

//go:embed assets/followup.html.tmpl assets/followup.css
var assets embed.FS

var page = template.Must(template.ParseFS(assets, "assets/followup.html.tmpl"))

var stylesheet = func() template.CSS {
	b, err := assets.ReadFile("assets/followup.css")
	if err != nil {
		panic(err)
	}
	return template.CSS(b)
}()

type (
	htmlPage struct {
		Title, Intro, Standing, Decision string
		Tables                           []htmlTable
		Heads                            []string
		Fulfilment                       string
		GroupWord                        string
		Groups                           []htmlGroup
		Overdue                          []htmlOverdue
		OverdueLine, NoOverdue           string
		File                             string
		CSS                              template.CSS
	}
	htmlTable struct {
		Caption, Head string
		Rows          []htmlRow
	}
	htmlRow struct {
		Label  string
		Values []int
		Total  bool
	}
	htmlGroup struct {
		Label, Count string
		Actions      []htmlAction
		Without      []Unplanned
	}
	htmlAction struct {
		Ref, Text, Improvement, Measure, Carried string
		Responsible, Board, Priority, Due        string
		Status, StatusClass, Occasion, Comment   string
		Light, Mark                              string
		LightN                                   int
	}
	htmlOverdue struct {
		Ref, Text, Responsible, Board, Due, Status, Occasion string
		Row                                                  int
	}
)

// statusClasses give each status its mark.
var statusClasses = map[Status]string{
	Done: "st-done", Partly: "st-partly", InProgress: "st-inprogress", NotDone: "st-notdone", NotStarted: "st-notstarted", "": "st-none",
}

// FollowUpHTML writes the nämnd's report as one HTML page.
func FollowUpHTML(w io.Writer, pr Progress, by GroupBy) error {
	p := htmlPage{
		Title:       "Uppföljning av åtgärdsplanen – " + pr.Kommun + " " + strconv.Itoa(pr.Year),
		Intro:       "Åtgärdsplanen för förbättringsområdena i Kommunkompassens utvärdering av " + pr.Kommun + " " + strconv.Itoa(pr.Year) + ": varje åtgärd med sin senaste status, kommentar och ansvarig.",
		Standing:    StandingLine(pr),
		Decision:    pr.Decision.Line(),
		Heads:       countHeads(),
		Fulfilment:  FulfilmentLine(pr.Total.Now),
		GroupWord:   strings.ToLower(groupHead(by)),
		OverdueLine: OverdueLine(pr),
		NoOverdue:   "Inga försenade åtgärder.",
		File:        filepath.Base(pr.File),
		CSS:         stylesheet,
	}
	if pr.Date.IsZero() {
		p.NoOverdue = "Ingen status är rapporterad ännu, så ingen åtgärd bedöms som försenad."
	}
	table := func(head string, ts []Tally) htmlTable {
		t := htmlTable{Caption: "Per " + strings.ToLower(head), Head: head}
		for _, x := range append(append([]Tally(nil), ts...), pr.Total) {
			t.Rows = append(t.Rows, htmlRow{Label: x.Label(), Values: append([]int{x.Improvements, x.Actions}, countValues(x)...), Total: x.Area == "" && x.Board == "" && !x.NoBoard})
		}
		return t
	}
	areas, boards := table("Huvudområde", pr.Areas), table("Nämnd/förvaltning", pr.Boards)
	p.Tables = []htmlTable{areas, boards}
	if by == ByBoard {
		p.Tables = []htmlTable{boards, areas}
	}
	for _, g := range pr.Groups(by) {
		hg := htmlGroup{Label: g.Label(), Count: capitalise(CountLine(g.Now)), Without: g.Without}
		for _, a := range g.Actions {
			ha := htmlAction{Ref: refText(a.Ref), Text: a.Text, Improvement: a.Improvement, Responsible: a.Responsible, Priority: a.Priority,
				Due: SwedishDate(a.Due), Status: statusText(a.Status), StatusClass: statusClasses[a.Status], Occasion: reported(a),
				Comment: a.Comment, Light: a.Light.String(), Mark: a.Light.Mark(), LightN: int(a.Light)}
			if by == ByArea {
				ha.Board = a.Board
			}
			ha.Measure = measure(a.Action)
			if a.From != 0 {
				ha.Carried = "Överförd från åtgärdsplanen " + strconv.Itoa(a.From)
			}
			hg.Actions = append(hg.Actions, ha)
		}
		p.Groups = append(p.Groups, hg)
	}
	for _, o := range pr.Overdue {
		p.Overdue = append(p.Overdue, htmlOverdue{Ref: refText(o.Ref), Text: o.Action, Responsible: o.Responsible, Board: o.Board,
			Due: SwedishDate(o.Due), Status: statusText(o.Status), Occasion: InSentence(o.Occasion), Row: o.Row})
	}
	return page.Execute(w, p)
}
