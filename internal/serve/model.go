package serve

import (
	"context"

	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/summary"
)

// Backend is what the page does. kompass's command line gives the
// functions its commands run (internal/cli), so that a button and the
// command it stands for do one thing, under one set of rules.
type Backend interface {
	// Folder checks every workbook of the data folder.
	Folder(ctx context.Context) *Folder
	// Do runs a job and returns what the command would have printed.
	Do(ctx context.Context, job Job) Outcome
}

// Folder is what the page shows of the data folder: every workbook with
// its problems and poängsammanställning, and the choices its forms offer.
type Folder struct {
	Workbooks   []Workbook
	Instruments []Choice // for a new workbook: ref (kommunkompassen@2007) and name
	Groups      []string // reference groups a report can name
	// Problem is why the folder could not be checked ("" when it could).
	Problem string
}

// Kind is what a workbook holds.
type Kind string

// The kinds of workbook.
const (
	KindEvaluation Kind = "kommun"      // a kommun's evaluation
	KindMean       Kind = "medelvärde"  // a published mean
	KindAssessment Kind = "bedömning"   // one evaluator's own workbook
	KindPlan       Kind = "åtgärdsplan" // the åtgärdsplan that follows an evaluation
	KindUnknown    Kind = ""            // not read far enough to say
)

// Workbook is one workbook of the folder as validate sees it.
type Workbook struct {
	File     string // its path in the folder, with forward slashes
	Label    string // "Umeå 2007", as far as it could be read
	Kind     Kind
	Kommun   string
	Year     int
	Assessor string // of a bedömning
	OK       bool   // no errors (warnings allowed)
	Problems []problem.Problem
	// Summary is the poängsammanställning; nil for a plan, or a workbook
	// that cannot be summarised.
	Summary *summary.Summary
}

// Choice is an option of a form: what is sent and what is shown.
type Choice struct{ Value, Label string }

// JobKind names what a button does; each is a command of kompass.
type JobKind string

// The jobs of the page.
const (
	JobTemplate  JobKind = "mall"        // kompass template
	JobReport    JobKind = "rapport"     // kompass report --kommun (--pdf)
	JobSite      JobKind = "webbplats"   // kompass report --all
	JobConsensus JobKind = "konsensus"   // kompass consensus -o
	JobPlan      JobKind = "plan"        // kompass plan
	JobFollowUp  JobKind = "uppfoljning" // kompass follow-up
)

// Job is one press of a button, with its form. Paths are inside the data
// folder: Files are workbooks the server found there.
type Job struct {
	Kind       JobKind
	Instrument string
	Kommun     string
	Year       string // as typed; the command checks it
	Assessor   string
	Group      string
	PDF        bool     // the report also as PDF
	Files      []string // consensus: the evaluators' workbooks
	Force      bool     // replace an existing output: the user said yes
}

// SiteFolder is the folder in the data folder that the site (report
// --all) is written to.
const SiteFolder = "rapporter"

// Outcome is what a job did: what its command printed, and its exit code.
type Outcome struct {
	Code     int    `json:"code"`
	Output   string `json:"output"`   // standard output: the result, "skrev …"
	Messages string `json:"messages"` // standard error: warnings, the error and its hint
	// Exists is the output file (in the folder) that is there already
	// when the job was refused for it: the page asks whether to replace it.
	Exists string `json:"exists,omitempty"`
}
