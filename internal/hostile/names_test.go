package hostile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/testkit"
)

// TestConsensusFileNames: the evaluators' workbooks are named with ESC
// and BEL (a window title sequence); consensus prints the names, in its
// table and in the line about the written workbook, with the control
// characters shown as escapes.
func TestConsensusFileNames(t *testing.T) {
	work := t.TempDir()
	var names []string
	files := testkit.Assessments(t)
	for _, file := range testkit.AssessmentFiles {
		name := strings.TrimSuffix(file, ".xlsx") + "\x1b]0;pwned\x07.xlsx"
		if err := os.WriteFile(filepath.Join(work, name), files[file], 0o644); err != nil {
			t.Skip("file names with control characters cannot be made here:", err)
		}
		names = append(names, name)
	}
	t.Chdir(work)
	before := snapshot(t, work)
	out := "ut\x1b[2K.xlsx"
	var code int
	var stdout, stderr, panicked string
	c := measure(func() {
		code, stdout, stderr, panicked = mainSafely(append([]string{"consensus", "-o", out}, names...))
	})
	t.Logf("consensus: %v, %.1f MB allocated, heap peak %.1f MB above the start", c.elapsed, c.allocMB(), c.peakMB())
	if panicked != "" || code != 0 {
		t.Fatalf("exit %d %s\n%s%s", code, panicked, stdout, stderr)
	}
	for stream, s := range map[string]string{"stdout": stdout, "stderr": stderr} {
		if i := strings.IndexFunc(s, rawControl); i >= 0 {
			t.Errorf("%s holds %U raw:\n%q", stream, []rune(s[i:])[0], s)
		}
	}
	for _, want := range []string{`(exempelkommun-a-2025-anna-exempelsson\x1b]0;pwned\x07.xlsx)`, `wrote ut\x1b[2K.xlsx (Exempelkommun A 2025: 3 evaluators, 2 to discuss)`} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout has no %q:\n%s", want, stdout)
		}
	}
	after := snapshot(t, work)
	if _, ok := after[out]; !ok {
		t.Errorf("no %q written", out)
	}
	delete(after, out)
	if len(after) != len(before) {
		t.Errorf("the inputs changed: %v", after)
	}
}
