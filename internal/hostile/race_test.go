//go:build race

package hostile

// raceEnabled is true when the tests run under the race detector.
const raceEnabled = true
