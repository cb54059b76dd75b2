// Package release builds kompass for the systems its users have, as the
// archives a user downloads: for each target a zip (Windows) or tar.gz
// (macOS, Linux) holding the binary, a Swedish LÄSMIG.txt, the sample
// workbooks in evaluations/, and the licence files of everything compiled
// into the binary (the Go modules, the Go standard library, the vendored
// echarts), and beside them SHA256SUMS.
//
// The build is reproducible: the same commit gives the same bytes. The
// binary is built with -trimpath, without VCS stamping, with the version,
// commit and the commit's time stamped by -ldflags; the archives hold
// their files in a fixed order with the commit's time, no owner, and fixed
// modes.
//
// .ci/release runs it (cmd/kompass-release); CI builds every target but
// publishes nothing.
package release

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Target is a system kompass is built for.
type Target struct{ GOOS, GOARCH string }

func (t Target) String() string { return t.GOOS + "-" + t.GOARCH }

// Targets are the systems of kompass's users: Windows PCs (and Windows on
// ARM), Macs with Apple silicon and with Intel, and Linux.
var Targets = []Target{
	{"windows", "amd64"}, {"windows", "arm64"},
	{"darwin", "arm64"}, {"darwin", "amd64"},
	{"linux", "amd64"},
}

// ParseTargets reads a comma-separated list such as
// "linux-amd64,windows-amd64"; "" is every target.
func ParseTargets(s string) ([]Target, error) {
	if strings.TrimSpace(s) == "" {
		return Targets, nil
	}
	var out []Target
	for _, name := range strings.Split(s, ",") {
		name = strings.TrimSpace(name)
		i := slices.IndexFunc(Targets, func(t Target) bool { return t.String() == name })
		if i < 0 {
			return nil, fmt.Errorf("unknown target %q (known: %s)", name, targetNames())
		}
		out = append(out, Targets[i])
	}
	return out, nil
}

func targetNames() string {
	var names []string
	for _, t := range Targets {
		names = append(names, t.String())
	}
	return strings.Join(names, ", ")
}

// Options say what to build.
type Options struct {
	Root    string    // the repository
	Out     string    // where the archives go
	Version string    // "1.2.0"
	Commit  string    // the full commit hash
	Date    time.Time // the commit's time: the build's time and every file's in the archives
	Targets []Target
	Log     io.Writer // a line per step
}

// stamp is the package path of the version stamp.
const stamp = "github.com/kompass-dev/kompass/internal/version"

// Build builds an archive per target into o.Out, and SHA256SUMS, and
// returns the archives' names.
func Build(ctx context.Context, o Options) ([]string, error) {
	if !validVersion.MatchString(o.Version) {
		return nil, fmt.Errorf("version %q: expected letters, digits, '.', '-' or '+'", o.Version)
	}
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return nil, err
	}
	// Archives of an earlier build would stand beside these with no sum.
	old, err := filepath.Glob(filepath.Join(o.Out, "kompass-*"))
	if err != nil {
		return nil, err
	}
	for _, f := range append(old, filepath.Join(o.Out, "SHA256SUMS")) {
		if err := os.Remove(f); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	tmp, err := os.MkdirTemp("", "kompass-release-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	common, err := commonFiles(ctx, o)
	if err != nil {
		return nil, err
	}
	var names []string
	sums := map[string]string{}
	for _, t := range o.Targets {
		start := time.Now()
		bin := filepath.Join(tmp, t.String(), binaryName(t))
		if err := buildBinary(ctx, o, t, bin); err != nil {
			return nil, err
		}
		files, err := moduleLicences(ctx, o.Root, t)
		if err != nil {
			return nil, err
		}
		data, err := os.ReadFile(bin)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Path: binaryName(t), Data: data, Exec: true})
		files = append(files, File{Path: "LÄSMIG.txt", Data: Readme(t, o.Version)})
		files = append(files, common...)
		name, archive, err := Archive(t, o.Version, o.Date, files)
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(filepath.Join(o.Out, name), archive, 0o644); err != nil {
			return nil, err
		}
		sum := sha256.Sum256(archive)
		sums[name] = hex.EncodeToString(sum[:])
		names = append(names, name)
		if o.Log != nil {
			fmt.Fprintf(o.Log, "%s: %d files, %.1f MB, %.1f s\n", name, len(files), float64(len(archive))/1e6, time.Since(start).Seconds())
		}
	}
	var b strings.Builder
	for _, n := range slices.Sorted(maps.Keys(sums)) {
		fmt.Fprintf(&b, "%s  %s\n", sums[n], n)
	}
	if err := os.WriteFile(filepath.Join(o.Out, "SHA256SUMS"), []byte(b.String()), 0o644); err != nil {
		return nil, err
	}
	return names, nil
}

