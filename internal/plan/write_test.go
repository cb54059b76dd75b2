package plan_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/plan"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/workbook"
)

const umea2007 = "../../evaluations/umea-2007.xlsx"

// readEvaluation reads a shipped evaluation with its instrument.
func readEvaluation(t testing.TB, path string) *evaluation.Evaluation {
	t.Helper()
	ev, probs := workbook.Read(path)
	if ev == nil || problem.HasErrors(probs) {
		t.Fatalf("%s: %v", path, probs)
	}
	in, ok := testbase.Registry(t).Get(ev.Facts.InstrumentID, ev.Facts.InstrumentVersion)
	if !ok {
		t.Fatalf("%s: no instrument", path)
	}
	ev.Instrument = in
	return ev
}

// writePlan writes the plan of ev into a temporary folder and returns its
// path.
func writePlan(t testing.TB, ev *evaluation.Evaluation, opts plan.Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := plan.Write(&buf, ev, ev.Instrument, opts); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "plan.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestWriteReadUmea2007(t *testing.T) {
	ev := readEvaluation(t, umea2007)
	_, refs := plan.Refs(ev)
	if len(refs) == 0 {
		t.Fatal("Umeå 2007 has no förbättringsområden")
	}
	path := writePlan(t, ev, plan.Options{})
	if !plan.IsPlan(path) {
		t.Fatal("IsPlan: false for a plan")
	}
	if plan.IsPlan(umea2007) {
		t.Fatal("IsPlan: true for an evaluation")
	}
	p, probs := plan.Read(path)
	if p == nil || len(probs) > 0 {
		t.Fatalf("Read: %v", probs)
	}
	if p.Kommun != "Umeå" || p.Year != 2007 || p.InstrumentID != "kommunkompassen" || p.InstrumentVersion != "2007" || !p.Of(ev) {
		t.Errorf("facts: %+v", p)
	}
	if len(p.Items) != len(refs) {
		t.Fatalf("%d items, want %d", len(p.Items), len(refs))
	}
	byRef, _ := plan.Refs(ev)
	for i, it := range p.Items {
		if it.Ref != refs[i] || it.Text != byRef[it.Ref].Text || len(it.Actions) != 0 {
			t.Errorf("item %d: %+v, want %s %q and no åtgärd", i, it, refs[i], byRef[refs[i]].Text)
		}
	}
	want := []string{"April 2008", "Augusti 2008", "Årsredovisning 2008", "April 2009", "Augusti 2009", "Årsredovisning 2009"}
	if len(p.Occasions) != len(want) {
		t.Fatalf("occasions %v, want %v", p.Occasions, want)
	}
	for i, o := range p.Occasions {
		if o.Label != want[i] {
			t.Errorf("occasion %d: %s, want %s", i, o.Label, want[i])
		}
	}
	if d := p.Occasions[1].Date; !d.Equal(time.Date(2008, 8, 31, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Augusti 2008 is %v", d)
	}
	if probs := plan.Check(p, ev); len(probs) > 0 {
		t.Errorf("Check: %v", probs)
	}
}

func TestWriteDeterministic(t *testing.T) {
	ev := readEvaluation(t, umea2007)
	build := func() []byte {
		var buf bytes.Buffer
		if err := plan.Write(&buf, ev, ev.Instrument, plan.Options{}); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	if !bytes.Equal(build(), build()) {
		t.Error("two plans of the same evaluation differ")
	}
}

func TestOccasions(t *testing.T) {
	occ, err := plan.Occasions(2005, 2006, []string{"Juni", "arsredovisning", "februari"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range occ {
		got = append(got, o.Label+" "+o.Date.Format("2006-01-02"))
	}
	want := []string{"Februari 2006 2006-02-28", "Juni 2006 2006-06-30", "Årsredovisning 2006 2006-12-31"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("got %v, want %v", got, want)
		}
	}
	for _, bad := range []struct {
		until int
		names []string
	}{{2005, nil}, {2030, nil}, {0, []string{"påsk"}}} {
		if _, err := plan.Occasions(2005, bad.until, bad.names); err == nil {
			t.Errorf("Occasions(2005, %d, %v): no error", bad.until, bad.names)
		}
	}
}
