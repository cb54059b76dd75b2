// Package serve is kompass's local page: a small web server on 127.0.0.1
// that shows the workbooks of a data folder with their problems and
// poängsammanställning, and has a button for each job of the command line
// (a new template, the report as HTML and PDF, the site, the consensus of
// evaluators' workbooks, the åtgärdsplan and its follow-up). The jobs are
// the commands' own functions (Backend, given by internal/cli), so they
// write into the data folder under the commands' rules.
//
// It is a local server of the careful kind:
//
//   - it listens on 127.0.0.1 only, on a free port;
//   - every request must carry the server's random token as the first
//     element of its path (/TOKEN/…), so that no other page or program
//     that does not know it can reach it; a wrong or missing token is 404;
//   - the Host header must name 127.0.0.1 or localhost with the port (no
//     DNS rebinding), and a request from another origin (Origin,
//     Sec-Fetch-Site) is 403; a job (POST) must come from the page itself;
//   - files are served from the data folder only (os.Root: no "..", no
//     link out, regular files only); HTML files in a sandbox, so that a
//     page in the folder cannot act as the server's page;
//   - bodies, headers and the time of a request are bounded;
//   - it stops on Ctrl+C (the context), and when the page is closed: the
//     page sends a heartbeat while it is open and says goodbye when it is
//     closed.
package serve

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Config sets a server up.
type Config struct {
	Dir     string // the data folder
	Backend Backend
	// Version is shown at the foot of the page.
	Version string
	// Timing of the stop when the page is closed; zero values take the
	// defaults (see alive.go).
	Timing Timing
}

// Server is a running local page.
type Server struct {
	dir     string
	abs     string // the data folder, absolute, as the page shows it
	root    *os.Root
	backend Backend
	version string
	token   string
	port    string
	url     string
	ln      net.Listener
	http    *http.Server
	alive   *alive

	jobs  sync.Mutex // one job at a time: no two writes race for a name
	cache folderCache
	done  chan struct{} // closed when the server has stopped
}

// Limits of a request.
const (
	maxBody        = 64 << 10 // a job's form: names and a few words
	maxHeader      = 32 << 10
	readTimeout    = 30 * time.Second
	jobTimeout     = 10 * time.Minute // report --all of a large programme, a PDF
	maxFilesPerJob = 50               // evaluators' workbooks in one consensus
)

// Start listens on a free port of 127.0.0.1 and serves the page until
// ctx is done or the page is closed (Wait).
func Start(ctx context.Context, cfg Config) (*Server, error) {
	abs, err := filepath.Abs(cfg.Dir)
	if err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(cfg.Dir)
	if err != nil {
		return nil, err
	}
	tok := make([]byte, 24)
	if _, err := rand.Read(tok); err != nil {
		root.Close()
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		root.Close()
		return nil, err
	}
	s := &Server{
		dir: cfg.Dir, abs: abs, root: root, backend: cfg.Backend, version: cfg.Version,
		token: base64.RawURLEncoding.EncodeToString(tok),
		port:  strconv.Itoa(ln.Addr().(*net.TCPAddr).Port),
		ln:    ln,
	}
	s.url = "http://127.0.0.1:" + s.port + "/" + s.token + "/"
	ctx, stop := context.WithCancel(ctx)
	s.alive = newAlive(cfg.Timing, stop)
	s.http = &http.Server{
		Handler:           s.guard(s.routes()),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       readTimeout,
		IdleTimeout:       time.Minute,
		MaxHeaderBytes:    maxHeader,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	go s.http.Serve(ln)
	s.done = make(chan struct{})
	go func() {
		<-ctx.Done()
		s.alive.end()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		s.http.Shutdown(sctx)
		s.root.Close()
		close(s.done)
	}()
	return s, nil
}

// URL is the page's address, token included.
func (s *Server) URL() string { return s.url }

// Wait blocks until the server has stopped: ctx is done, or the page was
// closed. It reports which.
func (s *Server) Wait() (closed bool) {
	<-s.done
	return s.alive.closed()
}

// guard refuses what does not come from the page: the wrong host, the
// wrong token, another origin.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Cache-Control", "no-store")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		if !s.ownHost(r.Host) {
			http.Error(w, "403 fel värd", http.StatusForbidden)
			return
		}
		if subtle.ConstantTimeCompare([]byte(r.URL.Path), []byte("/"+s.token)) == 1 {
			http.Redirect(w, r, s.url, http.StatusMovedPermanently)
			return
		}
		rest, ok := s.cutToken(r.URL.Path)
		if !ok || !cleanPath(rest) {
			notFound(w)
			return
		}
		// Files may be asked for by a report in its sandbox (Origin null,
		// Sec-Fetch-Site cross-site) and are only read; everything else
		// must come from the page itself.
		isFile := strings.HasPrefix(rest, "filer/") && (r.Method == http.MethodGet || r.Method == http.MethodHead)
		if o := r.Header.Get("Origin"); o != "" && !s.ownOrigin(o) && !(isFile && o == "null") {
			http.Error(w, "403 fel ursprung", http.StatusForbidden)
			return
		}
		if site := r.Header.Get("Sec-Fetch-Site"); !isFile && site != "" && site != "same-origin" && site != "none" {
			http.Error(w, "403 fel ursprung", http.StatusForbidden)
			return
		}
		if r.Method == http.MethodPost && !s.ownOrigin(r.Header.Get("Origin")) {
			http.Error(w, "403 fel ursprung", http.StatusForbidden)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		r2 := r.Clone(r.Context())
		r2.URL.Path = "/" + rest
		r2.URL.RawPath = ""
		next.ServeHTTP(w, r2)
	})
}

