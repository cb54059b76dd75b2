// Command kompass-bench measures kompass on a synthetic corpus of full
// evaluation workbooks (fictional municipalities, deterministic from a
// seed) against the floor and against a peer. For each N it times:
//
//	(a) the floor: opening each xlsx with archive/zip and tokenising its
//	    sheet XML and shared strings with encoding/xml, nothing else;
//	(b) kompass validate over the corpus (the real binary);
//	(c) a Python script with openpyxl that reads the same workbooks and
//	    checks the same things (validate_openpyxl.py);
//	(d) kompass report --all over the corpus;
//
// and prints b/a, c/b, d/b and the peak RSS of (b) and (d). It is not part
// of go test; see docs/performance.md for how to run it and the results.
package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/instrument"
	"github.com/kompass-dev/kompass/internal/programme"
	"github.com/kompass-dev/kompass/internal/samples"
)

func main() {
	sizes := flag.String("n", "100,1000", "corpus sizes, comma-separated")
	seed := flag.Int64("seed", 1, "seed of the synthetic corpus")
	kompass := flag.String("kompass", "", "kompass binary (default: go build ./cmd/kompass)")
	python := flag.String("python", "/usr/bin/python3", "python with openpyxl (Debian: apt-get install python3-openpyxl)")
	work := flag.String("work", "", "work folder (default: a temporary folder, removed afterwards)")
	reps := flag.Int("reps", 3, "repetitions of (a), (b) and (d); the median is reported")
	skipPython := flag.Bool("skip-python", false, "do not run (c)")
	flag.Parse()
	if err := run(*sizes, *seed, *kompass, *python, *work, *reps, *skipPython); err != nil {
		fmt.Fprintln(os.Stderr, "kompass-bench:", err)
		os.Exit(1)
	}
}

func run(sizes string, seed int64, kompass, python, work string, reps int, skipPython bool) error {
	if work == "" {
		dir, err := os.MkdirTemp("", "kompass-bench-*")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		work = dir
	}
	if kompass == "" {
		kompass = filepath.Join(work, "kompass")
		build := exec.Command("go", "build", "-o", kompass, "./cmd/kompass")
		build.Stderr = os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("building kompass (run from the repository root): %w", err)
		}
	}
	reg, err := instrument.NewRegistry("")
	if err != nil {
		return err
	}
	in, _ := reg.Get("kommunkompassen", "2007")
	instrJSON := filepath.Join(work, "instrument.json")
	if err := writeInstrumentJSON(instrJSON, in); err != nil {
		return err
	}
	script, err := filepath.Abs("cmd/kompass-bench/validate_openpyxl.py")
	if err != nil {
		return err
	}
	fmt.Printf("machine: %s/%s, %d cores, %s\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), cpuModel())
	fmt.Printf("%6s %10s %10s %10s %10s %7s %7s %7s %9s %9s\n", "N", "a floor", "b valid.", "c openpyxl", "d report", "b/a", "c/b", "d/b", "RSS b", "RSS d")
	for _, f := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return fmt.Errorf("-n %q: expected sizes such as 100,1000", sizes)
		}
		dir := filepath.Join(work, fmt.Sprintf("corpus-%d", n))
		if err := corpus(dir, n, seed, reg); err != nil {
			return err
		}
		a := median(reps, func() (time.Duration, int64, error) { return floor(dir) })
		b := median(reps, func() (time.Duration, int64, error) {
			return timeCmd(kompass, "validate", dir)
		})
		out := filepath.Join(work, fmt.Sprintf("reports-%d", n))
		d := median(reps, func() (time.Duration, int64, error) {
			os.RemoveAll(out)
			return timeCmd(kompass, "report", "--all", "--data", dir, "-o", out)
		})
		c := result{}
		if !skipPython {
			c = median(1, func() (time.Duration, int64, error) { return timeCmd(python, script, instrJSON, dir) })
		}
		for _, r := range []result{a, b, c, d} {
			if r.err != nil {
				return r.err
			}
		}
		ratio := func(x, y time.Duration) string {
			if x == 0 || y == 0 {
				return "–"
			}
			return fmt.Sprintf("%.2f", float64(x)/float64(y))
		}
		fmt.Printf("%6d %10s %10s %10s %10s %7s %7s %7s %7dMB %7dMB\n", n, round(a.t), round(b.t), round(c.t), round(d.t),
			ratio(b.t, a.t), ratio(c.t, b.t), ratio(d.t, b.t), b.rss>>10, d.rss>>10)
	}
	return programmeBench(kompass, work, reps)
}

// programmeBench measures the shape of a real programme (internal/
// programme: 140 fictional kommuner, ~230 evaluations in four instrument
// versions, a five-member group): validate, report --all with the group,
// and compare of the kommun with the longest history.
func programmeBench(kompass, work string, reps int) error {
	p, err := programme.Generate(140)
	if err != nil {
		return err
	}
	dir := filepath.Join(work, "programme")
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	if err := p.Write(dir); err != nil {
		return err
	}
	out := filepath.Join(work, "programme-reports")
	steps := []struct {
		name string
		args []string
	}{
		{"validate", []string{"validate", dir}},
		{"report --all --group", []string{"report", "--all", "--data", dir, "--group", programme.Nominated, "-o", out}},
		{"compare (4 years, 3 versions)", []string{"compare", "--data", dir, "--kommun", "Exempelkommun A"}},
		{"compare --group alla", []string{"compare", "--data", dir, "--kommun", "Exempelkommun A", "--group", "alla"}},
	}
	fmt.Printf("\nprogramme: %d evaluations of 140 kommuner\n", len(p.Evaluations))
	for _, st := range steps {
		r := median(reps, func() (time.Duration, int64, error) {
			os.RemoveAll(out)
			return timeCmd(kompass, st.args...)
		})
		if r.err != nil {
			return fmt.Errorf("%s: %w", st.name, r.err)
		}
		fmt.Printf("  %-30s %10s %7dMB\n", st.name, round(r.t), r.rss>>10)
	}
	return nil
}

