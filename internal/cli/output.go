package cli

// All messages kompass prints about itself go through this file. The rules:
//
//   - Errors: "kompass: error: <what went wrong>", then optionally
//     "hint: <what to do>" on the next line. Lower case first letter, no
//     trailing period, the file and place named where there is one.
//   - Warnings: "kompass: warning: <…>" under the same rules.
//   - Errors and warnings go to stderr; results (tables, JSON, CSV, the
//     name of a written file) go to stdout, so that stdout can be piped.
//   - Problems in an input are results of validate and go to stdout; in
//     summary they are warnings on stderr.
//   - Domain words stay Swedish (huvudområde, delfråga, Poäng); the rest of
//     the message is English.
//   - Long runs show progress on stderr only when stderr is a terminal, on
//     one line that is cleared when the run ends; nothing when it is a pipe
//     or a file.

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kompass-dev/kompass/internal/atomicfile"
	"github.com/kompass-dev/kompass/internal/compare"
	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/sheet"
	"github.com/kompass-dev/kompass/internal/termtext"
)

// Exit codes. They are listed in every command's help and in the README.
const (
	ExitOK       = 0 // success, no problems
	ExitFailure  = 1 // the tool failed: a file could not be read or written
	ExitUsage    = 2 // the command line is wrong
	ExitProblems = 3 // the input has problems (validate found some, a file is broken)
)

// exitCodesHelp is the list of exit codes every command's help ends with.
func exitCodesHelp() string {
	return msg.T(`Exit codes:
  0  ok: no problems
  1  the tool failed (a file could not be read or written)
  2  usage error (unknown command or flag, missing argument)
  3  the input has problems (reported above)`)
}

