package testkit

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/kompass-dev/kompass/internal/testbase"
)

// AxeVersion is the axe-core that .ci/run installs (npm, into .tmp/axe,
// which git ignores); its licence is the MPL 2.0, and it is not committed.
const AxeVersion = "4.14.1"

// axeSource is axe.min.js, read once per test binary.
var axeSource = sync.OnceValues(func() (string, error) {
	path := os.Getenv("KOMPASS_AXE")
	if path == "" {
		root, ok := moduleRoot()
		if !ok {
			return "", errors.New("no go.mod above the working directory")
		}
		path = filepath.Join(root, ".tmp", "axe", "node_modules", "axe-core", "axe.min.js")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	return string(b), nil
})

// AxeCore returns the source of axe-core (deque's accessibility checker)
// for a browser test to run in a page: $KOMPASS_AXE, or
// .tmp/axe/node_modules/axe-core/axe.min.js in the repository, where
// .ci/run installs it. Without it the test is skipped (failed under
// CI=true, Need).
func AxeCore(t testing.TB) string {
	t.Helper()
	src, err := axeSource()
	testbase.Need(t, "axe-core "+AxeVersion, "npm install --prefix .tmp/axe --no-save axe-core@"+AxeVersion+" (bash .ci/run does it), or set KOMPASS_AXE to axe.min.js", err)
	return src
}