// notFound answers 404 in words a user who kept an old address
// understands: the address changes every time kompass starts.
func notFound(w http.ResponseWriter) {
	http.Error(w, "404: sidan finns inte. kompass får en ny adress varje gång det startar; använd adressen som kompass skriver i sitt fönster.", http.StatusNotFound)
}

func (s *Server) ownHost(host string) bool {
	return host == "127.0.0.1:"+s.port || host == "localhost:"+s.port
}

func (s *Server) ownOrigin(origin string) bool {
	return origin == "http://127.0.0.1:"+s.port || origin == "http://localhost:"+s.port
}

// cutToken checks that path starts with /TOKEN/ and returns the rest.
func (s *Server) cutToken(p string) (string, bool) {
	p, ok := strings.CutPrefix(p, "/")
	if !ok {
		return "", false
	}
	tok, rest, _ := strings.Cut(p, "/")
	if subtle.ConstantTimeCompare([]byte(tok), []byte(s.token)) != 1 {
		return "", false
	}
	return rest, true
}

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.page)
	mux.HandleFunc("GET /lista", s.list)
	mux.HandleFunc("GET /sida.css", asset("sida.css", "text/css; charset=utf-8"))
	mux.HandleFunc("GET /sida.js", asset("sida.js", "text/javascript; charset=utf-8"))
	mux.HandleFunc("POST /jobb/{kind}", s.job)
	mux.HandleFunc("POST /puls", s.pulse)
	mux.HandleFunc("POST /hejda", s.bye)
	mux.HandleFunc("GET /filer/{path...}", s.file)
	return mux
}

// job runs one of the page's jobs. The form names the job's fields; a
// file must be a workbook of the folder.
func (s *Server) job(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "400 formuläret kunde inte läsas", http.StatusBadRequest)
		return
	}
	kind := JobKind(r.PathValue("kind"))
	switch kind {
	case JobTemplate, JobReport, JobSite, JobConsensus, JobPlan, JobFollowUp:
	default:
		notFound(w)
		return
	}
	f := r.PostForm
	job := Job{
		Kind: kind, Instrument: f.Get("instrument"), Kommun: f.Get("kommun"), Year: f.Get("ar"),
		Assessor: f.Get("bedomare"), Group: f.Get("grupp"), PDF: f.Get("pdf") == "1", Force: f.Get("ersatt") == "1",
	}
	if len(f["fil"]) > maxFilesPerJob {
		http.Error(w, "400 för många filer", http.StatusBadRequest)
		return
	}
	for _, name := range f["fil"] {
		p, ok := s.workbookPath(name)
		if !ok {
			http.Error(w, "404 ingen sådan arbetsbok i mappen", http.StatusNotFound)
			return
		}
		job.Files = append(job.Files, p)
	}
	ctx, cancel := context.WithTimeout(r.Context(), jobTimeout)
	defer cancel()
	s.jobs.Lock()
	out := s.backend.Do(ctx, job)
	s.jobs.Unlock()
	s.cache.forget()
	if out.Exists != "" {
		out.Exists = s.rel(out.Exists)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	json.NewEncoder(w).Encode(out)
}

// workbookPath is the path (under the data folder as given) of a workbook
// the page names, or false when name is not an .xlsx regular file inside
// the folder.
func (s *Server) workbookPath(name string) (string, bool) {
	clean, ok := cleanName(name)
	if !ok || !strings.EqualFold(path.Ext(clean), ".xlsx") {
		return "", false
	}
	st, err := s.root.Stat(filepath.FromSlash(clean))
	if err != nil || !st.Mode().IsRegular() {
		return "", false
	}
	return filepath.Join(s.dir, filepath.FromSlash(clean)), true
}

// cleanPath reports whether a path (after the token) has no empty, "."
// or ".." element; only the page's own address ends in a slash.
func cleanPath(p string) bool {
	if p == "" {
		return true
	}
	_, ok := cleanName(p)
	return ok
}

// cleanName checks a name the page sends for a file in the folder: a
// relative slash-separated path with no "..", no empty or dot element, no
// backslash, colon or control character.
func cleanName(name string) (string, bool) {
	if name == "" || len(name) > 1024 || strings.ContainsAny(name, "\\:") || strings.HasPrefix(name, "/") {
		return "", false
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f {
			return "", false
		}
	}
	for _, el := range strings.Split(name, "/") {
		if el == "" || el == "." || el == ".." {
			return "", false
		}
	}
	return name, true
}

// rel is a path under the data folder as the page names it.
func (s *Server) rel(p string) string {
	if r, err := filepath.Rel(s.dir, p); err == nil && !strings.HasPrefix(r, "..") {
		return filepath.ToSlash(r)
	}
	return filepath.Base(p)
}

func (s *Server) pulse(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "400", http.StatusBadRequest)
		return
	}
	s.alive.beat(r.PostForm.Get("sida"))
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) bye(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "400", http.StatusBadRequest)
		return
	}
	s.alive.gone(r.PostForm.Get("sida"))
	w.WriteHeader(http.StatusNoContent)
}
