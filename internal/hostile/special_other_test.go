//go:build !unix

package hostile

import "testing"

func mkfifo(t testing.TB, _ string)         { t.Skip("named pipes are made on Unix only") }
func symlinkDevZero(t testing.TB, _ string) { t.Skip("/dev/zero is on Unix only") }