var validVersion = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z.+-]*$`)

func binaryName(t Target) string {
	if t.GOOS == "windows" {
		return "kompass.exe"
	}
	return "kompass"
}

// buildBinary builds kompass for t, reproducibly.
func buildBinary(ctx context.Context, o Options, t Target, out string) error {
	ldflags := fmt.Sprintf("-s -w -X %s.version=%s -X %s.commit=%s -X %s.date=%s",
		stamp, o.Version, stamp, o.Commit, stamp, o.Date.UTC().Format(time.RFC3339))
	cmd := exec.CommandContext(ctx, "go", "build", "-trimpath", "-buildvcs=false", "-ldflags", ldflags, "-o", out, "./cmd/kompass")
	cmd.Dir = o.Root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+t.GOOS, "GOARCH="+t.GOARCH, "GOFLAGS=-mod=readonly")
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build for %s: %v\n%s", t, err, msg)
	}
	return nil
}

// File is a file of an archive, under the archive's top folder.
type File struct {
	Path string // slash-separated
	Data []byte
	Exec bool
}

// commonFiles are the files every archive holds besides the binary: the
// sample workbooks, and the licences of the Go standard library and of
// echarts, which the report carries.
func commonFiles(ctx context.Context, o Options) ([]File, error) {
	var files []File
	samples, err := filepath.Glob(filepath.Join(o.Root, "evaluations", "*.xlsx"))
	if err != nil {
		return nil, err
	}
	if len(samples) == 0 {
		return nil, fmt.Errorf("no sample workbooks in %s", filepath.Join(o.Root, "evaluations"))
	}
	for _, s := range samples {
		data, err := os.ReadFile(s)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Path: "evaluations/" + filepath.Base(s), Data: data})
	}
	goroot, err := exec.CommandContext(ctx, "go", "env", "GOROOT").Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOROOT: %v", err)
	}
	for _, l := range []struct{ from, to string }{
		{filepath.Join(strings.TrimSpace(string(goroot)), "LICENSE"), "licenser/go/LICENSE"},
		{filepath.Join(strings.TrimSpace(string(goroot)), "PATENTS"), "licenser/go/PATENTS"},
		{filepath.Join(o.Root, "internal", "report", "assets", "LICENSE"), "licenser/echarts/LICENSE"},
		{filepath.Join(o.Root, "internal", "report", "assets", "NOTICE"), "licenser/echarts/NOTICE"},
		{filepath.Join(o.Root, "internal", "report", "assets", "ZRENDER-LICENSE"), "licenser/zrender/LICENSE"},
	} {
		data, err := os.ReadFile(l.from)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Path: l.to, Data: data})
	}
	return files, nil
}

// licenceName matches the files in a module's root that carry its licence.
var licenceName = regexp.MustCompile(`(?i)^(licen[cs]e|copying|notice|patents)([.-].*)?$`)

// moduleLicences are the licence files of every module compiled into
// kompass for t, each under licenser/<module path>/.
func moduleLicences(ctx context.Context, root string, t Target) ([]File, error) {
	cmd := exec.CommandContext(ctx, "go", "list", "-deps", "-f", "{{with .Module}}{{if not .Main}}{{.Path}}\t{{.Dir}}{{end}}{{end}}", "./cmd/kompass")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+t.GOOS, "GOARCH="+t.GOARCH)
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list for %s: %v", t, err)
	}
	dirs := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if p, d, ok := strings.Cut(sc.Text(), "\t"); ok {
			dirs[p] = d
		}
	}
	var files []File
	for _, mod := range slices.Sorted(maps.Keys(dirs)) {
		entries, err := os.ReadDir(dirs[mod])
		if err != nil {
			return nil, fmt.Errorf("module %s: %v", mod, err)
		}
		n := 0
		for _, e := range entries {
			if e.Type().IsRegular() && licenceName.MatchString(e.Name()) {
				data, err := os.ReadFile(filepath.Join(dirs[mod], e.Name()))
				if err != nil {
					return nil, err
				}
				files = append(files, File{Path: "licenser/" + mod + "/" + e.Name(), Data: data})
				n++
			}
		}
		if n == 0 {
			return nil, fmt.Errorf("module %s (%s) has no licence file: kompass cannot be shipped with it", mod, dirs[mod])
		}
	}
	return files, nil
}

// Archive writes the archive of a target: kompass-VERSION-GOOS-GOARCH.zip
// for Windows, .tar.gz otherwise, every file under a folder of that name,
// in path order, with time date.
func Archive(t Target, version string, date time.Time, files []File) (name string, data []byte, err error) {
	base := "kompass-" + version + "-" + t.String()
	files = slices.Clone(files)
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	for i := 1; i < len(files); i++ {
		if files[i].Path == files[i-1].Path {
			return "", nil, fmt.Errorf("%s twice in the archive", files[i].Path)
		}
	}
	var buf bytes.Buffer
	if t.GOOS == "windows" {
		err = writeZip(&buf, base, date, files)
		return base + ".zip", buf.Bytes(), err
	}
	err = writeTarGz(&buf, base, date, files)
	return base + ".tar.gz", buf.Bytes(), err
}

// dirs are the folders of files, each once, parents first.
func dirs(base string, files []File) []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range files {
		var parents []string
		for d := path.Dir(f.Path); d != "."; d = path.Dir(d) {
			parents = append(parents, d)
		}
		slices.Reverse(parents)
		for _, d := range parents {
			if !seen[d] {
				seen[d] = true
				out = append(out, base+"/"+d+"/")
			}
		}
	}
	return out
}

func writeZip(w io.Writer, base string, date time.Time, files []File) error {
	zw := zip.NewWriter(w)
	date = date.UTC()
	for _, d := range append([]string{base + "/"}, dirs(base, files)...) {
		h := &zip.FileHeader{Name: d, Method: zip.Store, Modified: date}
		h.SetMode(fs.ModeDir | 0o755)
		if _, err := zw.CreateHeader(h); err != nil {
			return err
		}
	}
	for _, f := range files {
		h := &zip.FileHeader{Name: base + "/" + f.Path, Method: zip.Deflate, Modified: date}
		h.SetMode(mode(f))
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := fw.Write(f.Data); err != nil {
			return err
		}
	}
	return zw.Close()
}

func writeTarGz(w io.Writer, base string, date time.Time, files []File) error {
	gz, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	// no name and no time in the gzip header: the same bytes every time
	tw := tar.NewWriter(gz)
	date = date.UTC()
	hdr := func(name string, mode int64, size int64, typ byte) *tar.Header {
		return &tar.Header{Name: name, Mode: mode, Size: size, Typeflag: typ, ModTime: date, Format: tar.FormatPAX, Uname: "", Gname: ""}
	}
	if err := tw.WriteHeader(hdr(base+"/", 0o755, 0, tar.TypeDir)); err != nil {
		return err
	}
	for _, d := range dirs(base, files) {
		if err := tw.WriteHeader(hdr(d, 0o755, 0, tar.TypeDir)); err != nil {
			return err
		}
	}
	for _, f := range files {
		if err := tw.WriteHeader(hdr(base+"/"+f.Path, int64(mode(f).Perm()), int64(len(f.Data)), tar.TypeReg)); err != nil {
			return err
		}
		if _, err := tw.Write(f.Data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gz.Close()
}

func mode(f File) fs.FileMode {
	if f.Exec {
		return 0o755
	}
	return 0o644
}
