package programme_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/instrument"
	"github.com/kompass-dev/kompass/internal/programme"
	"github.com/kompass-dev/kompass/internal/samples"
	"github.com/kompass-dev/kompass/internal/testkit"
	"github.com/kompass-dev/kompass/internal/validate"
	"github.com/kompass-dev/kompass/internal/workbook"
	"github.com/xuri/excelize/v2"
)

// dir is the committed programme; every file in it is generated.
const dir = "../../testdata/programme"

func committed(t testing.TB) programme.Programme {
	t.Helper()
	p, err := programme.Committed()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// files are the files of the committed programme, as the generator makes
// them.
func files(t testing.TB) map[string][]byte {
	t.Helper()
	files, err := committed(t).Files()
	if err != nil {
		t.Fatal(err)
	}
	return files
}

var writeOnce sync.Once

// ensureWritten rewrites dir under -update, once, before any test reads it.
func ensureWritten(t *testing.T) {
	t.Helper()
	if testkit.Update() {
		writeOnce.Do(func() {
			testkit.GoldenDir(t, dir, testkit.Deterministic(t, func() map[string][]byte { return files(t) }))
		})
	}
}

// TestCommittedUpToDate checks that testdata/programme/ is byte for byte
// what the generator makes, and holds nothing else.
func TestCommittedUpToDate(t *testing.T) {
	testkit.Rebuilds(t)
	ensureWritten(t)
	testkit.GoldenDir(t, dir, files(t))
}

// TestCommittedValidates runs the real checks over the folder: every
// workbook is ok, without even a warning, and the group resolves.
func TestCommittedValidates(t *testing.T) {
	ensureWritten(t)
	reg, err := instrument.NewRegistry("")
	if err != nil {
		t.Fatal(err)
	}
	paths, err := validate.Collect([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if want := len(committed(t).Evaluations); len(paths) != want {
		t.Fatalf("%d workbooks in %s, want %d", len(paths), dir, want)
	}
	validate.Each(paths, reg, func(_ int, r validate.Result) {
		if !r.OK() || len(r.Problems) > 0 {
			t.Errorf("%s: %v", r.File, r.Problems)
		}
	})
	set, err := evalset.Load(dir, reg)
	if err != nil {
		t.Fatal(err)
	}
	g, err := set.Group(programme.Nominated, set.Evaluations[0], evalset.Period{})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Members) != 5 {
		t.Errorf("group %q has %d members, want 5", g.Name, len(g.Members))
	}
	for _, ev := range g.Members {
		if ev.Facts.Year != 2007 || ev.Instrument.Ref() != "kommunkompassen@2007" || ev.Tally().Level != evaluation.LevelFull {
			t.Errorf("member %s: %s, level %v; want 2007, kommunkompassen@2007, full", ev.Label(), ev.Instrument.Ref(), ev.Tally().Level)
		}
	}
}

// evaluationsOf lists "year instrument" for each evaluation of a kommun.
func evaluationsOf(p programme.Programme, kommun string) []string {
	var out []string
	for _, s := range p.Evaluations {
		if s.Kommun == kommun {
			out = append(out, s.File+" "+s.Instrument)
		}
	}
	return out
}

// TestCommittedContents checks what later tests rely on.
func TestCommittedContents(t *testing.T) {
	p := committed(t)
	want := []string{
		"exempelkommun-a-2005.xlsx kommunkompassen@2007", "exempelkommun-a-2007.xlsx kommunkompassen@2007",
		"exempelkommun-a-2012.xlsx kommunkompassen@2010", "exempelkommun-a-2021.xlsx kommunkompassen@2020",
	}
	if got := evaluationsOf(p, "Exempelkommun A"); !reflect.DeepEqual(got, want) {
		t.Errorf("Exempelkommun A: %q, want %q", got, want)
	}
	versions := map[string]bool{}
	for _, s := range p.Evaluations {
		versions[s.Instrument] = true
		if n := norm.NFC.String(s.Kommun); !strings.HasPrefix(n, "Exempel") && !strings.HasPrefix(n, "Påhitt") && !strings.HasPrefix(n, "Pahitt") {
			t.Errorf("%s: kommun %q is not one of the clearly fictional names", s.File, s.Kommun)
		}
		if !strings.HasPrefix(s.Sources, "Fiktiva testdata för kompass") {
			t.Errorf("%s: Källor %q does not say the data are fictional", s.File, s.Sources)
		}
		if n := len(strings.Split(s.Evaluators, "; ")); s.Kind == evaluation.KindKommun && (n < 2 || n > 3) {
			t.Errorf("%s: %d evaluators, want 2 or 3", s.File, n)
		}
	}
	if len(versions) != 4 {
		t.Errorf("instrument versions used: %v, want all four built-in", versions)
	}

	// The pair that differs only by å and a folds to one name.
	if programme.RingName == programme.PlainName || evaluation.FoldName(programme.RingName) != evaluation.FoldName(programme.PlainName) {
		t.Errorf("%q and %q should differ only by å and a", programme.RingName, programme.PlainName)
	}
	for _, k := range []string{programme.RingName, programme.PlainName} {
		if len(evaluationsOf(p, k)) == 0 {
			t.Errorf("no evaluation of %s", k)
		}
	}
}

// TestNFDName checks that the decomposed name reaches the workbook as it
// is written, not normalised on the way, and that kompass reads it as the
// composed name (a kommun's identity is its NFC form).
func TestNFDName(t *testing.T) {
	ensureWritten(t)
	if norm.NFC.IsNormalString(programme.NFDName) || norm.NFC.String(programme.NFDName) != "Exempelå" {
		t.Fatalf("%q is not the decomposed form of Exempelå", programme.NFDName)
	}
	file := filepath.Join(dir, "exempela-nfd-2020.xlsx")
	f, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	raw, err := f.GetCellValue(workbook.SheetFacts, "B2")
	if err != nil || raw != programme.NFDName {
		t.Errorf("Uppgifter!B2 holds %q (%v), want the decomposed %q", raw, err, programme.NFDName)
	}
	ev, probs := workbook.Read(file)
	if ev == nil {
		t.Fatal(probs)
	}
	if ev.Facts.Kommun != "Exempelå" {
		t.Errorf("Kommun read as %q, want the composed %q", ev.Facts.Kommun, "Exempelå")
	}
}

// TestGenerate checks the scaled-up programme without writing all of it:
// its size, determinism, that it extends the committed one, and that a
// sample of its workbooks validates.
func TestGenerate(t *testing.T) {
	reg, err := instrument.NewRegistry("")
	if err != nil {
		t.Fatal(err)
	}
	p, err := programme.Generate(140)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := programme.Generate(140)
	if !reflect.DeepEqual(p, again) {
		t.Fatal("two runs of Generate differ")
	}
	kommuner := map[string]bool{}
	for _, s := range p.Evaluations {
		if s.Kind == evaluation.KindKommun {
			kommuner[s.Kommun] = true
		}
	}
	if len(kommuner) != 140 || len(p.Evaluations) < 200 || len(p.Evaluations) > 280 {
		t.Errorf("Generate(140): %d kommuner, %d evaluations; want 140 and about 240", len(kommuner), len(p.Evaluations))
	}
	files := map[string]samples.Sample{}
	for _, s := range p.Evaluations {
		files[s.File] = s
	}
	for _, s := range committed(t).Evaluations {
		if s.Kind == evaluation.KindKommun && !reflect.DeepEqual(files[s.File], s) {
			t.Errorf("%s differs between Committed and Generate", s.File)
		}
	}
	tmp := t.TempDir()
	var paths []string
	for i := 0; i < len(p.Evaluations); i += 25 {
		s := p.Evaluations[i]
		b, err := samples.Workbook(reg, s)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(tmp, s.File)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	validate.Each(paths, reg, func(_ int, r validate.Result) {
		if !r.OK() || len(r.Problems) > 0 {
			t.Errorf("%s: %v", r.File, r.Problems)
		}
	})
}
