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

// Tally is the poängsammanställning of one evaluation, computed from the
// parts: delfrågor sum to their area (where any delfråga is scored), areas
// sum to the total. Values typed into area and total rows are kept as
// Stated and never replace what the parts add up to.
type Tally struct {
	Max       points.P
	Score     Score // sum of all area scores; missing unless every area has one
	Stated    Score // the total typed into the TOTAL row, if any
	StatedSum Score // sum of the areas as stated where stated, else computed
	Areas     []AreaTally
	Level     Level
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
	ID        string
	Name      string
	Max       points.P
	Score     Score // computed: sum of delfrågor if all are scored; else the stated area value if there are no delfråga scores
	Partial   bool  // some but not all delfrågor scored
	Stated    Score // typed into the area row
	Comment   string
	Questions []QuestionTally
}

// QuestionTally is one delfråga of the tally.
type QuestionTally struct {
	ID      string
	Text    string
	Max     points.P
	Score   Score
	Comment string
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
	get := func(id string) (Score, string) {
		en, ok := byID[id]
		if !ok {
			return Score{}, ""
		}
		return Score{Value: en.Score, Valid: en.Scored}, en.Comment
	}
	t.Max = in.Max()
	allAreas := true
	var sum, statedSum points.P
	byQuestions, byStated := 0, 0
	for _, a := range in.Areas {
		at := AreaTally{ID: a.ID, Name: a.Name, Max: a.Max}
		at.Stated, at.Comment = get(a.ID)
		var qsum points.P
		scored := 0
		for _, q := range a.Questions {
			s, c := get(q.ID)
			at.Questions = append(at.Questions, QuestionTally{ID: q.ID, Text: q.Text, Max: q.Max, Score: s, Comment: c})
			if s.Valid {
				scored++
				qsum += s.Value
			}
		}
		switch {
		case scored > 0 && scored == len(a.Questions):
			at.Score = Some(qsum)
			byQuestions++
		case scored > 0:
			at.Partial = true
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
		}
		t.Areas = append(t.Areas, at)
	}
	if allAreas {
		t.Score = Some(sum)
		t.StatedSum = Some(statedSum)
	}
	t.Stated, _ = get(TotalID)
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
