package evalset_test

import "github.com/kompass-dev/kompass/internal/msg"

// The tests assert the English problems validate gives a workbook that is
// left out; validate's messages are Swedish by default. (An init, not a
// TestMain, so that it stands beside the package's own TestMain once the
// evalset messages are merged; it is then redundant.)
func init() { msg.SetLanguage(msg.English) }
