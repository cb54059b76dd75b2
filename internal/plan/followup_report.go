package plan

import (
	"strconv"
	"strings"
)

// The words the nämnd's report (FollowUpXLSX, FollowUpHTML) shares: it is
// Swedish, as the plan is, in every language of the messages.

// StandingLine says where the follow-up stands, in Swedish: "Läget vid
// augusti 2007 (31 augusti 2007), det senast rapporterade tillfället."
func StandingLine(pr Progress) string {
	switch {
	case pr.Standing < 0 && pr.Per:
		return "Läget per " + SwedishDate(pr.Date) + ": ingen status rapporterad fram till den dagen."
	case pr.Standing < 0:
		return "Ingen status rapporterad ännu."
	case pr.Per:
		o := pr.Occasions[pr.Standing]
		return "Läget per " + SwedishDate(pr.Date) + ": senast rapporterade tillfälle är " + InSentence(o.Label) + " (" + SwedishDate(o.Date) + ")."
	}
	o := pr.Occasions[pr.Standing]
	return "Läget vid " + InSentence(o.Label) + " (" + SwedishDate(o.Date) + "), det senast rapporterade tillfället."
}

// OverdueLine explains the overdue list: "Åtgärder med Klart senast före
// 31 augusti 2007 och inte genomförda."; "" when there is no date to judge
// by.
func OverdueLine(pr Progress) string {
	if pr.Date.IsZero() {
		return ""
	}
	return "Åtgärder med Klart senast före " + SwedishDate(pr.Date) + " och inte genomförda."
}

// countHeads are the heads of the count columns of the nämnd's report.
func countHeads() []string {
	var out []string
	for _, s := range Statuses {
		out = append(out, string(s))
	}
	out = append(out, "Ej rapporterad")
	for _, l := range Lights {
		out = append(out, l.Mark()+" "+l.String())
	}
	return out
}

// countValues are a tally's counts in the order of countHeads.
func countValues(t Tally) []int {
	var out []int
	for _, s := range Statuses {
		out = append(out, t.Now.Of(s))
	}
	out = append(out, t.Now.NotReported)
	for _, l := range Lights {
		out = append(out, t.Lights.Of(l))
	}
	return out
}

// FulfilmentLine is the måluppfyllelse of a tally's åtgärder: "helt 5,
// delvis 6, inte alls 3, ej rapporterade 1".
func FulfilmentLine(c Counts) string {
	parts := []string{
		"helt " + strconv.Itoa(c.Fulfilment(Fully)),
		"delvis " + strconv.Itoa(c.Fulfilment(PartlyFulfilled)),
		"inte alls " + strconv.Itoa(c.Fulfilment(NotAtAll)),
	}
	if n := c.Fulfilment(FulfilmentUnknown); n > 0 {
		parts = append(parts, "ej rapporterade "+strconv.Itoa(n))
	}
	return strings.Join(parts, ", ")
}

// groupHead is the heading of a group's column in the nämnd's report.
func groupHead(by GroupBy) string {
	if by == ByBoard {
		return "Nämnd/förvaltning"
	}
	return "Huvudområde"
}

// reported is where an åtgärd's status comes from: "augusti 2007"; "" when
// not reported.
func reported(a ActionState) string {
	if a.Occasion == "" {
		return ""
	}
	return InSentence(a.Occasion)
}

// statusText is an åtgärd's status in words: "Ej rapporterad" when none.
func statusText(s Status) string {
	if s == "" {
		return "Ej rapporterad"
	}
	return string(s)
}

// refText is a Ref as the report shows it: "2.F1", "2.F1 (2005)" when
// carried over.
func refText(ref string) string {
	if y, r, ok := strings.Cut(ref, ":"); ok {
		return r + " (" + y + ")"
	}
	return ref
}

// measure is an åtgärd's Indikator and Målvärde: "Indikator: andel nöjda;
// målvärde: 85 %"; "" when neither is written.
func measure(a Action) string {
	var parts []string
	if a.Indicator != "" {
		parts = append(parts, "Indikator: "+a.Indicator)
	}
	if a.Target != "" {
		parts = append(parts, "målvärde: "+a.Target)
	}
	return capitalise(strings.Join(parts, "; "))
}
