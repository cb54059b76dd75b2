package release

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

var someFiles = []File{
	{Path: "kompass", Data: []byte("\x7fELF"), Exec: true},
	{Path: "LÄSMIG.txt", Data: []byte("hej")},
	{Path: "evaluations/umea-2007.xlsx", Data: []byte("PK")},
	{Path: "licenser/github.com/spf13/cobra/LICENSE.txt", Data: []byte("Apache")},
}

// TestArchiveSameBytes: the same files give the same archive, whatever
// their order and whenever it is made; every entry lies under one folder,
// with the given time and fixed modes.
func TestArchiveSameBytes(t *testing.T) {
	date := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	for _, tg := range []Target{{"linux", "amd64"}, {"windows", "amd64"}} {
		name, a, err := Archive(tg, "1.2.0", date, someFiles)
		if err != nil {
			t.Fatal(err)
		}
		reversed := append([]File(nil), someFiles...)
		for i, j := 0, len(reversed)-1; i < j; i, j = i+1, j-1 {
			reversed[i], reversed[j] = reversed[j], reversed[i]
		}
		time.Sleep(10 * time.Millisecond)
		_, b, err := Archive(tg, "1.2.0", date, reversed)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two archives of the same files differ", tg)
		}
		want := map[Target]string{{"linux", "amd64"}: "kompass-1.2.0-linux-amd64.tar.gz", {"windows", "amd64"}: "kompass-1.2.0-windows-amd64.zip"}[tg]
		if name != want {
			t.Errorf("%s: name %q, want %q", tg, name, want)
		}
		entries := list(t, name, a)
		wantEntries := []string{
			"kompass-1.2.0-" + tg.String() + "/ 755",
			"kompass-1.2.0-" + tg.String() + "/evaluations/ 755",
			"kompass-1.2.0-" + tg.String() + "/licenser/ 755",
			"kompass-1.2.0-" + tg.String() + "/licenser/github.com/ 755",
			"kompass-1.2.0-" + tg.String() + "/licenser/github.com/spf13/ 755",
			"kompass-1.2.0-" + tg.String() + "/licenser/github.com/spf13/cobra/ 755",
			"kompass-1.2.0-" + tg.String() + "/LÄSMIG.txt 644",
			"kompass-1.2.0-" + tg.String() + "/evaluations/umea-2007.xlsx 644",
			"kompass-1.2.0-" + tg.String() + "/kompass 755",
			"kompass-1.2.0-" + tg.String() + "/licenser/github.com/spf13/cobra/LICENSE.txt 644",
		}
		if strings.Join(entries.names, "\n") != strings.Join(wantEntries, "\n") {
			t.Errorf("%s: entries\n%s\nwant\n%s", tg, strings.Join(entries.names, "\n"), strings.Join(wantEntries, "\n"))
		}
		for _, d := range entries.times {
			if !d.Equal(date) {
				t.Errorf("%s: an entry has the time %v, want %v", tg, d, date)
			}
		}
	}
	if _, _, err := Archive(Target{"linux", "amd64"}, "1", time.Time{}, append(someFiles, someFiles[0])); err == nil {
		t.Error("a file twice in an archive is no error")
	}
}

type entries struct {
	names []string // "path mode", in the archive's order
	times []time.Time
}

func list(t *testing.T, name string, data []byte) entries {
	t.Helper()
	var e entries
	if strings.HasSuffix(name, ".zip") {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			e.names = append(e.names, f.Name+" "+strings.TrimPrefix(modeString(f.Mode()), "0"))
			e.times = append(e.times, f.Modified.UTC())
			if f.NonUTF8 {
				t.Errorf("%s: its name is not marked UTF-8", f.Name)
			}
		}
		return e
	}
	gz, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if gz.Name != "" || !gz.ModTime.IsZero() {
		t.Errorf("the gzip header names %q at %v", gz.Name, gz.ModTime)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		e.names = append(e.names, h.Name+" "+strings.TrimPrefix(modeString(os.FileMode(h.Mode)), "0"))
		e.times = append(e.times, h.ModTime.UTC())
		if h.Uid != 0 || h.Gid != 0 || h.Uname != "" || h.Gname != "" {
			t.Errorf("%s: owner %d/%d %q/%q", h.Name, h.Uid, h.Gid, h.Uname, h.Gname)
		}
	}
	return e
}

func modeString(m os.FileMode) string { return fmt.Sprintf("%03o", m.Perm()) }

// TestReadme: LÄSMIG.txt of every target names its binary and the first
// commands as the archive test runs them; on Windows with CRLF and a byte
// order mark.
func TestReadme(t *testing.T) {
	for _, tg := range Targets {
		r := string(Readme(tg, "1.2.0"))
		if strings.Contains(r, "{{") || strings.Contains(r, "<no value>") {
			t.Errorf("%s: a template's leftover in %q", tg, r)
		}
		if !strings.Contains(r, "kompass 1.2.0 för ") {
			t.Errorf("%s: no version", tg)
		}
		run := "./kompass "
		if tg.GOOS == "windows" {
			if !strings.HasPrefix(r, "\uFEFF") || strings.Count(r, "\r\n") != strings.Count(r, "\n") {
				t.Errorf("windows: LÄSMIG.txt without BOM or with bare LF")
			}
			if !strings.Contains(r, "kompass.exe") || !strings.Contains(r, "Kör ändå") {
				t.Errorf("windows: LÄSMIG.txt does not say how to start kompass.exe")
			}
			run = "kompass "
		}
		if tg.GOOS == "darwin" && !strings.Contains(r, "xattr -d com.apple.quarantine kompass") {
			t.Errorf("darwin: LÄSMIG.txt does not say how to let macOS run kompass")
		}
		for _, c := range ReadmeCommands {
			var quoted []string
			for _, a := range c {
				if strings.Contains(a, " ") {
					a = `"` + a + `"`
				}
				quoted = append(quoted, a)
			}
			if line := run + strings.Join(quoted, " "); !strings.Contains(r, line) {
				t.Errorf("%s: LÄSMIG.txt does not hold %q", tg, line)
			}
		}
	}
}

