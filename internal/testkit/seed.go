package testkit

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/samples"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// The seeds are the documents kompass was made from. They lie beside the
// repository, in ../shared/seeds, and are not part of it: the project's
// prose is its own, so a test may read a seed while it runs but never copy
// its paragraphs into a committed file.

// Seed002Name is the file of SKL's Kommunkompassen analysis of Umeå kommun,
// September 2007.
const Seed002Name = "002_10cac051a319b31e.txt"

// SeedPath returns the path of a seed, or skips the test when it is not
// there (NeedFile).
func SeedPath(t testing.TB, name string) string {
	t.Helper()
	return NeedFile(t, filepath.Join(ModuleRoot(t), "..", "shared", "seeds", name), "the seed "+name,
		"it lies in shared/seeds beside the repository")
}

// NeedFile returns path when the file is there; otherwise the test is
// skipped, or fails under CI=true, as for a missing program (Need).
func NeedFile(t testing.TB, path, what, where string) string {
	t.Helper()
	_, err := os.Stat(path)
	testbase.Need(t, what, where, err)
	return path
}

// ModuleRoot returns the folder of kompass's go.mod, found upwards from
// the test's working directory (its package's folder).
func ModuleRoot(t testing.TB) string {
	t.Helper()
	root, ok := moduleRoot()
	if !ok {
		t.Fatal("no go.mod above the working directory")
	}
	return root
}

func moduleRoot() (string, bool) {
	wd, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, true
		}
		if filepath.Dir(dir) == dir {
			return "", false
		}
	}
}

// Seed is what an evaluation takes from a seed report: the text of its
// sections 2 and 3 in order, its tables, the number of interviews and who
// was interviewed, and the styrkor and förbättringsområden per area.
type Seed struct {
	Text        []evaluation.TextBlock
	Tables      []evaluation.Table
	Interviews  int
	Interviewed string
	Notes       []evaluation.Note
}

