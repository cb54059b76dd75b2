package consensus

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/kompass-dev/kompass/internal/encode"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/points"
	"github.com/kompass-dev/kompass/internal/texttable"
)

// JSON writes the consensus as indented JSON: items in the instrument's
// order, scores in the order of evaluators, a decimal point.
func JSON(w io.Writer, c *Consensus) error { return encode.JSON(w, c) }

// nameWidth is how much of an item's text the table shows.
const nameWidth = 52

// thresholdRule says in Swedish when an item is to be discussed.
func (c *Consensus) thresholdRule() string {
	if c.Threshold != nil {
		return "minst " + c.Threshold.Swedish() + " poäng"
	}
	return "minst en fjärdedel av maxpoängen"
}

// missing says in Swedish how many evaluators left an item open: "1
// bedömare saknas", or "alla bedömare saknas".
func (it Item) missing() string {
	if it.Missing == len(it.Scores) {
		return "alla bedömare saknas"
	}
	return fmt.Sprintf("%d bedömare saknas", it.Missing)
}

// what is the items in Swedish: "delfrågor", "huvudområden" or both.
func (c *Consensus) what() string {
	q, a := c.Levels()
	switch {
	case a == 0:
		return "delfrågor"
	case q == 0:
		return "huvudområden"
	}
	return "delfrågor och huvudområden"
}

// Text writes the comparison for people, in Swedish with the decimal
// comma: each item's scores, spread, proposal and whether it is to be
// discussed, most divergent first; the evaluators' totals and deviations;
// and what each figure is.
func Text(w io.Writer, c *Consensus) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Bedömningar: %s %d\n", c.Kommun, c.Year)
	fmt.Fprintf(&b, "Instrument: %s (%s@%s)\n", c.Instrument.Name, c.Instrument.ID, c.Instrument.Version)
	var names []string
	for _, e := range c.Evaluators {
		names = append(names, fmt.Sprintf("%s (%s)", e.Name, filepath.Base(e.File)))
	}
	fmt.Fprintf(&b, "Bedömare: %s\n\n", strings.Join(names, ", "))
	fmt.Fprintf(&b, "%d av %d %s att diskutera; %d med samma poäng från alla.\n\n", c.Discuss, len(c.Items), c.what(), c.Identical)

	var tb texttable.Table
	head := []string{"Område / delfråga", "Max"}
	for _, e := range c.Evaluators {
		head = append(head, e.Name)
	}
	tb.Add(append(head, "Spridning", "Förslag", "Diskutera")...)
	for _, it := range c.ByDivergence() {
		row := []string{texttable.Cut(it.ID+" "+it.Text, nameWidth), it.Max.Swedish()}
		for _, s := range it.Scores {
			row = append(row, points.Sv(s))
		}
		discuss := ""
		if it.Discuss {
			discuss = "ja"
		}
		if it.Missing > 0 {
			discuss = "ja, " + it.missing()
		}
		tb.Add(append(row, it.Spread.Swedish(), it.Proposal.Swedish(), discuss)...)
	}
	total := []string{evaluation.TotalLabel, c.Max.Swedish()}
	for _, e := range c.Evaluators {
		total = append(total, e.Total.Swedish())
	}
	tb.Add(append(total, "", c.Proposal.Swedish())...)
	tb.Write(&b)

	b.WriteString("\n")
	var ev texttable.Table
	ev.Add("Bedömare", evaluation.TotalLabel, "Avvikelse")
	for _, e := range c.Evaluators {
		ev.Add(e.Name, e.Total.Swedish(), points.SvMean(&e.Deviation))
	}
	ev.Write(&b)

	fmt.Fprintf(&b, "\nSpridning: högsta minus lägsta poäng. Diskutera: spridningen är %s, eller en bedömare har inte satt poäng (–).\n", c.thresholdRule())
	fmt.Fprintf(&b, "Förslag: medianen av poängen (vid ett jämnt antal bedömare medelvärdet av de två mittersta), avrundad nedåt till steget %s.\n", c.Instrument.Step.Swedish())
	fmt.Fprintf(&b, "Avvikelse: medelvärdet över alla %d %s av skillnaden, utan tecken, mellan bedömarens poäng och medelvärdet av de andra bedömarnas poäng.\n", len(c.Items), c.what())
	_, err := io.WriteString(w, b.String())
	return err
}