// TestLinuxArchive unpacks the linux/amd64 archive that .ci/release built
// into dist/ in a fresh folder and runs it as a new user would: kompass
// version, then the first commands of LÄSMIG.txt (validate on the shipped
// samples, a template, a report), in Swedish, with nothing of the
// repository around. Without the archive it is skipped, except under
// CI=true, where .ci/run builds it first.
func TestLinuxArchive(t *testing.T) {
	if runtime.GOOS != "linux" || runtime.GOARCH != "amd64" {
		t.Skip("the linux/amd64 archive runs on linux/amd64 only")
	}
	dist := filepath.Join("..", "..", "dist")
	matches, _ := filepath.Glob(filepath.Join(dist, "kompass-*-linux-amd64.tar.gz"))
	if len(matches) != 1 {
		msg := "no single dist/kompass-*-linux-amd64.tar.gz (run bash .ci/release)"
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true and %s: found %q", msg, matches)
		}
		t.Skip("skipping: " + msg)
	}
	archive := matches[0]
	data, err := os.ReadFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	// SHA256SUMS names it with its sum.
	sums, err := os.ReadFile(filepath.Join(dist, "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	if line := hex.EncodeToString(sum[:]) + "  " + filepath.Base(archive); !strings.Contains(string(sums), line+"\n") {
		t.Errorf("SHA256SUMS does not hold %q:\n%s", line, sums)
	}

	home := t.TempDir()
	unpack(t, data, home)
	base := strings.TrimSuffix(filepath.Base(archive), ".tar.gz")
	version := strings.TrimSuffix(strings.TrimPrefix(base, "kompass-"), "-linux-amd64")
	dir := filepath.Join(home, base)
	for _, f := range []string{"kompass", "LÄSMIG.txt", "evaluations/umea-2007.xlsx", "licenser/go/LICENSE", "licenser/echarts/LICENSE",
		"licenser/github.com/spf13/cobra/LICENSE.txt", "licenser/github.com/xuri/excelize/v2/LICENSE", "licenser/github.com/chromedp/chromedp/LICENSE"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("the archive has no %s: %v", f, err)
		}
	}
	kompass := func(args ...string) (string, error) {
		cmd := exec.Command("./kompass", args...)
		cmd.Dir = dir
		cmd.Env = []string{"HOME=" + home, "PATH=/usr/bin:/bin", "TMPDIR=" + home}
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		return out.String(), err
	}
	out, err := kompass("version")
	if err != nil || !strings.HasPrefix(out, "kompass "+version+"\n") || !strings.Contains(out, "\nincheckning ") || !strings.Contains(out, "linux/amd64") {
		t.Errorf("kompass version: %v\n%s", err, out)
	}
	if head, err := exec.Command("git", "rev-parse", "HEAD").Output(); err == nil && !strings.Contains(out, "incheckning "+strings.TrimSpace(string(head))) {
		msg := "the archive was built from another commit than HEAD: run bash .ci/release"
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s\n%s", msg, out)
		}
		t.Skipf("skipping the rest: %s", msg)
	}
	out, err = kompass(ReadmeCommands[0]...)
	if err != nil || !strings.Contains(out, "Kontrollerade 10 arbetsböcker: 10 ok, 0 med problem (0 fel, 0 varningar)") {
		t.Errorf("kompass validate in the unpacked folder: %v\n%s", err, out)
	}
	out, err = kompass(ReadmeCommands[1]...)
	if err != nil || !strings.Contains(out, "skrev exempelkommun-a-2025.xlsx") {
		t.Errorf("kompass %s: %v\n%s", strings.Join(ReadmeCommands[1], " "), err, out)
	}
	out, err = kompass(ReadmeCommands[2]...)
	if err != nil || !strings.Contains(out, "skrev umeå-2007.html (Umeå 2007)") {
		t.Errorf("kompass %s: %v\n%s", strings.Join(ReadmeCommands[2], " "), err, out)
	}
	if report, err := os.ReadFile(filepath.Join(dir, "umeå-2007.html")); err != nil || !bytes.Contains(report, []byte("kompass "+version)) {
		t.Errorf("the report does not name kompass %s in its colophon (%v)", version, err)
	}
}

// unpack writes a tar.gz into dir, refusing any entry outside it.
func unpack(t *testing.T, data []byte, dir string) {
	t.Helper()
	gz, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, filepath.FromSlash(h.Name))
		if !strings.HasPrefix(p, dir+string(filepath.Separator)) {
			t.Fatalf("%s lies outside the archive's folder", h.Name)
		}
		switch h.Typeflag {
		case tar.TypeDir:
			err = os.MkdirAll(p, 0o755)
		case tar.TypeReg:
			var body []byte
			if body, err = io.ReadAll(tr); err == nil {
				err = os.WriteFile(p, body, os.FileMode(h.Mode).Perm())
			}
		default:
			t.Fatalf("%s: an entry of type %c", h.Name, h.Typeflag)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}
