package consensus

import "github.com/kompass-dev/kompass/internal/evaluation"

// Agreement is how far the evaluators agreed before they met: the report's
// note "Bedömarnas samstämmighet", with the default threshold.
type Agreement struct {
	Evaluators []string
	What       string // "delfrågor", "huvudområden" or both
	Items      int
	Agreed     int    // items whose spread was below the threshold: not to discuss
	Percent    int    // Agreed as a share of Items, rounded
	Identical  int    // items every evaluator gave the same score
	Largest    []Item // the largest disagreements, at most three, most divergent first
}

// maxLargest is how many disagreements the note names.
const maxLargest = 3

// AgreementOf sums up the bedömningar behind an evaluation (the
// evaluators' workbooks, as evalset.Set.AssessmentsOf finds them); nil when
// there are fewer than two evaluators or they do not make a consensus.
func AgreementOf(evs []*evaluation.Evaluation) *Agreement {
	c, err := New(evs, nil)
	if err != nil {
		return nil
	}
	a := &Agreement{What: c.what(), Items: len(c.Items), Agreed: len(c.Items) - c.Discuss, Identical: c.Identical}
	for _, e := range c.Evaluators {
		a.Evaluators = append(a.Evaluators, e.Name)
	}
	if a.Items > 0 {
		a.Percent = (a.Agreed*100 + a.Items/2) / a.Items
	}
	for _, it := range c.ByDivergence() {
		if it.Spread == 0 || len(a.Largest) == maxLargest {
			break
		}
		a.Largest = append(a.Largest, it)
	}
	return a
}
