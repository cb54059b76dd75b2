package programme

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/instrument"
	"github.com/kompass-dev/kompass/internal/points"
	"github.com/kompass-dev/kompass/internal/samples"
)

// seed is the fixed seed of every PRNG of the package. Changing it changes
// every score of testdata/programme/.
const seed = 0x6b6f6d70617373 // "kompass"

// level says how an evaluation is scored.
type level int

const (
	areaLevel level = iota // the area totals and TOTAL, as older published results are
	full                   // every delfråga, and the area totals and TOTAL typed beside them
	fullParts              // every delfråga only: the area rows and TOTAL are left empty
)

// planned is one evaluation of a kommun. The level only matters for an
// instrument with delfrågor (kommunkompassen@2007); the others are scored
// by area.
type planned struct {
	year    int
	level   level
	comment string // a Kommentar on the row of area 1
}

type kommun struct {
	name      string // as written in the workbook
	slug      string // the file name before "-year.xlsx"
	nominated bool   // nominated in 2007 for the fictional prize; needs an evaluation in 2007
	evals     []planned
}

// NFDName is the kommun whose name the workbook holds in decomposed form,
// "Exempelå" written as a followed by U+030A COMBINING RING ABOVE, for tests
// of NFC normalisation.
const NFDName = "Exempela\u030a"

// RingName and PlainName differ only by å and a. Names such as Håby and
// Haby are avoided: Håbo and Habo are real kommuner and Håby a real
// locality; these two are no place at all.
const (
	RingName  = "Påhittby"
	PlainName = "Pahittby"
)

// committedKommuner is the programme of testdata/programme/. The five
// nominated are evaluated in 2007 in full; Påhittby and Pahittby never in
// the same year, since names are matched with å folded to a and one
// kommun and year may stand in one workbook only.
var committedKommuner = []kommun{
	{name: "Exempelkommun A", slug: "exempelkommun-a", nominated: true, evals: []planned{
		{year: 2005, level: areaLevel}, {year: 2007, level: full},
		{year: 2012, comment: "Exempeltext: området bedömdes om efter faktagranskningen."}, {year: 2021},
	}},
	{name: "Exempelkommun B", slug: "exempelkommun-b", nominated: true, evals: []planned{
		{year: 2003, level: areaLevel}, {year: 2007, level: full}, {year: 2011},
	}},
	{name: "Exempelkommun C", slug: "exempelkommun-c", nominated: true, evals: []planned{
		{year: 2007, level: full}, {year: 2013}, {year: 2022},
	}},
	{name: "Exempelkommun D", slug: "exempelkommun-d", nominated: true, evals: []planned{
		{year: 2004, level: fullParts}, {year: 2007, level: full},
	}},
	{name: "Exempelkommun E", slug: "exempelkommun-e", nominated: true, evals: []planned{
		{year: 2005, level: areaLevel}, {year: 2007, level: full}, {year: 2014}, {year: 2023},
	}},
	{name: "Exempelkommun F", slug: "exempelkommun-f", evals: []planned{
		{year: 2006, level: areaLevel}, {year: 2010},
	}},
	{name: "Exempelkommun G", slug: "exempelkommun-g", evals: []planned{
		{year: 2002}, {year: 2008, level: full},
	}},
	{name: "Exempelkommun H", slug: "exempelkommun-h", evals: []planned{
		{year: 2020},
	}},
	{name: "Exempelkommun I", slug: "exempelkommun-i", evals: []planned{
		{year: 2012}, {year: 2015}, {year: 2021},
	}},
	{name: "Exempelkommun J", slug: "exempelkommun-j", evals: []planned{
		{year: 2003, level: full}, {year: 2009, level: areaLevel}, {year: 2022},
	}},
	{name: RingName, slug: "pahittby-med-ring", evals: []planned{
		{year: 2008, level: full}, {year: 2021},
	}},
	{name: PlainName, slug: "pahittby", evals: []planned{
		{year: 2011}, {year: 2023},
	}},
	{name: NFDName, slug: "exempela-nfd", evals: []planned{
		{year: 2006, level: fullParts}, {year: 2020},
	}},
}

// generatedYears are the years a generated kommun may be evaluated in.
var generatedYears = []int{2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2020, 2021, 2022, 2023}

// generatedKommun is "Exempelkommun 001" onwards: one evaluation (45 %),
// two (40 %) or three (15 %), in distinct years; a 2003–2009 evaluation is
// full or area-level with equal odds.
func generatedKommun(i int) kommun {
	rng := rand.New(rand.NewPCG(seed, 1<<32+uint64(i)))
	n := 1
	switch r := rng.IntN(100); {
	case r >= 85:
		n = 3
	case r >= 45:
		n = 2
	}
	years := rng.Perm(len(generatedYears))[:n]
	slices.Sort(years)
	k := kommun{name: fmt.Sprintf("Exempelkommun %03d", i), slug: fmt.Sprintf("exempelkommun-%03d", i)}
	for _, y := range years {
		pl := planned{year: generatedYears[y]}
		if rng.IntN(2) == 0 {
			pl.level = full
		}
		k.evals = append(k.evals, pl)
	}
	return k
}

