package evaluation

import (
	"github.com/kompass-dev/kompass/internal/points"
)

// Score is a number of points that may be missing (not scored yet).
type Score struct {
	Value points.P
	Valid bool
}

// Some returns a present score.
func Some(p points.P) Score { return Score{Value: p, Valid: true} }

// Ptr returns the score as a *points.P, nil when it is missing: the form
// that comparisons, summaries and exports carry.
func (s Score) Ptr() *points.P {
	if !s.Valid {
		return nil
	}
	return points.Of(s.Value)
}

// Fault is what makes a number no score for a row: a score is 0 to the
// row's maxpoäng in the instrument's step.
type Fault byte

// Faults.
const (
	NoFault   Fault = iota
	BelowZero       // less than 0
	AboveMax        // more than the maxpoäng
	OffStep         // not a multiple of the step
)

// CheckScore says what, if anything, makes p no score for a row with the
// maxpoäng max in the step.
func CheckScore(p, max, step points.P) Fault {
	switch {
	case p < 0:
		return BelowZero
	case p > max:
		return AboveMax
	case !p.MultipleOf(step):
		return OffStep
	}
	return NoFault
}

// State says what the score sheet holds for a delfråga, an area or the
// total.
type State byte

// States.
const (
	Unscored   State = iota // the row is there and its Poäng cell is empty
	Scored                  // a score: a number from 0 to the maxpoäng in the step
	Invalid                 // a value that is no score: not a number, a formula, above maxpoäng, off the step…
	RowMissing              // the sheet has no row with the id
)

// Tally is the poängsammanställning of one evaluation, computed from the
// parts: delfrågor sum to their area (where any delfråga is scored), areas
// sum to the total. Values typed into area and total rows are kept as
// Stated and never replace what the parts add up to.
//
// Only scores are summed. A value that is no score (State Invalid) or a
// missing row leaves its area, and the total, without a score: the
// sammanställning is incomplete there, and validation reports the value or
// the row where it is.
type Tally struct {
	Max        points.P
	Score      Score // sum of all area scores; missing unless every area has one
	Stated     Score // the total typed into the TOTAL row, if it is a score
	TotalState State // what the TOTAL row holds
	StatedSum  Score // sum of the areas as stated where stated, else computed; missing unless every area has one or the other
	Areas      []AreaTally
	Level      Level
}

// Level says how deeply an evaluation is scored.
type Level string

// Levels.
const (
	LevelNone Level = "none"  // nothing scored yet
	LevelArea Level = "area"  // only area totals typed
	LevelFull Level = "full"  // delfrågor scored
	LevelMix  Level = "mixed" // some areas by delfrågor, others by area total
)

// AreaTally is one area of the tally.
type AreaTally struct {
	ID    string
	Name  string
	Max   points.P
	Score Score // computed: sum of delfrågor if all are scored; else the stated area value if no delfråga is scored
	// ByQuestions is set when some delfråga is scored: the area is scored
	// by its delfrågor, and a stated value is checked against them.
	ByQuestions bool
	// Partial is set when the area is scored by its delfrågor but some of
	// them are empty (State Unscored).
	Partial bool
	Stated  Score // typed into the area row, if it is a score
	State   State // what the area row holds
	// Comment is the row's Motivering i rapporten, what the evaluators
	// publish beside the score; their Kommentar is never shown.
	Comment   string
	Questions []QuestionTally
}

// QuestionTally is one delfråga of the tally.
type QuestionTally struct {
	ID      string
	Text    string
	Max     points.P
	Score   Score // valid when State is Scored
	State   State
	Comment string // the Motivering i rapporten, as for an area
}

// Tally computes the poängsammanställning. It needs e.Instrument; ids the
// instrument does not have are ignored here (validation reports them).
func (e *Evaluation) Tally() Tally {
	in := e.Instrument
	var t Tally
	if in == nil {
		return t
	}
	byID := map[string]Entry{}
	for _, en := range e.Entries {
		byID[en.ID] = en
	}
	get := func(id string, max points.P) (Score, State, string) {
		en, ok := byID[id]
		switch {
		case !ok:
			return Score{}, RowMissing, ""
		case en.Unreadable || en.Scored && CheckScore(en.Score, max, in.Step) != NoFault:
			return Score{}, Invalid, en.Published
		case !en.Scored:
			return Score{}, Unscored, en.Published
		}
		return Some(en.Score), Scored, en.Published
	}
	t.Max = in.Max()
	allAreas, allStated := true, true
	var sum, statedSum points.P
	byQuestions, byStated := 0, 0
	for _, a := range in.Areas {
		at := AreaTally{ID: a.ID, Name: a.Name, Max: a.Max}
		at.Stated, at.State, at.Comment = get(a.ID, a.Max)
		var qsum points.P
		scored, unscored := 0, 0
		for _, q := range a.Questions {
			s, st, c := get(q.ID, q.Max)
			at.Questions = append(at.Questions, QuestionTally{ID: q.ID, Text: q.Text, Max: q.Max, Score: s, State: st, Comment: c})
			switch st {
			case Scored:
				scored++
				qsum += s.Value
			case Unscored:
				unscored++
			}
		}
		at.ByQuestions = scored > 0
		at.Partial = at.ByQuestions && unscored > 0
		switch {
		case at.ByQuestions:
			if scored == len(a.Questions) {
				at.Score = Some(qsum)
			}
			byQuestions++
		case at.Stated.Valid:
			at.Score = at.Stated
			byStated++
		}
		if at.Score.Valid {
			sum += at.Score.Value
		} else {
			allAreas = false
		}
		switch {
		case at.Stated.Valid:
			statedSum += at.Stated.Value
		case at.Score.Valid:
			statedSum += at.Score.Value
		default:
			allStated = false
		}
		t.Areas = append(t.Areas, at)
	}
	if allAreas {
		t.Score = Some(sum)
	}
	if allStated {
		t.StatedSum = Some(statedSum)
	}
	t.Stated, t.TotalState, _ = get(TotalID, t.Max)
	switch {
	case byQuestions > 0 && byStated > 0:
		t.Level = LevelMix
	case byQuestions > 0:
		t.Level = LevelFull
	case byStated > 0:
		t.Level = LevelArea
	default:
		t.Level = LevelNone
	}
	return t
}
