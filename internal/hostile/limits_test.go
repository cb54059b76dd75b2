package hostile

// What kompass writes, it reads: the largest åtgärdsplan and consensus
// workbook kompass writes are read back and validate; one step larger is
// refused before anything is written or printed.

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/plan"
	"github.com/kompass-dev/kompass/internal/samples"
	"github.com/kompass-dev/kompass/internal/sheet"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
)

// fullCell is a text as long as a cell holds: 32,767 characters.
var fullCell = strings.Repeat("Lång text om förbättringsområdet. ", sheet.MaxCellChars/34) + strings.Repeat("x", sheet.MaxCellChars%34)

// runIn runs kompass in dir and checks what every run must hold: no
// panic, no raw control character; it logs time and memory.
func runIn(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	t.Chdir(dir)
	var panicked string
	c := measure(func() { code, stdout, stderr, panicked = mainSafely(args) })
	t.Logf("%s: %v, %.1f MB allocated, heap peak %.1f MB above the start", strings.Join(args, " "), c.elapsed, c.allocMB(), c.peakMB())
	if panicked != "" {
		t.Fatalf("kompass %s panicked: %s", strings.Join(args, " "), panicked)
	}
	if m := traceRE.FindString(stdout + stderr); m != "" {
		t.Errorf("the output holds %q:\n%s%s", m, stdout, stderr)
	}
	return code, stdout, stderr
}

// TestLargestPlan: a plan of an evaluation with 250 förbättringsområden,
// one of them as long as a cell holds, followed up every month for ten
// years (253 columns) is written, and validates beside its evaluation.
// Årsredovisning as well makes 130 occasions (274 columns, more than
// kompass reads): a usage error before anything is written.
func TestLargestPlan(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and reads a plan of 253 columns")
	}
	s := baseSample(t, kommunA, 2015)
	s.File = "exempelkommun-a-2015.xlsx"
	for i := range 250 {
		text := fmt.Sprintf("Förbättringsområde %d: %s", i+1, strings.Repeat("utveckla uppföljningen av målen ", 35))
		if i == 0 {
			text = fullCell
		}
		s.Notes = append(s.Notes, evaluation.Note{Area: fmt.Sprint(i%8 + 1), Kind: evaluation.Improvement, Text: text})
	}
	dir := testkit.Folder(t, map[string][]byte{"data/" + s.File: sampleBytes(t, s)})
	months := "januari,februari,mars,april,maj,juni,juli,augusti,september,oktober,november,december"
	if n := 12 * plan.MaxYears; n > plan.MaxOccasions {
		t.Fatalf("twelve months for %d years are %d occasions, more than a plan holds (%d)", plan.MaxYears, n, plan.MaxOccasions)
	}
	code, stdout, stderr := runIn(t, dir, "plan", "--kommun", kommunA, "--year", "2015", "--until", "2025", "--occasions", months, "-o", "data/plan.xlsx", "data")
	if code != 0 || !strings.Contains(stdout, "wrote data/plan.xlsx (åtgärdsplan Exempelkommun A 2015: 250 förbättringsområden, followed up januari 2016 to december 2025)") {
		t.Fatalf("plan: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr = runIn(t, dir, "validate", "data")
	if code != 0 || !strings.Contains(stdout, "data/plan.xlsx: ok (åtgärdsplan Exempelkommun A 2015)") {
		t.Fatalf("validate: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr = runIn(t, dir, "plan", "--kommun", kommunA, "--year", "2015", "--until", "2025", "--occasions", months+",årsredovisning", "-o", "data/plan2.xlsx", "data")
	if code != 2 || stdout != "" || !strings.Contains(stderr, "kompass: error: --until 2025 and --occasions make 130 reporting occasions (274 columns); a plan holds at most 121") {
		t.Errorf("plan with 130 occasions: exit %d\n%s%s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "plan2.xlsx")); err == nil {
		t.Error("plan2.xlsx was written")
	}
}

// assessor is an evaluator's own workbook of paras paragraphs on the
// sheet Bedömning, each naming the evaluator (so no two evaluators share
// one), and a Kommentar and a styrka as long as a cell holds.
func assessor(t *testing.T, name string, paras int) []byte {
	t.Helper()
	s := baseSample(t, kommunA, baseYear)
	s.Kind, s.Assessor = evaluation.KindAssessment, name
	s.Scores[1].Comment = fullCell
	s.Notes = []evaluation.Note{{Area: "1", Kind: evaluation.Strength, Text: fullCell}}
	for i := range paras {
		s.Text = append(s.Text, evaluation.TextBlock{Section: fmt.Sprint(i%8 + 1), Kind: evaluation.Paragraph,
			Text: fmt.Sprintf("%s skriver stycke %d om hur kommunen styrs och leds.", name, i+1)})
	}
	return sampleBytes(t, s)
}

// TestLargestConsensus: Anna's 2,550 paragraphs and Bertil's 2,449, all
// different, make a consensus workbook of 4,999 paragraphs, just within
// the 5,000 rows kompass reads of a sheet (the header is the other), whose
// merged Kommentar and styrka are cut to what a cell holds: it is written
// and validates. With Cecilia's 2,550 instead of Bertil's the sheet
// Bedömning would have 5,101 rows: refused with exit 3, the sheet named,
// nothing written and nothing printed.
func TestLargestConsensus(t *testing.T) {
	if testing.Short() {
		t.Skip("writes three workbooks of 2,500 paragraphs")
	}
	dir := testkit.Folder(t, map[string][]byte{
		"anna.xlsx":    assessor(t, "Anna Exempelsson", 2550),
		"bertil.xlsx":  assessor(t, "Bertil Prov", 2449),
		"cecilia.xlsx": assessor(t, "Cecilia Påhitt", 2550),
	})
	code, stdout, stderr := runIn(t, dir, "consensus", "anna.xlsx", "cecilia.xlsx", "-o", "för-stor.xlsx")
	want := `kompass: error: writing för-stor.xlsx: the workbook would be larger than kompass reads: sheet "Bedömning" has more than 5000 rows with content`
	if code != 3 || stdout != "" || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, want 3 and %q\n%s%s", code, want, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "för-stor.xlsx")); err == nil {
		t.Error("för-stor.xlsx was written")
	}
	code, stdout, stderr = runIn(t, dir, "consensus", "anna.xlsx", "bertil.xlsx", "-o", "konsensus.xlsx")
	if code != 0 || !strings.Contains(stdout, "wrote konsensus.xlsx") {
		t.Fatalf("consensus: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr = runIn(t, dir, "validate", "konsensus.xlsx")
	if code != 0 {
		t.Fatalf("validate: exit %d\n%s%s", code, stdout, stderr)
	}
}

// sampleBytes is the workbook of a sample.
func sampleBytes(t *testing.T, s samples.Sample) []byte {
	t.Helper()
	b, err := samples.Workbook(testbase.Registry(t), s)
	check(t, err)
	return b
}
