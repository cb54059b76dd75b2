package hostile

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/sheet"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// memLimit is what reading any zip bomb may allocate in all.
const memLimit = 100 << 20

// TestZipBombMemory reads workbooks whose Poäng sheet inflates to 200 MB
// and checks that workbook.Read refuses each while allocating less than
// 100 MB in all (TotalAlloc, which also bounds the peak) and never holding
// more than that (HeapAlloc, sampled every millisecond). Time is logged,
// not asserted. Under the race detector, which allocates more (sync.Pool
// keeps less), only the peak is asserted.
func TestZipBombMemory(t *testing.T) {
	testbase.Language(t, msg.English) // the messages below are the English ones, whatever ran before
	for _, tc := range []struct {
		name     string
		declared uint64 // the sheet's declared unpacked size; 0: the truth
		fill     byte
		want     string // the one problem that names the cause
	}{
		// Refused from the archive's directory, before anything is inflated.
		{"200 MB of zeros, declared", 0, 0, "the workbook unpacks to 200.1 MB, more than the 50 MB kompass accepts"},
		// The archive says 4 KB: the zip reader stops at the declared size.
		{"200 MB of spaces, declared as 4 KB", 4 << 10, ' ', "zip: not a valid zip file"},
		// Declared just under the limit for one part (25 MB) and the whole
		// (50 MB): inflating stops at the declared 20 MB at the latest.
		{"200 MB of spaces, declared as 20 MB", 20 << 20, ' ', "zip: not a valid zip file"},
		// Declared at exactly the limit for one part: the most any part
		// is inflated.
		{"200 MB of spaces, declared at the part limit", sheet.MaxUnzipXMLSize, ' ', "zip: not a valid zip file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "bomb.xlsx")
			data := bomb(t, bombBytes, tc.declared, tc.fill)
			check(t, os.WriteFile(path, data, 0o644))
			t.Logf("%d bytes on disk, %d MB inflated, declared %d bytes", len(data), bombBytes>>20, tc.declared)
			if tc.declared == 0 && !raceEnabled {
				inflateAll(t, data)
			}
			data = nil

			var ev *evaluation.Evaluation
			var probs []problem.Problem
			c := measure(func() { ev, probs = workbook.Read(path) })
			t.Logf("refused in %v; allocated %.1f MB in all; heap peak %.1f MB above the start", c.elapsed, c.allocMB(), c.peakMB())
			if c.alloc >= memLimit && !raceEnabled {
				t.Errorf("reading the bomb allocated %.1f MB, want less than %d MB", c.allocMB(), memLimit>>20)
			}
			if c.peak >= memLimit {
				t.Errorf("the heap grew by %.1f MB while reading, want less than %d MB", c.peakMB(), memLimit>>20)
			}
			found := false
			for _, p := range probs {
				if p.Severity == "error" && strings.Contains(p.Message, tc.want) {
					found = true
				}
			}
			if !found {
				t.Errorf("problems %v; want an error saying %q", probs, tc.want)
			}
			if ev != nil && len(ev.Entries) > 0 {
				t.Errorf("%d rows read from a bomb", len(ev.Entries))
			}
		})
	}
}

// inflateAll checks that the bomb is what it says: its Poäng sheet inflates
// to bombBytes bytes with the declared checksum (the zip reader checks both
// at the end).
func inflateAll(t *testing.T, data []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	check(t, err)
	for _, zf := range zr.File {
		if zf.Name != poangPart {
			continue
		}
		rc, err := zf.Open()
		check(t, err)
		n, err := io.Copy(io.Discard, rc)
		rc.Close()
		if err != nil || n != bombBytes {
			t.Fatalf("the bomb's %s inflates to %d bytes (%v), want %d", poangPart, n, err, bombBytes)
		}
		return
	}
	t.Fatalf("the bomb has no %s", poangPart)
}

// TestSharedStringsFolder: eight workbooks of 4,500,000 empty shared
// strings each in one folder (which took 25 s and 880 MB) are refused,
// each as its part is read, in little memory: the heap stays below
// memLimit. Time is logged.
func TestSharedStringsFolder(t *testing.T) {
	data := contentOf(t, inputNamed(t, "workbook/shared-strings-4m.xlsx"))
	dir := t.TempDir()
	for i := range 8 {
		check(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("s%d.xlsx", i+1)), data, 0o644))
	}
	var code int
	var stdout string
	c := measure(func() { code, stdout, _, _ = mainSafely([]string{"validate", dir}) })
	t.Logf("validate of 8 workbooks: %v; allocated %.1f MB in all; heap peak %.1f MB above the start", c.elapsed, c.allocMB(), c.peakMB())
	if code != 3 || strings.Count(stdout, "too many shared strings: the part xl/sharedStrings.xml holds more than 200000") != 8 {
		t.Errorf("exit %d, want 3 and 8 workbooks refused:\n%s", code, stdout)
	}
	if c.peak >= memLimit {
		t.Errorf("the heap grew by %.1f MB, want less than %d MB", c.peakMB(), memLimit>>20)
	}
}