// profile is a kommun's lasting traits, in thousandths of the maxpoäng: a
// base level, a yearly improvement, and how each area differs from the base.
type profile struct {
	base, growth int
	area         [8]int
}

func newProfile(rng *rand.Rand) profile {
	p := profile{base: 520 + rng.IntN(221), growth: 4 + rng.IntN(9)}
	for i := range p.area {
		p.area[i] = rng.IntN(201) - 100
	}
	return p
}

// demands is how much harder each version is to score in, in thousandths:
// the sources call the revisions of 2010 and later "mer krävande".
var demands = map[string]int{"2002": 20, "2007": 0, "2010": 40, "2020": 70}

// evaluate makes the kommun's evaluations; idx seeds its PRNG.
func (k kommun) evaluate(reg *instrument.Registry, idx int) ([]samples.Sample, error) {
	rng := rand.New(rand.NewPCG(seed, uint64(idx)))
	pr := newProfile(rng)
	first := k.evals[0].year
	var out []samples.Sample
	for _, pl := range k.evals {
		ref, err := versionFor(pl.year)
		if err != nil {
			return nil, err
		}
		in, err := reg.Lookup(ref)
		if err != nil {
			return nil, err
		}
		s := samples.Sample{
			File: fileName(k.slug, pl.year), Instrument: ref, Facts: evaluation.Facts{Kommun: k.name, Year: pl.year, Kind: evaluation.KindKommun, Evaluators: evaluators(rng), Dates: dates(rng, pl.year), Sources: Sources},
		}
		aim := pr.base + pr.growth*(pl.year-first) - demands[in.Version]
		s.Scores = scores(rng, in, pr, aim, pl)
		if pl.level != areaLevel || rng.IntN(2) == 0 {
			s.Notes = notes(rng, in)
		}
		out = append(out, s)
	}
	return out, nil
}

// scores draws the Poäng cells of one evaluation around aim (thousandths
// of each maxpoäng), in whole steps of the instrument, and adds up the
// typed area totals and TOTAL from the parts.
func scores(rng *rand.Rand, in *instrument.Instrument, pr profile, aim int, pl planned) []samples.Score {
	byQuestion := pl.level != areaLevel && in.HasQuestions()
	var out []samples.Score
	var total points.P
	for i, a := range in.Areas {
		f := clamp(aim+pr.area[i%len(pr.area)]+rng.IntN(61)-30, 200, 960)
		var sum points.P
		if byQuestion {
			for _, q := range a.Questions {
				v := draw(in.Step, q.Max, clamp(f+rng.IntN(201)-100, 0, 1000))
				out = append(out, samples.Score{ID: q.ID, Value: v.Float()})
				sum += v
			}
		} else {
			sum = draw(in.Step, a.Max, f)
		}
		total += sum
		if pl.level == fullParts && byQuestion {
			continue
		}
		sc := samples.Score{ID: a.ID, Value: sum.Float()}
		if a.ID == "1" {
			sc.Comment = pl.comment
		}
		out = append(out, sc)
	}
	if pl.level != fullParts || !byQuestion {
		out = append(out, samples.Score{ID: evaluation.TotalID, Value: total.Float()})
	}
	return out
}

// draw is the score nearest to perMille thousandths of top, in whole steps.
func draw(step, top points.P, perMille int) points.P {
	steps := int64(top / step)
	return points.P((steps*int64(perMille)+500)/1000) * step
}

func clamp(v, lo, hi int) int { return min(max(v, lo), hi) }

func evaluators(rng *rand.Rand) string {
	n := 2 + rng.IntN(2)
	var names []string
	for _, i := range rng.Perm(len(evaluatorNames))[:n] {
		names = append(names, evaluatorNames[i])
	}
	return strings.Join(names, "; ")
}

var months = []string{"februari", "mars", "april", "maj", "september", "oktober", "november"}

// dates is the Datum fact: three days in a month of the year.
func dates(rng *rand.Rand, year int) string {
	d := 1 + rng.IntN(25)
	return fmt.Sprintf("%d–%d %s %s", d, d+2, months[rng.IntN(len(months))], strconv.Itoa(year))
}

// notes draws styrkor and förbättringsområden for two to four areas, in
// area order: one or two styrkor and one förbättringsområde each, no text
// twice in an evaluation.
func notes(rng *rand.Rand, in *instrument.Instrument) []evaluation.Note {
	areas := rng.Perm(len(in.Areas))[:2+rng.IntN(3)]
	slices.Sort(areas)
	st, im := rng.Perm(len(strengths)), rng.Perm(len(improvements))
	var out []evaluation.Note
	for _, i := range areas {
		id := in.Areas[i].ID
		for range 1 + rng.IntN(2) {
			out = append(out, evaluation.Note{Area: id, Kind: evaluation.Strength, Text: strengths[st[0]]})
			st = st[1:]
		}
		out = append(out, evaluation.Note{Area: id, Kind: evaluation.Improvement, Text: improvements[im[0]]})
		im = im[1:]
	}
	return out
}
