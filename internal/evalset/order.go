package evalset

import (
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

var (
	collatorMu sync.Mutex
	collator   = collate.New(language.Swedish)
)

// CompareNames orders names the Swedish way: å, ä, ö after z. It returns
// -1, 0 or 1.
func CompareNames(a, b string) int {
	collatorMu.Lock()
	defer collatorMu.Unlock()
	return collator.CompareString(a, b)
}
