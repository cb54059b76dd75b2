package compare

import (
	"fmt"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/msg"
)

// History is one kommun's whole record across instrument versions: one
// Trend per block of evaluations that can be compared, oldest block first.
// Changes are computed within a block only. Consecutive blocks are apart
// because their versions ask different questions and no instrument says how
// their huvudområden correspond; where one does, the versions share a block
// and the caveat is the block's.
type History struct {
	Kommun     string     `json:"kommun"`
	Blocks     []*Trend   `json:"blocks"`
	Boundaries []Boundary `json:"boundaries"` // one between each pair of blocks
}

// Boundary is where the instrument version changes between two blocks.
type Boundary struct {
	FromYear       int    `json:"from_year"`
	ToYear         int    `json:"to_year"`
	FromInstrument string `json:"from_instrument"` // id@version
	ToInstrument   string `json:"to_instrument"`
	FromName       string `json:"from_name"` // the version in words, e.g. "Kommunkompassen 2003–2009"
	ToName         string `json:"to_name"`
	Reason         string `json:"reason"`
}

// Latest is the block of the latest evaluation: the main comparison.
func (h *History) Latest() *Trend { return h.Blocks[len(h.Blocks)-1] }

// Earlier are the blocks before the latest, oldest first.
func (h *History) Earlier() []*Trend { return h.Blocks[:len(h.Blocks)-1] }

// NewHistory splits the evaluations of one kommun (sorted by year) into
// blocks of comparable versions. Walking back from the latest, an
// evaluation joins the block when its version can be compared with the
// block's (the same version, or an area mapping declared by either
// instrument); otherwise it starts an earlier block.
func NewHistory(evs []*evaluation.Evaluation) (*History, error) {
	if len(evs) == 0 {
		return nil, msg.Errorf("no evaluations to compare")
	}
	var groups [][]*evaluation.Evaluation // newest block first while building
	for i := len(evs) - 1; i >= 0; i-- {
		ev := evs[i]
		if n := len(groups); n > 0 {
			block := groups[n-1]
			if _, ok := Comparable(block[len(block)-1].Instrument, ev.Instrument); ok {
				groups[n-1] = append([]*evaluation.Evaluation{ev}, block...)
				continue
			}
		}
		groups = append(groups, []*evaluation.Evaluation{ev})
	}
	h := &History{Kommun: evs[len(evs)-1].Facts.Kommun, Boundaries: []Boundary{}}
	for i := len(groups) - 1; i >= 0; i-- {
		t, err := NewTrend(groups[i])
		if err != nil {
			return nil, err
		}
		h.Blocks = append(h.Blocks, t)
	}
	for i := 1; i < len(groups); i++ {
		before := groups[len(groups)-i]  // the older block
		after := groups[len(groups)-i-1] // the newer one
		from, to := before[len(before)-1], after[0]
		h.Boundaries = append(h.Boundaries, Boundary{
			FromYear: from.Facts.Year, ToYear: to.Facts.Year,
			FromInstrument: from.Instrument.Ref(), ToInstrument: to.Instrument.Ref(),
			FromName: from.Instrument.Name, ToName: to.Instrument.Name,
			Reason: fmt.Sprintf("%s och %s ställer olika frågor och ingen av dem anger hur huvudområdena motsvarar varandra; poängen jämförs därför inte över gränsen.",
				from.Instrument.Name, to.Instrument.Name),
		})
	}
	return h, nil
}
