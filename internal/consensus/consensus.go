// Package consensus brings several evaluators' own bedömningar of one
// evaluation together (issue 13). The model (New) holds, per delfråga — or
// per huvudområde where the evaluators scored only the area — each
// evaluator's score, the spread and whether it is to be discussed, the
// score proposed for it, and per evaluator how far they lie from the
// others. Text and JSON render it for the command line, Write makes the
// consensus workbook for the evaluators' meeting, and Agreement sums it up
// for the report's note on the evaluators' agreement.
//
// The rules, in one place:
//
//   - spread: the highest score less the lowest;
//   - to be discussed: a spread at or above the threshold, a quarter of the
//     item's maxpoäng unless a number of points is given, or a score one
//     or more evaluators left open (their workbooks validate with a
//     warning; the others' scores are used);
//   - proposal: the median of the scores (for an even count the mean of the
//     two middle ones), rounded down to the instrument's step;
//   - deviation of an evaluator: the mean, over the items, of the absolute
//     difference between the evaluator's score and the mean of the other
//     evaluators' scores, in points.
package consensus

import (
	"cmp"
	"math/big"
	"slices"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/instrument"
	"github.com/kompass-dev/kompass/internal/points"
)

// Consensus is the evaluators' bedömningar of one evaluation, side by side.
type Consensus struct {
	Kommun     string         `json:"kommun"`
	Year       int            `json:"year"`
	Instrument InstrumentInfo `json:"instrument"`
	// Threshold is the fixed threshold in points; null when it is a quarter
	// of each item's maxpoäng.
	Threshold  *points.P   `json:"threshold"`
	Evaluators []Evaluator `json:"evaluators"`
	// Items are the delfrågor and huvudområden compared, in the
	// instrument's order (ByDivergence orders them for reading).
	Items     []Item   `json:"items"`
	Discuss   int      `json:"discuss"`   // items to discuss
	Identical int      `json:"identical"` // items every evaluator gave the same score
	Max       points.P `json:"max"`
	Proposal  points.P `json:"proposal"` // the total of the proposals

	in  *instrument.Instrument
	evs []*evaluation.Evaluation // in the order of Evaluators
}

// InstrumentInfo names the instrument version.
type InstrumentInfo struct {
	ID      string   `json:"id"`
	Version string   `json:"version"`
	Name    string   `json:"name"`
	Step    points.P `json:"step"`
}

// Evaluator is one evaluator and how far they lie from the others.
type Evaluator struct {
	Name  string   `json:"name"`
	File  string   `json:"file"`
	Total points.P `json:"total"`
	// Deviation is the mean over the items of |own score − the others'
	// mean|, in points, to the thousandth.
	Deviation points.P `json:"deviation"`
}

// Level says whether an item is a delfråga or a huvudområde scored as a
// whole.
type Level string

// Levels of an item.
const (
	Question Level = "question"
	Area     Level = "area"
)

// Item is one delfråga, or one huvudområde scored as a whole, compared.
type Item struct {
	ID        string      `json:"id"`
	Area      string      `json:"area"`
	Level     Level       `json:"level"`
	Text      string      `json:"text"`
	Max       points.P    `json:"max"`
	Scores    []*points.P `json:"scores"`  // one per evaluator, in the order of Evaluators; null where one left it open
	Missing   int         `json:"missing"` // evaluators who left it open
	Comments  []string    `json:"comments"`
	Low       points.P    `json:"low"`
	High      points.P    `json:"high"`
	Spread    points.P    `json:"spread"`
	Threshold points.P    `json:"threshold"`
	Discuss   bool        `json:"discuss"`
	Proposal  points.P    `json:"proposal"`
}

// Same reports whether every evaluator gave the item the same score.
func (it Item) Same() bool { return it.Spread == 0 && it.Missing == 0 }

// given are the scores the evaluators gave, leaving out those missing.
func (it Item) given() []points.P {
	var out []points.P
	for _, s := range it.Scores {
		if s != nil {
			out = append(out, *s)
		}
	}
	return out
}

// Threshold is the spread at which an item is to be discussed: fixed if
// given, else a quarter of the item's maxpoäng.
func Threshold(max points.P, fixed *points.P) points.P {
	if fixed != nil {
		return *fixed
	}
	return max / 4
}

// Spread is the highest score less the lowest (0 for no scores).
func Spread(scores []points.P) points.P {
	if len(scores) == 0 {
		return 0
	}
	return slices.Max(scores) - slices.Min(scores)
}

// Proposal is the score proposed where evaluators differ: the median of
// the scores — for an even count the mean of the two middle ones — rounded
// down to a multiple of step. Scores are never negative.
func Proposal(scores []points.P, step points.P) points.P {
	if len(scores) == 0 {
		return 0
	}
	s := slices.Clone(scores)
	slices.Sort(s)
	n := len(s)
	// twice the median, so that the mean of two middle scores stays exact
	twice := 2 * s[n/2]
	if n%2 == 0 {
		twice = s[n/2-1] + s[n/2]
	}
	if step <= 0 {
		return twice / 2
	}
	return twice / (2 * step) * step
}

