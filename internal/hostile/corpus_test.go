package hostile

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kompass-dev/kompass/internal/cli"
	"github.com/kompass-dev/kompass/internal/testkit"
)

// -update (testkit.Update) rewrites the generated files of testdata/hostile
// and makes the made-once files that are missing.
var dump = flag.Bool("dump", false, "print what kompass says for each run instead of checking it (to write the table)")

const corpusDir = "../../testdata/hostile"

func inputNamed(t testing.TB, name string) input {
	t.Helper()
	for _, in := range inputs {
		if in.name == name {
			return in
		}
	}
	t.Fatalf("no input %s", name)
	return input{}
}

var (
	cacheMu sync.Mutex
	cache   = map[string][]byte{}
)

// contentOf returns the bytes of an input: the committed file, or for a
// file made at test time what its generator makes (once per test binary).
func contentOf(t testing.TB, in input) []byte {
	t.Helper()
	cacheMu.Lock()
	defer cacheMu.Unlock()
	if b, ok := cache[in.name]; ok {
		return b
	}
	var b []byte
	if in.how == atTestTime {
		b = in.make(t)
	} else {
		var err error
		b, err = os.ReadFile(filepath.Join(corpusDir, filepath.FromSlash(in.name)))
		if err != nil {
			t.Fatalf("%v (run go test ./internal/hostile -update)", err)
		}
	}
	cache[in.name] = b
	return b
}

// TestCorpusUpToDate checks that the committed corpus is exactly what the
// generators make (README.md included), that the files made once are what
// they should be, and that testdata/hostile holds nothing else. With
// -update it rewrites it.
func TestCorpusUpToDate(t *testing.T) {
	testkit.Rebuilds(t)
	if got := partOfSheet(t, base(t), "Poäng"); got != poangPart {
		t.Fatalf("the sheet Poäng is %s in a template, not %s; fix poangPart", got, poangPart)
	}
	if got := partOfSheet(t, base(t), "Uppgifter"); got != factsPart {
		t.Fatalf("the sheet Uppgifter is %s in a template, not %s; fix factsPart", got, factsPart)
	}
	build := func() map[string][]byte {
		out := map[string][]byte{"README.md": corpusReadme()}
		for _, in := range inputs {
			if in.how == generated {
				out[in.name] = in.make(t)
			}
		}
		return out
	}
	files := testkit.Deterministic(t, build)
	var once []string
	for _, in := range inputs {
		if in.how != madeOnce {
			continue
		}
		once = append(once, in.name)
		path := filepath.Join(corpusDir, filepath.FromSlash(in.name))
		got, err := os.ReadFile(path)
		if err != nil && testkit.Update() {
			got = in.make(t)
			check(t, os.MkdirAll(filepath.Dir(path), 0o755))
			check(t, os.WriteFile(path, got, 0o644))
		} else if err != nil {
			t.Errorf("%v (run go test ./internal/hostile -update to make it once)", err)
			continue
		}
		t.Run(in.name, func(t *testing.T) { in.verify(t, got) })
	}
	testkit.GoldenDir(t, corpusDir, files, once...)
}

// snapshot maps every file under dir to the sha256 of its content, and
// every folder (as "name/") to zero.
func snapshot(t testing.TB, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || path == dir {
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 || !d.IsDir() && !d.Type().IsRegular() {
			// A FIFO or a link to a device is never read: its kind and
			// target are what must not change.
			target, _ := os.Readlink(path)
			rel, _ := filepath.Rel(dir, path)
			out[filepath.ToSlash(rel)] = sha256.Sum256([]byte(d.Type().String() + "→" + target))
			return nil
		}
		if d.IsDir() {
			rel, _ := filepath.Rel(dir, path)
			out[filepath.ToSlash(rel)+"/"] = [32]byte{}
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		out[filepath.ToSlash(rel)] = sha256.Sum256(b)
		return nil
	})
	check(t, err)
	return out
}

// mainSafely runs kompass in-process, turning a panic into a failure of
// the case rather than of the whole test binary.
func mainSafely(args []string) (code int, stdout, stderr string, panicked string) {
	var out, errb bytes.Buffer
	func() {
		defer func() {
			if r := recover(); r != nil {
				panicked = fmt.Sprintf("%v\n%s", r, debug.Stack())
			}
		}()
		// The corpus's expectations are the English messages.
		code = cli.Main(append([]string{"--lang", "en"}, args...), strings.NewReader(""), &out, &errb)
	}()
	return code, out.String(), errb.String(), panicked
}

