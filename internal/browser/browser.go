// Package browser drives a headless Chromium for kompass: it opens a
// generated report from a file with every network request blocked, waits
// until its charts are drawn, and prints it to an A4 PDF. The browser tests
// of the report use the same functions.
package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/kompass-dev/kompass/internal/msg"
)

// Start runs a headless browser and returns a chromedp context for one tab.
// The flags keep it from reaching the network on its own (updates, sync,
// background services) and work as root in a container. Its host resolver
// resolves no name or address at all, so nothing reaches the network even
// where BlockNetwork does not reach: WebSockets and frames from another site
// (which Chromium loads outside the tab's session). Options given are
// added after these, and a flag given again replaces its value.
func Start(parent context.Context, execPath string, extra ...chromedp.ExecAllocatorOption) (context.Context, context.CancelFunc, error) {
	dir, err := os.MkdirTemp("", "kompass-chromium-*")
	if err != nil {
		return nil, nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(execPath),
		chromedp.UserDataDir(dir),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("metrics-recording-only", true),
		chromedp.Flag("no-pings", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"),
		chromedp.WindowSize(1280, 900),
	)
	opts = append(opts, extra...)
	actx, acancel := chromedp.NewExecAllocator(parent, opts...)
	ctx, cancel := chromedp.NewContext(actx)
	return ctx, func() {
		cancel()
		acancel()
		os.RemoveAll(dir)
	}, nil
}

// FileURL turns a path into a file:// URL.
func FileURL(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String(), nil
}

// BlockNetwork makes the tab refuse every request over the network; only
// file: and data: URLs load. It does not cover WebSockets or frames from
// another site; the browser that Start runs cannot reach them either.
func BlockNetwork() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		var patterns []*network.BlockPattern
		for _, scheme := range []string{"http", "https", "ws", "wss", "ftp"} {
			patterns = append(patterns, &network.BlockPattern{URLPattern: scheme + "://*:*/*", Block: true})
		}
		_, err := cdp.Call(ctx, t, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: patterns})
		return err
	})
}

// ChartsDrawn waits until the report's script has drawn its charts (it sets
// data-charts-drawn on <html>) and returns how many it drew.
func ChartsDrawn(timeout time.Duration) chromedp.Action[string] {
	return chromedp.Poll[string](`document.documentElement.getAttribute("data-charts-drawn")`,
		chromedp.WithPollingTimeout(timeout), chromedp.WithPollingInterval(20*time.Millisecond))
}

