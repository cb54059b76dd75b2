package testbase

import (
	"os"
	"runtime/debug"
)

// Every test binary that uses the kit collects garbage at GOGC=400 instead
// of Go's default 100: the tests allocate much and briefly (workbooks built
// and read again, reports written), and a larger heap before each
// collection takes a quarter to a third off their CPU time, which is most
// of what go test costs after linking. The kompass processes cmd/kompass's
// scripts start are the same binary and collect the same way. What measures
// memory sets the default back while it measures (internal/hostile's
// measure; TestServeLoad starts kompass serve with GOGC=100, as users run
// it). An explicit $GOGC wins.
func init() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}