type result struct {
	t   time.Duration
	rss int64 // KB
	err error
}

func median(reps int, f func() (time.Duration, int64, error)) result {
	var rs []result
	for i := 0; i < reps; i++ {
		t, rss, err := f()
		if err != nil {
			return result{err: err}
		}
		rs = append(rs, result{t: t, rss: rss})
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].t < rs[j].t })
	m := rs[len(rs)/2]
	for _, r := range rs {
		m.rss = max(m.rss, r.rss)
	}
	return m
}

func round(d time.Duration) string {
	if d == 0 {
		return "–"
	}
	return d.Round(time.Millisecond).String()
}

// timeCmd runs a command to completion and returns its wall time and peak
// resident set size in KB. A non-zero exit is an error.
func timeCmd(name string, args ...string) (time.Duration, int64, error) {
	cmd := exec.Command(name, args...)
	var stderr bytes.Buffer
	cmd.Stdout = io.Discard
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	elapsed := time.Since(start)
	if err != nil {
		return 0, 0, fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss
	}
	return elapsed, rss, nil
}

// floor opens each workbook and tokenises its sheets and shared strings.
func floor(dir string) (time.Duration, int64, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if err != nil {
		return 0, 0, err
	}
	start := time.Now()
	for _, f := range files {
		zr, err := zip.OpenReader(f)
		if err != nil {
			return 0, 0, err
		}
		for _, zf := range zr.File {
			if !strings.HasPrefix(zf.Name, "xl/worksheets/") && zf.Name != "xl/sharedStrings.xml" {
				continue
			}
			rc, err := zf.Open()
			if err != nil {
				return 0, 0, err
			}
			d := xml.NewDecoder(rc)
			for {
				if _, err := d.RawToken(); err != nil {
					if err != io.EOF {
						return 0, 0, fmt.Errorf("%s: %s: %w", f, zf.Name, err)
					}
					break
				}
			}
			rc.Close()
		}
		zr.Close()
	}
	return time.Since(start), 0, nil
}

// corpus writes n full workbooks of fictional municipalities, the same for
// the same seed. An existing complete corpus is reused.
func corpus(dir string, n int, seed int64, reg *instrument.Registry) error {
	if files, _ := filepath.Glob(filepath.Join(dir, "*.xlsx")); len(files) == n {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	in, _ := reg.Get("kommunkompassen", "2007")
	for i := 1; i <= n; i++ {
		rng := rand.New(rand.NewSource(seed*1_000_003 + int64(i)))
		s := samples.Sample{
			Instrument: in.Ref(), Facts: evaluation.Facts{Kommun: fmt.Sprintf("Exempelkommun %04d", i), Year: 2000 + rng.Intn(25), Kind: evaluation.KindKommun, Evaluators: "Fiktiv utvärderare", Dates: "fiktivt datum", Sources: "Syntetisk testdata från kompass-bench (seed " + strconv.FormatInt(seed, 10) + ")"},
		}
		for _, a := range in.Areas {
			for _, q := range a.Questions {
				steps := int(q.Max / in.Step)
				s.Scores = append(s.Scores, samples.Score{ID: q.ID, Value: float64(rng.Intn(steps+1)) * in.Step.Float()})
			}
			s.Notes = append(s.Notes,
				evaluation.Note{Area: a.ID, Kind: evaluation.Strength, Text: fmt.Sprintf("Styrka %d i område %s.", rng.Intn(100), a.ID)},
				evaluation.Note{Area: a.ID, Kind: evaluation.Improvement, Text: fmt.Sprintf("Förbättringsområde %d i område %s.", rng.Intn(100), a.ID)})
		}
		b, err := samples.Workbook(reg, s)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("exempelkommun-%04d.xlsx", i)), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// writeInstrumentJSON gives the Python peer the same instrument.
func writeInstrumentJSON(path string, in *instrument.Instrument) error {
	type q struct {
		ID  string  `json:"id"`
		Max float64 `json:"max"`
	}
	type area struct {
		ID        string  `json:"id"`
		Max       float64 `json:"max"`
		Questions []q     `json:"questions"`
	}
	out := struct {
		ID      string  `json:"id"`
		Version string  `json:"version"`
		Step    float64 `json:"step"`
		Areas   []area  `json:"areas"`
	}{in.ID, in.Version, in.Step.Float(), nil}
	for _, a := range in.Areas {
		ar := area{ID: a.ID, Max: a.Max.Float(), Questions: []q{}}
		for _, qq := range a.Questions {
			ar.Questions = append(ar.Questions, q{qq.ID, qq.Max.Float()})
		}
		out.Areas = append(out.Areas, ar)
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

func cpuModel() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "model name") {
			if _, v, ok := strings.Cut(line, ":"); ok {
				return strings.TrimSpace(v)
			}
		}
	}
	return "unknown CPU"
}