// Workbook is the workbook of Umeå 2007 as its evaluators would fill it
// in: the shipped scores, comments and notes (samples.Shipped, whose notes
// are the seed's), and the seed's text on Bedömning, its tables on
// Tabeller and the interviews on Uppgifter (workbook.Write). It exists
// only while the test runs: the seed's text is never written into the
// repository.
func (s Seed) Workbook(t testing.TB) []byte {
	t.Helper()
	var umea samples.Sample
	for _, sm := range samples.Shipped() {
		if sm.File == "umea-2007.xlsx" {
			umea = sm
		}
	}
	umea.Text, umea.Tables = s.Text, s.Tables
	umea.Interviews, umea.Interviewed = s.Interviews, s.Interviewed
	b, err := samples.Workbook(testbase.Registry(t), umea)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Seed002 reads the Umeå 2007 analysis (Seed002Name) as an evaluation's
// text, as an evaluator would type it into the sheets Bedömning and
// Tabeller:
//
//   - section 2 up to "Sammanfattning av poäng" is the background
//     (evaluation.SectionBackground), with Tabell 1 as its table, placed
//     by a row Tabell where it stands and with the line under it that
//     explains its mark ("* …") as its note; the paragraph on the
//     interviews gives Interviews and Interviewed;
//   - "Sammanfattning av poäng" describes Tabell 2 and the spider chart,
//     which the report makes itself from the scores: it is left out, with
//     the table and the chart's caption;
//   - from "Sammanfattning av utvärderingen" on it is the summary
//     (evaluation.SectionSummary);
//   - in section 3 each "Område N …" starts the text of area N: its list of
//     delfrågor is left out (the instrument has them), sub-headings and
//     paragraphs follow, and the bullets under Styrkor and
//     Förbättringsområden are its notes.
//
// A heading is a block of one short line that does not end like a
// sentence; a block of "- " lines is one paragraph holding a list.
// Without the seed the test is skipped (SeedPath).
func Seed002(t testing.TB) Seed {
	t.Helper()
	data, err := os.ReadFile(SeedPath(t, Seed002Name))
	if err != nil {
		t.Fatal(err)
	}
	s, err := parseSeed002(string(data))
	if err != nil {
		t.Fatalf("%s: %v", Seed002Name, err)
	}
	return s
}

type seedError string

func (e seedError) Error() string { return string(e) }

var (
	seedSection   = regexp.MustCompile(`^([1-9]) (\p{Lu}[^\t]*)$`)
	seedArea      = regexp.MustCompile(`^Område (\d+) `)
	seedQuestions = regexp.MustCompile(`^- \d+\.\d+ `)
	seedTable     = regexp.MustCompile(`^Tabell \d+ `)
	seedCount     = regexp.MustCompile(`intervjuer med ett (\d+)-tal personer`)
	seedWho       = regexp.MustCompile(`Bland de intervjuade deltog ([^.]+)\.`)
)

// seedBlocks splits a text into blocks of consecutive lines that are not
// blank (a line of spaces, no-break spaces included, is blank).
func seedBlocks(text string) [][]string {
	var out [][]string
	var cur []string
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r", ""), "\n") {
		if strings.TrimSpace(line) == "" {
			if cur != nil {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, strings.TrimRight(line, " "))
	}
	if cur != nil {
		out = append(out, cur)
	}
	return out
}

func seedHeading(b []string) bool {
	if len(b) != 1 {
		return false
	}
	l := b[0]
	return !strings.ContainsRune(l, '\t') && !strings.HasPrefix(l, "- ") && !strings.HasPrefix(l, "*") &&
		utf8.RuneCountInString(l) <= 70 && !strings.ContainsAny(l[len(l)-1:], `.:;!?,")`) && !strings.HasSuffix(l, "”")
}

func seedBullets(b []string) bool {
	for _, l := range b {
		if l != "-" && !strings.HasPrefix(l, "- ") {
			return false
		}
	}
	return true
}

func parseSeed002(text string) (Seed, error) {
	// the sections, by number
	sections := map[int][][]string{}
	n := 0
	for _, b := range seedBlocks(text) {
		if m := seedSection.FindStringSubmatch(b[0]); len(b) == 1 && m != nil && m[1] == strconv.Itoa(n+1) {
			n++
			continue
		}
		if n > 0 {
			sections[n] = append(sections[n], b)
		}
	}
	if n < 4 {
		return Seed{}, seedError("sections 1–4 not found")
	}
	var s Seed
	add := func(section string, kind evaluation.TextKind, lines []string) {
		s.Text = append(s.Text, evaluation.TextBlock{Section: section, Kind: kind, Text: strings.Join(lines, "\n")})
	}

	// section 2: background, the scores (left out), summary
	section, skipping := evaluation.SectionBackground, false
	var title string           // of a table whose rows come next
	var last *evaluation.Table // the table just read, whose notes may follow
	for _, b := range sections[2] {
		if last != nil && !seedHeading(b) && workbook.TableNote(b[0]) {
			last.Notes = append(last.Notes, b...)
			continue
		}
		last = nil
		switch {
		case title != "" && strings.ContainsRune(b[0], '\t'):
			tb := evaluation.Table{Section: section, Title: title}
			for i, l := range b {
				var cells []string
				for _, c := range strings.Split(l, "\t") {
					cells = append(cells, strings.TrimSpace(c))
				}
				if i == 0 {
					tb.Header = cells
				} else {
					tb.Rows = append(tb.Rows, cells)
				}
			}
			if !skipping {
				s.Tables = append(s.Tables, tb)
				last = &s.Tables[len(s.Tables)-1]
				add(section, evaluation.TableRef, []string{tb.Label()})
			}
			title = ""
		case seedHeading(b) && seedTable.MatchString(b[0]):
			title = b[0]
		case seedHeading(b) && b[0] == "Sammanfattning av poäng":
			skipping = true
		case seedHeading(b) && b[0] == "Sammanfattning av utvärderingen":
			skipping, section = false, evaluation.SectionSummary
			add(section, evaluation.Heading, b)
		case skipping:
		case seedHeading(b):
			add(section, evaluation.Heading, b)
		default:
			add(section, evaluation.Paragraph, b)
			if m := seedCount.FindStringSubmatch(strings.Join(b, " ")); m != nil {
				s.Interviews, _ = strconv.Atoi(m[1])
			}
			if m := seedWho.FindStringSubmatch(strings.Join(b, " ")); m != nil {
				s.Interviewed = m[1]
			}
		}
	}
	if section != evaluation.SectionSummary || len(s.Tables) == 0 || s.Interviews == 0 || s.Interviewed == "" {
		return Seed{}, seedError("section 2: no summary, table or interviews")
	}

	// section 3: per area
	area, mode := "", ""
	for _, b := range sections[3] {
		if m := seedArea.FindStringSubmatch(b[0]); seedHeading(b) && m != nil {
			area, mode = m[1], "questions"
			continue
		}
		if area == "" {
			return Seed{}, seedError("section 3 does not start with an area")
		}
		switch {
		case mode == "questions" && seedBullets(b) && seedQuestions.MatchString(b[0]):
			mode = "text"
		case seedHeading(b) && b[0] == "Styrkor":
			mode = string(evaluation.Strength)
		case seedHeading(b) && b[0] == "Förbättringsområden":
			mode = string(evaluation.Improvement)
		case mode == string(evaluation.Strength) || mode == string(evaluation.Improvement):
			for _, l := range b {
				item := strings.TrimSpace(strings.TrimPrefix(l, "-"))
				item = strings.TrimSuffix(strings.TrimPrefix(item, "**"), "**")
				if item != "" {
					s.Notes = append(s.Notes, evaluation.Note{Area: area, Kind: evaluation.NoteKind(mode), Text: item})
				}
			}
		case seedHeading(b):
			mode = "text"
			add(area, evaluation.Heading, b)
		default:
			mode = "text"
			add(area, evaluation.Paragraph, b)
		}
	}
	return s, nil
}
