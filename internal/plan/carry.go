package plan

import (
	"strconv"
	"strings"
)

// The next round: when the next evaluation's plan is written (kompass plan
// --from PREVIOUS-PLAN), every åtgärd of the previous plan that is not
// Genomförd at its standing is carried over into it, below the new
// förbättringsområden, with its history there.

// Carried is an åtgärd of an earlier plan, not Genomförd at that plan's
// standing, as a later plan carries it over.
type Carried struct {
	Year int    // the year of the evaluation the earlier plan follows
	Ref  string // its Ref there: "2.F1", or "2003:2.F1" when it was carried over once already
	Area string // the area id
	// AreaName is the area as the earlier evaluation's instrument names it
	// ("2 Medborgare och brukare"); "" when not known.
	AreaName string
	Text     string // the förbättringsområde
	Action   Action // what was decided; its reports stay in the earlier plan
	// History is how the åtgärd was reported in the earlier plan, in
	// Swedish, for the column Historik.
	History string
}

// NewRef is the åtgärd's Ref in the later plan: "2005:2.F1".
func (c Carried) NewRef() string {
	if strings.Contains(c.Ref, ":") {
		return c.Ref
	}
	return CarriedRef(c.Year, c.Ref)
}

// from is the year of the evaluation the förbättringsområde comes from.
func (c Carried) from() int {
	if y, _, ok := strings.Cut(c.Ref, ":"); ok {
		if n, err := strconv.Atoi(y); err == nil {
			return n
		}
	}
	return c.Year
}

// CarryOver lists the åtgärder of a plan's follow-up that are not
// Genomförd at its standing (not reported counts as not Genomförd), in
// plan order, as the next plan carries them over.
func CarryOver(pr Progress) []Carried {
	areaNames := map[string]string{}
	if pr.Evaluation != nil && pr.Evaluation.Instrument != nil {
		for _, a := range pr.Evaluation.Instrument.Areas {
			areaNames[a.ID] = a.ID + " " + a.Name
		}
	}
	var out []Carried
	for _, it := range pr.Items {
		for _, a := range it.Actions {
			if a.Status == Done {
				continue
			}
			c := Carried{Year: pr.Year, Ref: it.Ref, Area: it.Area, AreaName: areaNames[it.Area], Text: it.Text, Action: a.Action}
			c.Action.Reports, c.Action.Row = nil, 0
			c.History = history(pr, it.Ref, a)
			out = append(out, c)
		}
	}
	return out
}

// history is how an åtgärd was reported up to the standing: "Från
// åtgärdsplanen 2005 (2.F1), Klart senast 2006-12-31. Ej påbörjad (april
// 2006); Delvis genomförd (april 2007): Utkast till tre nämnder."
func history(pr Progress, ref string, a ActionState) string {
	var b strings.Builder
	b.WriteString("Från åtgärdsplanen " + strconv.Itoa(pr.Year) + " (" + ref + ")")
	if !a.Due.IsZero() {
		b.WriteString(", Klart senast " + date(a.Due))
	}
	b.WriteString(".")
	var reports []string
	for i, o := range pr.Occasions {
		if i >= len(a.Reports) {
			break
		}
		r := a.Reports[i]
		if r.Status == "" && r.Comment == "" {
			continue
		}
		s := string(r.Status)
		if s == "" {
			s = "Ingen status"
		}
		s += " (" + InSentence(o.Label) + ")"
		if r.Comment != "" {
			s += ": " + strings.TrimSuffix(r.Comment, ".")
		}
		reports = append(reports, s)
	}
	if len(reports) == 0 {
		return b.String() + " Ingen status rapporterad."
	}
	return b.String() + " " + strings.Join(reports, "; ") + "."
}
