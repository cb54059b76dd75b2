package samples_test

import (
	"testing"

	"github.com/kompass-dev/kompass/internal/samples"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
)

const (
	shippedDir     = "../../evaluations"
	asPublishedDir = "../../testdata/as-published"
)

// TestWorkbooksUpToDate checks that the committed sample workbooks are
// exactly what the transcriptions in this package produce, and that the
// folders hold nothing else, so the data in the repository cannot drift
// from its documented source. -update rewrites them.
func TestWorkbooksUpToDate(t *testing.T) {
	testkit.Rebuilds(t)
	reg := testbase.Registry(t)
	for dir, set := range map[string][]samples.Sample{shippedDir: samples.Shipped(), asPublishedDir: samples.AsPublished()} {
		files := testkit.Deterministic(t, func() map[string][]byte {
			out := map[string][]byte{}
			for _, s := range set {
				b, err := samples.Workbook(reg, s)
				if err != nil {
					t.Fatal(err)
				}
				out[s.File] = b
			}
			if dir == shippedDir {
				// the fictional Exempelkommun's åtgärdsplan ships beside its evaluation
				ps := samples.ExempelPlan()
				b, err := samples.PlanWorkbook(reg, ps)
				if err != nil {
					t.Fatal(err)
				}
				out[ps.File] = b
			}
			return out
		})
		testkit.GoldenDir(t, dir, files)
	}
}