// exitError carries an exit code and an optional hint with an error.
type exitError struct {
	code int
	err  error
	hint string
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usageErr, failure, inputErr and warn translate what they are given
// (format and hint are catalogue keys: internal/msg).

func usageErr(format string, args ...any) error {
	return &exitError{code: ExitUsage, err: msg.Errorf(format, args...)}
}

func failure(err error, hint string) error {
	return &exitError{code: ExitFailure, err: err, hint: msg.T(hint)}
}

// existsError is an output file that is there already: it is replaced only
// with --force (the page asks first).
type existsError struct{ path string }

func (e *existsError) Error() string { return msg.Sprintf("%s already exists", e.path) }

// problemsFound is returned when the problems were already printed.
var errProblemsFound = &exitError{code: ExitProblems, err: errors.New("problems found")}

func inputErr(err error, hint string) error {
	return &exitError{code: ExitProblems, err: err, hint: msg.T(hint)}
}

// classify gives an error its exit code and hint. It is the one place
// where kompass's typed errors become exit codes, so that every command
// answers the same failure the same way; anything not listed is a failure
// of the tool (1).
func classify(err error) *exitError {
	var (
		ee  *exitError
		nf  *evalset.NotFoundError
		amb *evalset.AmbiguousError
		ce  *evalset.ClashError
		ge  *evalset.GroupsError
		ve  *compare.VersionError
		te  *atomicfile.TargetError
	)
	switch {
	case errors.As(err, &ee):
		return ee
	case errors.As(err, &nf) && nf.InputAtFault(): // the kommun's workbook, or every workbook, has problems
		return &exitError{code: ExitProblems, err: err, hint: nf.Hint()}
	case errors.As(err, &nf):
		return &exitError{code: ExitUsage, err: err, hint: nf.Hint()}
	case errors.As(err, &amb):
		return &exitError{code: ExitUsage, err: err, hint: amb.Hint()}
	case errors.As(err, &ce):
		return &exitError{code: ExitProblems, err: err, hint: ce.Hint()}
	case errors.Is(err, evalset.ErrNoGroup):
		return &exitError{code: ExitUsage, err: msg.Errorf("--group: %w", err)}
	case errors.As(err, &ge):
		return &exitError{code: ExitProblems, err: err, hint: msg.Sprintf("fix %s; its format is in docs/groups.md", evalset.GroupsFile)}
	case errors.As(err, &te):
		return &exitError{code: ExitUsage, err: err, hint: msg.T("choose another output file with -o (or --pdf)")}
	case errors.As(err, &ve):
		return &exitError{code: ExitProblems, err: err, hint: msg.T("compare with evaluations made with the same instrument version, or declare the correspondence of areas with [[compare]] in the newer instrument's TOML (docs/instruments.md)")}
	}
	return &exitError{code: ExitFailure, err: err}
}

// reportError prints err in the house style and returns its exit code.
func reportError(stderr io.Writer, err error) int {
	if err == nil {
		return ExitOK
	}
	ee := classify(err)
	code, hint := ee.code, ee.hint
	if ee == errProblemsFound {
		return code
	}
	err = ee
	for i, line := range strings.Split(err.Error(), "\n") {
		if i == 0 {
			fmt.Fprint(stderr, msg.Sprintf("kompass: error: %s\n", termtext.Line(line)))
		} else {
			fmt.Fprintf(stderr, "  %s\n", termtext.Line(line))
		}
	}
	if hint != "" {
		fmt.Fprint(stderr, msg.Sprintf("hint: %s\n", termtext.Line(hint)))
	}
	return code
}

// textOut is the standard output every command gets (newRootCmd): text
// for people goes through termtext.Writer, so that no control character
// from a file (a comment, an instrument's name, a file name) reaches a
// terminal raw. It is the one place of that rule for stdout; warnings and
// errors on stderr are shown the same way (warn, reportError).
func textOut(w io.Writer) io.Writer { return termtext.NewWriter(w) }

// resultOut is where a command writes its result in format, given its
// standard output: text through termtext; JSON as it is (encode.JSON
// escapes what a terminal acts on); CSV and HTML as they are into a file
// or a pipe, where they must stay as they were, and as text on a terminal.
func resultOut(stdout io.Writer, format string) io.Writer {
	raw := stdout
	if tw, ok := stdout.(*termtext.Writer); ok {
		raw = tw.Unwrap()
	}
	if format == "json" || format != "text" && !isTerminal(raw) {
		return raw
	}
	return textOut(raw)
}

// outputs is the one rule for every file a command writes (-o, --pdf,
// the files of report --all): never over one of the command's inputs,
// into a folder or onto something that is not a regular file
// (atomicfile.CheckTarget), and over an existing file only with --force.
type outputs struct {
	inputs []string
	force  bool
}

// check refuses, before anything is written, a path among paths that may
// not be written ("" and "-", standard output, are skipped). Commands
// check every output up front, so that a refusal leaves nothing half done.
func (o outputs) check(paths ...string) error {
	for _, p := range paths {
		if p == "" || p == "-" {
			continue
		}
		if err := atomicfile.CheckTarget(p, o.inputs...); err != nil {
			return err
		}
		if _, err := os.Stat(p); err == nil && !o.force {
			return failure(&existsError{p}, "choose another name, or replace the file with --force")
		}
	}
	return nil
}

// write writes an output file atomically after check; "-" is standard
// output where the command offers it (stdout not nil).
func (o outputs) write(path string, stdout io.Writer, fill func(io.Writer) error) error {
	if path == "" {
		return nil
	}
	if path == "-" {
		if stdout == nil {
			return usageErr("-o -: this output cannot go to standard output; give a file name")
		}
		if err := fill(stdout); err != nil {
			return failure(sheet.Explain(err), "")
		}
		return nil
	}
	if err := o.check(path); err != nil {
		return err
	}
	if err := atomicfile.Write(path, 0o644, fill); err != nil {
		var (
			te *atomicfile.TargetError
			tl *sheet.TooLargeError
		)
		switch {
		case errors.As(err, &te):
			return err
		case errors.As(err, &tl):
			// What kompass would not read back, it does not write: the
			// input is too large for one workbook.
			return inputErr(msg.Errorf("writing %s: %w", path, err), "nothing was written; shorten or merge the text in the workbooks it comes from (the limits are in docs/workbook.md)")
		}
		return failure(msg.Errorf("writing %s: %w", path, sheet.Explain(err)), "")
	}
	return nil
}

// forceFlag adds --force, the same for every command that writes files.
func forceFlag(cmd *cobra.Command, force *bool) {
	cmd.Flags().BoolVar(force, "force", false, msg.T("replace output files that exist already"))
}

// progress reports "kompass: checking 120/1000" on a terminal.
type progress struct {
	w           io.Writer
	label       string
	total, last int
	on          bool
}

func newProgress(w io.Writer, label string, total int) *progress {
	return &progress{w: w, label: msg.T(label), total: total, on: isTerminal(w) && total > 1}
}

func (p *progress) step(done int) {
	// a few dozen updates for the whole run are enough
	if !p.on || (done != p.total && done-p.last < max(1, p.total/50)) {
		return
	}
	p.last = done
	fmt.Fprintf(p.w, "\rkompass: %s %d/%d", p.label, done, p.total)
}

func (p *progress) done() {
	if p.on && p.last > 0 {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// isTerminal reports whether a stream is a terminal: a character device
// other than /dev/null (which a program started from a desktop gets as
// its standard input).
func isTerminal(stream any) bool {
	f, ok := stream.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	null, err := os.Stat(os.DevNull)
	return err != nil || !os.SameFile(st, null)
}

func warn(stderr io.Writer, format string, args ...any) {
	// A warning quotes what files hold: their control characters are shown.
	fmt.Fprint(stderr, termtext.Visible(msg.Sprintf("kompass: warning: %s\n", msg.Sprintf(format, args...))))
}