// deviations are the evaluators' deviations from the others over the
// items each of them scored and someone else did too: for each, the mean of
// |own − the others' mean|, rounded to the nearest thousandth of a point.
// It is computed exactly (big.Rat), so that no rounding of a float decides
// a thousandth.
func deviations(items []Item, n int) []points.P {
	out := make([]points.P, n)
	for i := range n {
		sum := new(big.Rat)
		m := 0
		for _, it := range items {
			own := it.Scores[i]
			if own == nil {
				continue
			}
			var others, k int64
			for j, s := range it.Scores {
				if j != i && s != nil {
					others += int64(*s)
					k++
				}
			}
			if k == 0 {
				continue
			}
			d := k*int64(*own) - others
			sum.Add(sum, big.NewRat(max(d, -d), k))
			m++
		}
		if m == 0 {
			continue
		}
		mean := sum.Quo(sum, big.NewRat(int64(m), 1))
		// round half up to a whole thousandth
		q := new(big.Int).Quo(new(big.Int).Add(new(big.Int).Mul(mean.Num(), big.NewInt(2)), mean.Denom()), new(big.Int).Mul(mean.Denom(), big.NewInt(2)))
		out[i] = points.P(q.Int64())
	}
	return out
}

// New compares the evaluators' bedömningar, validated workbooks each with
// its instrument (validate.File), in the order given. fixed is the
// threshold in points, or nil for a quarter of each item's maxpoäng. The
// workbooks must be bedömningar of one kommun, year and instrument version
// by different evaluators; an *InputError names the one that is not.
func New(evs []*evaluation.Evaluation, fixed *points.P) (*Consensus, error) {
	if err := check(evs); err != nil {
		return nil, err
	}
	first := evs[0]
	in := first.Instrument
	c := &Consensus{
		Kommun: first.Facts.Kommun, Year: first.Facts.Year, Threshold: fixed, Max: in.Max(),
		Instrument: InstrumentInfo{ID: in.ID, Version: in.Version, Name: in.Name, Step: in.Step},
		in:         in, evs: evs,
	}
	tallies := make([]evaluation.Tally, len(evs))
	for i, ev := range evs {
		tallies[i] = ev.Tally()
		c.Evaluators = append(c.Evaluators, Evaluator{Name: ev.Facts.Assessor, File: ev.File})
	}
	comment := func(ev *evaluation.Evaluation, id string) string {
		en, _ := ev.Entry(id)
		return en.Comment
	}
	add := func(it Item, score func(i int) evaluation.Score) {
		for i, ev := range evs {
			it.Comments = append(it.Comments, comment(ev, it.ID))
			s := score(i)
			if !s.Valid {
				// left open in this evaluator's workbook: the others decide
				it.Scores = append(it.Scores, nil)
				it.Missing++
				continue
			}
			v := s.Value
			it.Scores = append(it.Scores, &v)
			c.Evaluators[i].Total += v
		}
		given := it.given()
		if len(given) > 0 {
			it.Low, it.High = slices.Min(given), slices.Max(given)
		}
		it.Spread = Spread(given)
		it.Threshold = Threshold(it.Max, fixed)
		it.Discuss = it.Spread >= it.Threshold || it.Missing > 0
		it.Proposal = Proposal(given, in.Step)
		c.Items = append(c.Items, it)
		c.Proposal += it.Proposal
		if it.Discuss {
			c.Discuss++
		}
		if it.Same() {
			c.Identical++
		}
	}
	for ai, a := range in.Areas {
		if byQuestions(tallies, ai) {
			for qi, q := range a.Questions {
				add(Item{ID: q.ID, Area: a.ID, Level: Question, Text: q.Text, Max: q.Max}, func(i int) evaluation.Score { return tallies[i].Areas[ai].Questions[qi].Score })
			}
			continue
		}
		add(Item{ID: a.ID, Area: a.ID, Level: Area, Text: a.Name, Max: a.Max}, func(i int) evaluation.Score { return tallies[i].Areas[ai].Score })
	}
	for i, d := range deviations(c.Items, len(evs)) {
		c.Evaluators[i].Deviation = d
	}
	return c, nil
}

// byQuestions reports whether area ai is compared by its delfrågor: it has
// some, and no evaluator scored only the area as a whole (an evaluator who
// left a delfråga, or the whole area, open is missing for those items).
// Otherwise the area's scores are compared as a whole.
func byQuestions(tallies []evaluation.Tally, ai int) bool {
	for _, t := range tallies {
		at := t.Areas[ai]
		if len(at.Questions) == 0 {
			return false
		}
		anyQuestion := slices.ContainsFunc(at.Questions, func(q evaluation.QuestionTally) bool { return q.Score.Valid })
		if !anyQuestion && at.Stated.Valid {
			return false // scored at area level
		}
	}
	return true
}

// ByDivergence returns the items most divergent first: those to discuss,
// then by spread as a share of maxpoäng, then by spread, then in the
// instrument's order.
func (c *Consensus) ByDivergence() []Item {
	out := slices.Clone(c.Items)
	slices.SortStableFunc(out, func(a, b Item) int {
		switch {
		case a.Discuss != b.Discuss:
			if a.Discuss {
				return -1
			}
			return 1
		case int64(a.Spread)*int64(b.Max) != int64(b.Spread)*int64(a.Max):
			return cmp.Compare(int64(b.Spread)*int64(a.Max), int64(a.Spread)*int64(b.Max))
		}
		return cmp.Compare(b.Spread, a.Spread)
	})
	return out
}

// Levels says what the items are: delfrågor, huvudområden, or both.
func (c *Consensus) Levels() (questions, areas int) {
	for _, it := range c.Items {
		if it.Level == Question {
			questions++
		} else {
			areas++
		}
	}
	return questions, areas
}