// OpenReport loads a report file with the network blocked and waits for its
// charts.
func OpenReport(ctx context.Context, path string) error {
	u, err := FileURL(path)
	if err != nil {
		return err
	}
	if err := chromedp.Do(ctx, BlockNetwork(), chromedp.Navigate(u)); err != nil {
		return msg.Errorf("opening %s: %w", path, err)
	}
	drawn, err := chromedp.Run(ctx, ChartsDrawn(30*time.Second))
	if err != nil {
		return msg.Errorf("%s: the charts were not drawn: %w", path, err)
	}
	want, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(".chart[data-chart]").length`))
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if drawn != strconv.Itoa(want) {
		return msg.Errorf("%s: %s of %d charts were drawn (is the chart script missing?)", path, drawn, want)
	}
	return nil
}

// a4Content is the content box of A4 portrait with the report's page
// margins (210 mm − 2 × 18 mm = 174 mm), in CSS px.
const a4Content = 658

// PrintA4 prints the open page to PDF on A4 as its print CSS lays it out.
// The charts are drawn (as SVG) at the size their elements have when they
// are drawn, and printing lays the page out anew without telling them, so
// the page is first laid out as it will print — print media, as wide as
// A4's content box — and the charts redrawn at that size; then it is
// printed, and given back its screen layout.
//
// A page with elements marked data-page-of="ID" (the report's contents)
// gets their page numbers in a second pass: the first print says on which
// page each ID lies (pageOfIDs), each such element is given that number,
// and the page is printed again — until the numbers hold, at most three
// times, since a number could in principle move what follows it. A PDF
// whose destinations cannot be read keeps its contents without numbers.
func PrintA4() chromedp.Action[[]byte] {
	pdf := chromedp.PrintToPDF(
		chromedp.PDFPaper(chromedp.PaperA4),
		chromedp.PDFPreferCSSPageSize(),
		chromedp.PDFPrintBackground(),
		chromedp.PDFOutlineAndTagged(),
	)
	return func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
		if err := printLayout(ctx, t, "print"); err != nil {
			return nil, err
		}
		out, err := pdf(ctx, t)
		for pass := 1; err == nil && pass < 3; pass++ {
			changed, ferr := fillPageNumbers(ctx, t, out)
			if ferr != nil || !changed {
				// A PDF whose page numbers cannot be read (a Chromium that
				// writes it another way) prints without them in the
				// contents, rather than not at all; the browser tests
				// fail on it.
				break
			}
			out, err = pdf(ctx, t)
		}
		if err2 := printLayout(ctx, t, ""); err == nil {
			err = err2
		}
		return out, err
	}
}

// fillPageNumbers writes into each element marked data-page-of="ID" the
// page that ID lies on in the printed pdf; it reports whether any number
// changed (false, too, when the page has no such element).
func fillPageNumbers(ctx context.Context, t *chromedp.Target, pdf []byte) (bool, error) {
	n, err := chromedp.Evaluate[int](`document.querySelectorAll("[data-page-of]").length`)(ctx, t)
	if err != nil || n == 0 {
		return false, err
	}
	pages, err := pageOfIDs(pdf)
	if err != nil {
		return false, msg.Errorf("reading the page numbers of the printed page: %w", err)
	}
	js, err := json.Marshal(pages)
	if err != nil {
		return false, err
	}
	return chromedp.Evaluate[bool](`(function (pages) {
  var changed = false;
  document.querySelectorAll("[data-page-of]").forEach(function (el) {
    var p = pages[el.getAttribute("data-page-of")];
    var text = p ? String(p) : "";
    if (el.textContent !== text) { el.textContent = text; changed = true; }
  });
  return changed;
})(`+string(js)+`)`)(ctx, t)
}

// printLayout lays the page out for media "print" at A4's width, or back
// for the screen (""), and waits until every chart is as wide as its
// element.
func printLayout(ctx context.Context, t *chromedp.Target, media string) error {
	if _, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media}); err != nil {
		return err
	}
	var err error
	if media == "" {
		_, err = cdp.Call(ctx, t, emulation.ClearDeviceMetricsOverride, cdp.Empty{})
	} else {
		_, err = cdp.Call(ctx, t, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: a4Content, Height: 1123, DeviceScaleFactor: 1})
	}
	if err != nil {
		return err
	}
	_, err = chromedp.Poll[bool](`window.dispatchEvent(new Event("resize")), Array.from(document.querySelectorAll(".chart[data-chart]")).every(function (el) {
  var inst = typeof echarts === "undefined" ? null : echarts.getInstanceByDom(el);
  return !inst || (inst.getWidth() === el.clientWidth && inst.getHeight() === el.clientHeight);
})`, chromedp.WithPollingTimeout(10*time.Second), chromedp.WithPollingInterval(20*time.Millisecond))(ctx, t)
	return err
}

// PrintPDF opens a report file in a fresh headless browser and returns it
// printed to A4 PDF.
func PrintPDF(parent context.Context, execPath, htmlPath string) ([]byte, error) {
	ctx, cancel, err := Start(parent, execPath)
	if err != nil {
		return nil, err
	}
	defer cancel()
	if err := OpenReport(ctx, htmlPath); err != nil {
		return nil, err
	}
	return chromedp.Run(ctx, PrintA4())
}
