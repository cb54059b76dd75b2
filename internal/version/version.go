// Package version is the version of this kompass binary: the release it
// was built as and the commit it was built from, stamped by the release
// build (.ci/release) with
//
//	go build -trimpath -ldflags "-X github.com/kompass-dev/kompass/internal/version.version=1.2.0 -X …commit=<sha> -X …date=<RFC 3339>"
//
// A binary built without the stamp (go build, go run, go test) is a
// development build: its version is "dev", its commit whatever the Go
// toolchain recorded (go build in a clone records it; go run and go test
// do not).
package version

import (
	"runtime"
	"runtime/debug"
)

// Set by the release build through -ldflags -X; empty otherwise.
var (
	version string
	commit  string
	date    string
)

// Dev is the version of a binary built without the release stamp.
const Dev = "dev"

// Info is what is known of this binary's build.
type Info struct {
	Version string // "1.2.0", or Dev
	Commit  string // the full commit hash, "" when unknown
	Date    string // when it was built (the commit's time in a release), RFC 3339; "" when unknown
	Dirty   bool   // built from a clone with changes not committed
	Go      string // the Go version it was built with
	OS      string // GOOS/GOARCH
}

// Get returns this binary's build information.
func Get() Info {
	i := Info{Version: version, Commit: commit, Date: date, Go: runtime.Version(), OS: runtime.GOOS + "/" + runtime.GOARCH}
	if i.Version == "" {
		i.Version = Dev
	}
	if i.Commit == "" {
		if bi, ok := debug.ReadBuildInfo(); ok {
			for _, s := range bi.Settings {
				switch s.Key {
				case "vcs.revision":
					i.Commit = s.Value
				case "vcs.time":
					if i.Date == "" {
						i.Date = s.Value
					}
				case "vcs.modified":
					i.Dirty = s.Value == "true"
				}
			}
		}
	}
	return i
}

// Short is the version with a short commit, as the report's colophon
// names it: "1.2.0 (3f5914b)", "dev (3f5914b+)" for a build with changes
// not committed, or just "dev".
func (i Info) Short() string {
	c := i.Commit
	if len(c) > 7 {
		c = c[:7]
	}
	if c == "" {
		return i.Version
	}
	if i.Dirty {
		c += "+"
	}
	return i.Version + " (" + c + ")"
}
