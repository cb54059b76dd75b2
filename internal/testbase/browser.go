package testbase

import (
	"context"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kompass-dev/kompass/internal/browser"
)

// The test binary's headless Chromium, started by browser.Start (the
// browser kompass report --pdf runs) when a test first asks for a tab, and
// stopped by Main when the tests are done. The browser for pages served on
// 127.0.0.1 (kompass serve) is another, since the first resolves no address
// at all.
var (
	shared   = &sharedBrowser{}
	loopback = &sharedBrowser{opts: []chromedp.ExecAllocatorOption{chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1")}}
)

type sharedBrowser struct {
	mu   sync.Mutex
	ctx  context.Context // its first tab; the others are opened from it
	stop func()
	opts []chromedp.ExecAllocatorOption
}

// tabTimeout bounds what one test does in its tab.
const tabTimeout = 2 * time.Minute

// BrowserTab opens a new tab in the shared browser and closes it when the
// test ends; without Chromium the test is skipped (Need). Starting
// Chromium takes about a second, so a package's browser tests share one;
// each tab has its own page, console and network settings
// (browser.BlockNetwork). A package that calls BrowserTab must run its
// tests through Main.
func BrowserTab(t testing.TB) context.Context { return shared.tab(t) }

// LoopbackTab is BrowserTab in a browser that reaches 127.0.0.1 (and
// nothing else): for the page of kompass serve.
func LoopbackTab(t testing.TB) context.Context { return loopback.tab(t) }

func (b *sharedBrowser) tab(t testing.TB) context.Context {
	t.Helper()
	path := Chromium(t)
	b.mu.Lock()
	if b.ctx == nil {
		ctx, stop, err := browser.Start(context.Background(), path, b.opts...)
		if err == nil {
			// Start the browser now, with this context, so that the tabs
			// opened from it share the process and closing a tab ends only
			// that tab.
			if err = chromedp.Do(ctx); err != nil {
				stop()
			}
		}
		if err != nil {
			b.mu.Unlock()
			t.Fatalf("starting %s: %v", path, err)
		}
		b.ctx, b.stop = ctx, stop
	}
	parent := b.ctx
	b.mu.Unlock()

	tctx, cancel := context.WithTimeout(parent, tabTimeout)
	tab, closeTab := chromedp.NewContext(tctx)
	t.Cleanup(func() { closeTab(); cancel() })
	// Open the tab now: a target lives as long as the context of the call
	// that made it.
	if err := chromedp.Do(tab); err != nil {
		t.Fatal(err)
	}
	return tab
}

// Main runs the tests of a package and then stops the shared browsers, if
// a test started them:
//
//	func TestMain(m *testing.M) { testbase.Main(m) }
func Main(m *testing.M) {
	os.Exit(StopBrowserAfter(m).Run())
}

// StopBrowserAfter wraps the tests of a package whose TestMain is another
// library's (testscript.Main) so that the shared browsers are stopped when
// they are done:
//
//	testscript.Main(testbase.StopBrowserAfter(m), commands)
func StopBrowserAfter(m interface{ Run() int }) interface{ Run() int } { return stopAfter{m} }

type stopAfter struct{ m interface{ Run() int } }

func (s stopAfter) Run() int {
	code := s.m.Run()
	for _, b := range []*sharedBrowser{shared, loopback} {
		b.mu.Lock()
		if b.stop != nil {
			b.stop()
		}
		b.mu.Unlock()
	}
	return code
}
