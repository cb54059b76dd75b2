// Command kompass-release builds the release archives of kompass into
// dist/ (see internal/release). It is run by .ci/release:
//
//	bash .ci/release                        every target, the version from git
//	bash .ci/release -version 1.2.0         a version of your choice
//	bash .ci/release -targets linux-amd64   some targets only
//
// The version defaults to the latest tag (v1.2.0 → 1.2.0) with what
// follows it ("1.2.0-3-g3f5914b"), or "0.0.0-g3f5914b" before the first
// tag; a tree with changes not committed adds "-dirty". The commit and its
// time are stamped into the binary and its time is the time of every file
// in the archives, so that one commit always gives the same bytes.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/kompass-dev/kompass/internal/release"
)

func main() {
	out := flag.String("o", "dist", "output folder")
	version := flag.String("version", "", "the version (default: from git describe)")
	targets := flag.String("targets", "", "comma-separated targets (default: all of "+strings.Join(names(), ", ")+")")
	flag.Parse()
	if err := run(*out, *version, *targets); err != nil {
		fmt.Fprintln(os.Stderr, "kompass-release:", err)
		os.Exit(1)
	}
}

func names() []string {
	var out []string
	for _, t := range release.Targets {
		out = append(out, t.String())
	}
	return out
}

func run(out, version, targets string) error {
	ts, err := release.ParseTargets(targets)
	if err != nil {
		return err
	}
	commit, err := git("rev-parse", "HEAD")
	if err != nil {
		return err
	}
	when, err := git("log", "-1", "--format=%ct")
	if err != nil {
		return err
	}
	var secs int64
	if _, err := fmt.Sscan(when, &secs); err != nil {
		return fmt.Errorf("the commit's time %q: %v", when, err)
	}
	dirty, err := git("status", "--porcelain", "--untracked-files=no")
	if err != nil {
		return err
	}
	if version == "" {
		if version, err = describe(); err != nil {
			return err
		}
		if dirty != "" {
			version += "-dirty"
		}
	}
	if dirty != "" {
		fmt.Fprintln(os.Stderr, "kompass-release: warning: the tree has changes not committed; the archives are not the commit's")
	}
	start := time.Now()
	archives, err := release.Build(context.Background(), release.Options{
		Root: ".", Out: out, Version: version, Commit: commit, Date: time.Unix(secs, 0).UTC(), Targets: ts, Log: os.Stdout,
	})
	if err != nil {
		return err
	}
	fmt.Printf("wrote %d archives and SHA256SUMS in %s (kompass %s, %s) in %.0f s\n", len(archives), out, version, commit[:7], time.Since(start).Seconds())
	return nil
}

// describe is the version git describes: the latest tag v1.2.0 as 1.2.0
// (and what came after it), or 0.0.0-g<commit> before the first tag.
func describe() (string, error) {
	if d, err := git("describe", "--tags", "--match", "v[0-9]*"); err == nil {
		return strings.TrimPrefix(d, "v"), nil
	}
	short, err := git("rev-parse", "--short=7", "HEAD")
	if err != nil {
		return "", err
	}
	return "0.0.0-g" + short, nil
}

func git(args ...string) (string, error) {
	out, err := exec.Command("git", args...).Output()
	if err != nil {
		return "", fmt.Errorf("git %s: %v", strings.Join(args, " "), err)
	}
	return strings.TrimSpace(string(out)), nil
}
