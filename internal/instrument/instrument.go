// Package instrument holds the Kommunkompassen instrument as data: its
// huvudområden and delfrågor with their maxpoäng, loaded strictly from TOML
// files (see docs/instruments.md for the schema), and the registry of
// instruments built into the binary or lying beside it on disk.
package instrument

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kompass-dev/kompass/internal/points"
)

// Instrument is one version of the instrument.
type Instrument struct {
	ID          string   // e.g. "kommunkompassen"
	Version     string   // e.g. "2007"
	Name        string   // human name, Swedish
	Language    string   // e.g. "sv"
	Step        points.P // the smallest score step, e.g. 0,5
	Description string
	Source      string // where the definition was transcribed from
	// Publisher is who gives the version out or used it in evaluations
	// ("Sveriges Kommuner och Landsting (SKL)"), as the report's note on
	// method names it; "" when not known.
	Publisher string
	Areas     []Area
	// Comparable lists earlier versions whose areas can be compared with this
	// one's (issue: comparisons across versions).
	Comparable []Comparison
	// Origin says where the definition came from: a file path, or
	// "inbyggd:<name>" for the copy built into the binary.
	Origin string
}

// Area is a huvudområde.
type Area struct {
	ID        string
	Name      string
	Max       points.P
	Questions []Question
}

// Question is a delfråga.
type Question struct {
	ID   string
	Text string
	Max  points.P
}

// Comparison declares that evaluations made with another version of the
// instrument can be compared with this one, area by area.
type Comparison struct {
	ID      string            // instrument id of the other version (default: this id)
	Version string            // the other version
	Caveat  string            // shown beside every such comparison
	Areas   map[string]string // this version's area id → the other version's area id
}

// Ref is "id@version", the name users type.
func (in *Instrument) Ref() string { return in.ID + "@" + in.Version }

// Max is the instrument's total maxpoäng.
func (in *Instrument) Max() points.P {
	var m points.P
	for _, a := range in.Areas {
		m += a.Max
	}
	return m
}

// Area returns the area with the given id.
func (in *Instrument) Area(id string) (*Area, bool) {
	for i := range in.Areas {
		if in.Areas[i].ID == id {
			return &in.Areas[i], true
		}
	}
	return nil, false
}

// Questions is the number of delfrågor in all areas.
func (in *Instrument) Questions() int {
	n := 0
	for _, a := range in.Areas {
		n += len(a.Questions)
	}
	return n
}

// HasQuestions reports whether any area has delfrågor.
func (in *Instrument) HasQuestions() bool { return in.Questions() > 0 }

// Question returns the delfråga with the given id and the area it belongs to.
func (in *Instrument) Question(id string) (*Area, *Question, bool) {
	for i := range in.Areas {
		a := &in.Areas[i]
		for j := range a.Questions {
			if a.Questions[j].ID == id {
				return a, &a.Questions[j], true
			}
		}
	}
	return nil, nil, false
}

// ParseRef splits "id@version" (version may be empty).
func ParseRef(ref string) (id, version string) {
	id, version, _ = strings.Cut(strings.TrimSpace(ref), "@")
	return strings.TrimSpace(id), strings.TrimSpace(version)
}

// versionLess orders versions: numbers numerically, before any version that
// is not a number; those in text order. It is a total order.
func versionLess(a, b string) bool {
	ai, aerr := strconv.Atoi(a)
	bi, berr := strconv.Atoi(b)
	switch {
	case aerr == nil && berr == nil:
		return ai < bi
	case aerr == nil:
		return true
	case berr == nil:
		return false
	}
	return a < b
}

// String is for debugging and messages.
func (in *Instrument) String() string { return fmt.Sprintf("%s (%s)", in.Ref(), in.Name) }
