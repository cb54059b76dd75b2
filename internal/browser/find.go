package browser

import (
	"os"
	"runtime"
	"strings"

	"github.com/kompass-dev/kompass/internal/msg"
)

// ErrNotFound is returned by Find when no browser is installed.
var ErrNotFound = msg.New("no browser to print with was found (Chromium, Google Chrome or Microsoft Edge)")

// System is what the search for a browser looks at: the operating system
// (a GOOS), the environment and the file system. Host is this computer;
// tests give each GOOS a fake one.
type System struct {
	GOOS   string
	Getenv func(key string) string
	// IsExec reports whether path is a regular file that can be run.
	IsExec func(path string) bool
}

// Host is the system kompass runs on.
func Host() System {
	return System{GOOS: runtime.GOOS, Getenv: os.Getenv, IsExec: isExec}
}

func isExec(path string) bool {
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() {
		return false
	}
	return runtime.GOOS == "windows" || st.Mode().Perm()&0o111 != 0
}

// Find returns the path of the browser report --pdf prints with, on this
// computer (System.Find).
func Find() (string, error) { return Host().Find() }

// Find returns the path of a Chromium-based browser: $KOMPASS_CHROMIUM when
// it is set (a path, or a name found on the PATH; nothing else is tried
// then), else the first of Candidates that exists.
func (s System) Find() (string, error) {
	if p := s.Getenv("KOMPASS_CHROMIUM"); p != "" {
		if strings.ContainsAny(p, s.separators()) {
			if s.IsExec(p) {
				return p, nil
			}
		} else if found, ok := s.onPath(p); ok {
			return found, nil
		}
		return "", msg.Errorf("%w: KOMPASS_CHROMIUM=%s is no program that can be run", ErrNotFound, p)
	}
	for _, c := range s.Candidates() {
		if strings.ContainsAny(c, s.separators()) {
			if s.IsExec(c) {
				return c, nil
			}
		} else if found, ok := s.onPath(c); ok {
			return found, nil
		}
	}
	return "", msg.Errorf("%w (looked for %s and $KOMPASS_CHROMIUM)", ErrNotFound, strings.Join(s.Candidates(), ", "))
}

// Candidates are the browsers Find tries, in order: paths where the
// browsers install themselves, and names looked up on the PATH.
//
//   - Windows: Microsoft Edge (part of Windows 10 and 11), then Google
//     Chrome and Chromium, where their installers put them (for all users
//     under Program Files, for one user under %LOCALAPPDATA%);
//   - macOS: Google Chrome, Microsoft Edge and Chromium in /Applications or
//     ~/Applications;
//   - Linux and the rest: Chromium and Google Chrome (and Edge) on the PATH,
//     then where Debian, Ubuntu's snap and Google's package put them.
func (s System) Candidates() []string {
	switch s.GOOS {
	case "windows":
		pf := s.env("ProgramFiles", `C:\Program Files`)
		pf86 := s.env("ProgramFiles(x86)", `C:\Program Files (x86)`)
		local := s.Getenv("LOCALAPPDATA")
		var out []string
		for _, app := range []string{`Microsoft\Edge\Application\msedge.exe`, `Google\Chrome\Application\chrome.exe`, `Chromium\Application\chrome.exe`} {
			out = append(out, pf86+`\`+app, pf+`\`+app)
			if local != "" {
				out = append(out, local+`\`+app)
			}
		}
		return append(out, "msedge.exe", "chrome.exe", "chromium.exe")
	case "darwin":
		var out []string
		for _, dir := range []string{"/Applications", s.Getenv("HOME") + "/Applications"} {
			if dir == "/Applications" || s.Getenv("HOME") != "" {
				out = append(out,
					dir+"/Google Chrome.app/Contents/MacOS/Google Chrome",
					dir+"/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
					dir+"/Chromium.app/Contents/MacOS/Chromium")
			}
		}
		return append(out, "chromium", "google-chrome")
	}
	return []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge", "microsoft-edge-stable",
		"/usr/bin/chromium", "/snap/bin/chromium", "/opt/google/chrome/chrome"}
}

// InstallHint says what to install when no browser is found, on this
// computer's system.
func InstallHint() string { return Host().InstallHint() }

// InstallHint says what to install when no browser is found on s.
func (s System) InstallHint() string {
	switch s.GOOS {
	case "windows":
		return msg.T("install Microsoft Edge or Google Chrome (https://www.google.com/chrome), or set KOMPASS_CHROMIUM to the path of msedge.exe or chrome.exe")
	case "darwin":
		return msg.T("install Google Chrome (https://www.google.com/chrome) or Microsoft Edge in Applications, or set KOMPASS_CHROMIUM to the browser's program")
	}
	return msg.T("install Chromium (Debian and Ubuntu: sudo apt-get install chromium; Fedora: sudo dnf install chromium) or Google Chrome, or set KOMPASS_CHROMIUM to the browser's path")
}

func (s System) env(key, def string) string {
	if v := s.Getenv(key); v != "" {
		return v
	}
	return def
}

// separators are the characters that make a name a path on s.
func (s System) separators() string {
	if s.GOOS == "windows" {
		return `\/:`
	}
	return "/"
}

// onPath looks name up in the folders of $PATH, as a shell of s would.
func (s System) onPath(name string) (string, bool) {
	sep, list := "/", ":"
	if s.GOOS == "windows" {
		sep, list = `\`, ";"
		if !strings.Contains(name, ".") {
			name += ".exe"
		}
	}
	for _, dir := range strings.Split(s.Getenv("PATH"), list) {
		if dir == "" {
			continue
		}
		p := strings.TrimRight(dir, sep) + sep + name
		if s.IsExec(p) {
			return p, true
		}
	}
	return "", false
}
