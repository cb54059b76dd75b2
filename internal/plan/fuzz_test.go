package plan_test

import (
	"testing"

	"github.com/kompass-dev/kompass/internal/plan"
	"github.com/kompass-dev/kompass/internal/testkit"
)

// FuzzRead replaces the sheets Uppgifter and Åtgärdsplan and the shared
// strings of a real plan with fuzzed XML and reads the result. Read must
// never panic (nor recover from one), must not touch the file, and every
// problem must name the file.
func FuzzRead(f *testing.F) {
	const factsPart, planPart, sstPart = "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/sharedStrings.xml"
	wb := testkit.ReadParts(f, writePlan(f, readEvaluation(f, umea2007), plan.Options{}))
	s := wb.Strings(factsPart, planPart, sstPart)
	f.Add(s[0], s[1], s[2])
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, facts, sheet, sst string) {
		path, data := wb.WriteWith(t, dir, map[string]string{factsPart: facts, planPart: sheet, sstPart: sst})
		_, probs := plan.Read(path)
		testkit.CheckRead(t, path, data, probs)
	})
}
