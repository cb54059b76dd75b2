package testbase

import (
	"context"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
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
	idle []context.Context // tabs handed back by ReusedTab's tests
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

// ReusedTab is BrowserTab, except that the tab is handed on to the next
// test that asks for one when this test ends (unless it failed), reset to
// no emulation and no blocked requests (its page stays until the next test
// loads its own): the first page
// a tab loads costs its renderer a second or more of CPU time (compiling
// the same echarts build again), the next much less. A test that uses it
// sets what it needs (viewport, media, browser.BlockNetwork) itself.
func ReusedTab(t testing.TB) context.Context {
	t.Helper()
	b := shared
	b.mu.Lock()
	var tab context.Context
	if n := len(b.idle); n > 0 {
		tab, b.idle = b.idle[n-1], b.idle[:n-1]
	}
	b.mu.Unlock()
	if tab == nil {
		tab = b.open(t)
	}
	ctx, cancel := context.WithTimeout(tab, tabTimeout)
	t.Cleanup(func() {
		cancel()
		if t.Failed() || resetTab(tab) != nil {
			chromedp.Cancel(tab)
			return
		}
		b.mu.Lock()
		b.idle = append(b.idle, tab)
		b.mu.Unlock()
	})
	return ctx
}

// resetTab readies a tab for the next test: no emulated device or media,
// no blocked requests.
func resetTab(tab context.Context) error {
	ctx, cancel := context.WithTimeout(tab, 10*time.Second)
	defer cancel()
	return chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		for _, call := range []func() error{
			func() error {
				_, err := cdp.Call(ctx, tg, emulation.ClearDeviceMetricsOverride, cdp.Empty{})
				return err
			},
			func() error {
				_, err := cdp.Call(ctx, tg, emulation.SetTouchEmulationEnabled, emulation.SetTouchEmulationEnabledParams{Enabled: false})
				return err
			},
			func() error {
				_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""})
				return err
			},
			func() error {
				_, err := cdp.Call(ctx, tg, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: []*network.BlockPattern{}})
				return err
			},
		} {
			if err := call(); err != nil {
				return err
			}
		}
		return nil
	}))
}

func (b *sharedBrowser) tab(t testing.TB) context.Context {
	t.Helper()
	tab := b.open(t)
	tctx, cancel := context.WithTimeout(tab, tabTimeout)
	t.Cleanup(func() { cancel(); chromedp.Cancel(tab) })
	return tctx
}

// open opens a new tab in the browser, starting it first if need be; it
// is closed with chromedp.Cancel, or with the browser.
func (b *sharedBrowser) open(t testing.TB) context.Context {
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

	tab, _ := chromedp.NewContext(parent)
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