// traceRE finds what a Go crash or an unexpected internal error prints.
var traceRE = regexp.MustCompile(`(?m)goroutine \d+ \[|^panic: |internal error|runtime error|\.go:\d+|runtime\.|^\s+/.*\.go`)

// lines checks that the output holds the wanted lines, in order. A wanted
// line starting with "re:" is a regular expression for the whole line.
// "$F" in a wanted line stands for the input's path.
func lines(t *testing.T, stream, output, path string, want []string) {
	t.Helper()
	got := strings.Split(strings.TrimSuffix(output, "\n"), "\n")
	i := 0
	for _, w := range want {
		match := func(l string) bool { return l == strings.ReplaceAll(w, "$F", path) }
		if re, ok := strings.CutPrefix(w, "re:"); ok {
			rx := regexp.MustCompile("^(?:" + strings.ReplaceAll(re, "$F", regexp.QuoteMeta(path)) + ")$")
			match = rx.MatchString
		}
		j := slices.IndexFunc(got[i:], match)
		if j < 0 {
			t.Errorf("%s has no line %q (after line %d); it is:\n%s", stream, w, i, output)
			return
		}
		i += j + 1
	}
}

func TestCorpus(t *testing.T) {
	for _, in := range inputs {
		if !slices.ContainsFunc(runs, func(r run) bool { return r.in == in.name }) {
			t.Errorf("%s: no command runs on it (add it to runs)", in.name)
		}
	}
	for _, r := range runs {
		in := inputNamed(t, r.in)
		name := r.in + "/" + commandName(r.args)
		t.Run(name, func(t *testing.T) {
			var data []byte
			if in.how != special {
				data = contentOf(t, in)
			}
			work := t.TempDir()
			rel := filepath.ToSlash(filepath.Join(r.dir, filepath.Base(in.name)))
			check(t, os.MkdirAll(filepath.Join(work, r.dir), 0o755))
			if in.how == special {
				in.create(t, filepath.Join(work, filepath.FromSlash(rel)))
			} else {
				check(t, os.WriteFile(filepath.Join(work, filepath.FromSlash(rel)), data, 0o644))
			}
			if r.base {
				check(t, os.MkdirAll(filepath.Join(work, "data"), 0o755))
				check(t, os.WriteFile(filepath.Join(work, "data", "exempelkommun-a-2025.xlsx"), base(t), 0o644))
			}
			before := snapshot(t, work)
			args := make([]string, len(r.args))
			for i, a := range r.args {
				args[i] = strings.ReplaceAll(a, "$F", rel)
			}
			t.Chdir(work)
			var code int
			var stdout, stderr, panicked string
			c := measureAfter(testing.Verbose(), func() { code, stdout, stderr, panicked = mainSafely(args) })
			t.Logf("%s: %v, %.1f MB allocated, heap peak %.1f MB above the start", strings.Join(args, " "), c.elapsed, c.allocMB(), c.peakMB())
			if *dump {
				fmt.Printf("=== %s\n$ kompass %s\nexit %d\n--- stdout\n%s--- stderr\n%s", in.name, strings.Join(args, " "), code, stdout, stderr)
			}
			if panicked != "" {
				t.Fatalf("kompass %s panicked: %s", strings.Join(args, " "), panicked)
			}
			after := snapshot(t, work)
			for _, w := range r.writes {
				if _, ok := after[w]; !ok {
					t.Errorf("kompass %s wrote no %s", strings.Join(args, " "), w)
				}
				delete(after, w)
			}
			if !maps.Equal(before, after) {
				var names []string
				for k := range after {
					names = append(names, k)
				}
				sort.Strings(names)
				t.Errorf("the working folder changed: before %d entries, after %v (an output or temporary file left behind, or the input changed)", len(before), names)
			}
			for stream, s := range map[string]string{"stdout": stdout, "stderr": stderr} {
				if m := traceRE.FindString(s); m != "" {
					t.Errorf("%s holds %q, a sign of a crash or a stack trace:\n%s", stream, m, s)
				}
				if i := strings.IndexFunc(s, rawControl); i >= 0 {
					t.Errorf("%s holds the control character %U raw, which a terminal would act on:\n%q", stream, []rune(s[i:])[0], s)
				}
			}
			if *dump {
				return
			}
			if code != r.exit {
				t.Errorf("kompass %s (%s): exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), in.about, code, r.exit, stdout, stderr)
			}
			if !r.result && !strings.Contains(stdout+stderr, rel) {
				t.Errorf("the output does not name the file %s:\nstdout:\n%s\nstderr:\n%s", rel, stdout, stderr)
			}
			lines(t, "stdout", stdout, rel, r.out)
			lines(t, "stderr", stderr, rel, r.err)
		})
	}
}

// rawControl reports whether r is a control character text output must
// never print raw (termtext): C0 but newline and tab, DEL, C1, and the
// bidirectional overrides and isolates.
func rawControl(r rune) bool {
	return r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f ||
		r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// cost is what one run took: wall time, bytes allocated in all, and the
// peak of the heap above where it started (sampled every millisecond).
type cost struct {
	elapsed time.Duration
	alloc   uint64 // bytes allocated in all (TotalAlloc)
	peak    int64  // the heap's peak above its start (HeapAlloc)
}

func (c cost) allocMB() float64 { return float64(c.alloc) / (1 << 20) }
func (c cost) peakMB() float64  { return float64(max(c.peak, 0)) / (1 << 20) }

// measure runs fn and measures it, after a garbage collection so that the
// heap's start holds no garbage. The corpus logs how long each case takes
// and how much memory, but asserts neither (timing depends on the
// machine); TestZipBombMemory asserts the memory of bombs.
func measure(fn func()) cost { return measureAfter(true, fn) }

// measureAfter is measure, with the collection before it, and Go's default
// GOGC while it measures, only if collect: runtime.GC waits for the sweep
// by yielding in a loop, which cost the corpus's 176 runs a CPU second; the
// corpus collects first only under -v, where its figures are read
// (docs/performance.md).
func measureAfter(collect bool, fn func()) cost {
	if collect {
		// the heap as a user's kompass grows it (the test binary collects
		// at GOGC=400: testbase)
		defer debug.SetGCPercent(debug.SetGCPercent(100))
		runtime.GC()
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var peak atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > peak.Load() {
				peak.Store(ms.HeapAlloc)
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	start := time.Now()
	fn()
	elapsed := time.Since(start)
	close(stop)
	wg.Wait()
	runtime.ReadMemStats(&after)
	return cost{elapsed: elapsed, alloc: after.TotalAlloc - before.TotalAlloc, peak: int64(peak.Load()) - int64(before.HeapAlloc)}
}

// commandName names a run's command for its subtest: "validate",
// "instruments check", "report --all".
func commandName(args []string) string {
	var words []string
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "--all":
			words = append(words, a)
		case strings.HasPrefix(a, "-"):
			i++ // a flag's value
		case a == "$F" || len(words) > 0 && words[0] != "instruments" && words[0] != "text":
		default:
			words = append(words, a)
		}
	}
	return strings.Join(words, " ")
}

// corpusReadme lists the corpus: each input, what it is, how it is made and
// the commands run on it with their exit codes.
func corpusReadme() []byte {
	var b bytes.Buffer
	b.WriteString("# Hostile inputs\n\n" +
		"Broken, crafted and odd inputs for kompass, each with the message and exit code it must give.\n" +
		"Generated by `go test ./internal/hostile -update` from internal/hostile/inputs_test.go; the commands\n" +
		"run on each and the messages they must give are in internal/hostile/runs_test.go. Do not edit by hand.\n" +
		"The test checks that the generated ones are byte for byte what the generators make, and what the\n" +
		"ones made once (they need LibreOffice, or are encrypted with random salts) are.\n\n" +
		"| file | what it is | made | commands (exit code) |\n|---|---|---|---|\n")
	made := map[making]string{generated: "generated", madeOnce: "made once", atTestTime: "at test time (not committed)", special: "at test time (not a regular file)"}
	for _, in := range inputs {
		var cmds []string
		for _, r := range runs {
			if r.in == in.name {
				cmds = append(cmds, fmt.Sprintf("%s (%d)", commandName(r.args), r.exit))
			}
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", in.name, strings.ReplaceAll(in.about, "|", "\\|"), made[in.how], strings.Join(cmds, ", "))
	}
	return b.Bytes()
}

// TestBaseWorkbookIsValid checks the workbook every hostile workbook is
// made from, so that each problem in the table comes from its edit.
func TestBaseWorkbookIsValid(t *testing.T) {
	work := t.TempDir()
	check(t, os.WriteFile(filepath.Join(work, "base.xlsx"), base(t), 0o644))
	t.Chdir(work)
	code, stdout, stderr, panicked := mainSafely([]string{"validate", "base.xlsx"})
	if code != 0 || panicked != "" || stdout != "base.xlsx: ok (Exempelkommun A 2025)\n\n1 workbook checked: 1 ok, 0 with problems (0 errors, 0 warnings)\n" {
		t.Errorf("kompass validate base.xlsx: exit %d\n%s%s%s", code, stdout, stderr, panicked)
	}
}
