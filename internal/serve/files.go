package serve

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// contentTypes are how the files of the folder are served; anything else
// is offered as a download.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".pdf":  "application/pdf",
	".js":   "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".txt":  "text/plain; charset=utf-8",
	".json": "application/json",
	".svg":  "image/svg+xml",
	".png":  "image/png",
}

// sandbox is the Content-Security-Policy of an HTML or SVG file of the
// folder: its scripts run (the report's charts), but in an origin of its
// own, so that it can neither read the page's answers nor start a job.
const sandbox = "sandbox allow-scripts allow-popups; frame-ancestors 'none'"

// file serves a file of the data folder: a regular file inside it, found
// through os.Root, so that neither ".." nor a symbolic link leads out.
func (s *Server) file(w http.ResponseWriter, r *http.Request) {
	name, ok := cleanName(r.PathValue("path"))
	if !ok {
		notFound(w)
		return
	}
	rel := filepath.FromSlash(name)
	// Stat before Open: opening a FIFO would wait for a writer.
	if st, err := s.root.Stat(rel); err != nil || !st.Mode().IsRegular() {
		notFound(w)
		return
	}
	f, err := s.root.Open(rel)
	if err != nil {
		notFound(w)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		notFound(w)
		return
	}
	ext := strings.ToLower(path.Ext(name))
	ct, ok := contentTypes[ext]
	h := w.Header()
	switch {
	case !ok:
		ct = "application/octet-stream"
		h.Set("Content-Disposition", "attachment")
	case ext == ".html" || ext == ".svg":
		h.Set("Content-Security-Policy", sandbox)
	}
	h.Set("Content-Type", ct)
	http.ServeContent(w, r, "", st.ModTime(), f)
}

// output is a file of the folder the page links to: a report, a PDF, the
// site's index.
type output struct {
	Name string // its path in the folder, with forward slashes
	Kind string // "HTML", "PDF", "webbplats" …
}

// outputs lists what the commands wrote into the folder that a browser
// shows: HTML and PDF files at its top, and the index of every folder
// directly under it that holds one (the site).
func (s *Server) outputs() []output {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return nil
	}
	var out []output
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
			continue
		}
		if e.IsDir() {
			if st, err := s.root.Stat(filepath.Join(name, "index.html")); err == nil && st.Mode().IsRegular() {
				out = append(out, output{Name: name + "/index.html", Kind: "webbplats"})
			}
			continue
		}
		if !e.Type().IsRegular() {
			continue
		}
		switch strings.ToLower(path.Ext(name)) {
		case ".html":
			out = append(out, output{Name: name, Kind: "HTML"})
		case ".pdf":
			out = append(out, output{Name: name, Kind: "PDF"})
		}
	}
	return out
}

// folderCache keeps the last check of the folder until a workbook in it
// changes (or a job ran): the page asks for it often, and checking every
// workbook each time would cost the time of a validate.
type folderCache struct {
	mu     sync.Mutex
	key    string
	folder *Folder
}

func (c *folderCache) get(ctx context.Context, s *Server) *Folder {
	key := fingerprint(s.dir)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.folder != nil && c.key == key {
		return c.folder
	}
	c.key, c.folder = key, s.backend.Folder(ctx)
	return c.folder
}

func (c *folderCache) forget() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.folder = nil
}

// fingerprint sums the name, size and time of every workbook and
// groups.toml under dir, as validate finds them.
func fingerprint(dir string) string {
	var lines []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if p != dir && strings.HasPrefix(name, ".") {
				return filepath.SkipDir
			}
			return nil
		}
		ext := strings.ToLower(filepath.Ext(name))
		if ext != ".xlsx" && ext != ".toml" {
			return nil
		}
		if info, err := d.Info(); err == nil {
			lines = append(lines, fmt.Sprintf("%s\x00%d\x00%d", p, info.Size(), info.ModTime().UnixNano()))
		}
		return nil
	})
	slices.Sort(lines)
	h := sha256.Sum256([]byte(strings.Join(lines, "\n")))
	return hex.EncodeToString(h[:])
}
