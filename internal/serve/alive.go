package serve

import (
	"sync"
	"time"
)

// Timing says when the server stops once its page is closed. The page
// sends a heartbeat while it is open and a goodbye when it is closed (or
// reloaded: a reload says goodbye and comes back with a heartbeat).
type Timing struct {
	// FirstPage is how long the server waits for its page to open at all
	// (the browser may be slow to start, or the address is typed by
	// hand). Default 10 minutes.
	FirstPage time.Duration
	// Silence is how long a page may send no heartbeat before it counts
	// as closed (a closed laptop, a browser that was killed). A hidden
	// tab's timers may run only once a minute, so it is longer than that.
	// Default 3 minutes.
	Silence time.Duration
	// Grace is how long after the last page's goodbye the server waits
	// for it to come back (a reload) before it stops. Default 3 seconds.
	Grace time.Duration
}

func (t Timing) withDefaults() Timing {
	if t.FirstPage == 0 {
		t.FirstPage = 10 * time.Minute
	}
	if t.Silence == 0 {
		t.Silence = 3 * time.Minute
	}
	if t.Grace == 0 {
		t.Grace = 3 * time.Second
	}
	return t
}

// maxPages bounds the pages tracked at once (every tab of the page is
// one).
const maxPages = 100

// alive tracks the open pages and stops the server when none is left.
type alive struct {
	mu       sync.Mutex
	t        Timing
	start    time.Time
	pages    map[string]time.Time // page id → its last heartbeat
	lastGone time.Time            // when the last page said goodbye
	seen     bool                 // a page has been open
	isClosed bool                 // stopped because the page was closed
	stop     func()
	quit     chan struct{}
}

func newAlive(t Timing, stop func()) *alive {
	a := &alive{t: t.withDefaults(), start: time.Now(), pages: map[string]time.Time{}, stop: stop, quit: make(chan struct{})}
	tick := min(a.t.Grace, a.t.Silence, a.t.FirstPage) / 4
	tick = max(10*time.Millisecond, min(tick, time.Second))
	go a.watch(tick)
	return a
}

func (a *alive) watch(tick time.Duration) {
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		select {
		case <-a.quit:
			return
		case now := <-t.C:
			if a.check(now) {
				a.stop()
				return
			}
		}
	}
}

// check drops the pages gone silent and reports whether the server should
// stop now.
func (a *alive) check(now time.Time) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	for id, last := range a.pages {
		if now.Sub(last) > a.t.Silence {
			delete(a.pages, id)
			a.lastGone = now
		}
	}
	var stop bool
	switch {
	case !a.seen:
		stop = now.Sub(a.start) > a.t.FirstPage
	case len(a.pages) == 0:
		stop = now.Sub(a.lastGone) > a.t.Grace
	}
	a.isClosed = stop
	return stop
}

// beat is a heartbeat of page id.
func (a *alive) beat(id string) {
	if len(id) > 64 {
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if _, ok := a.pages[id]; !ok && len(a.pages) >= maxPages {
		return
	}
	a.pages[id] = time.Now()
	a.seen = true
}

// gone is the goodbye of page id.
func (a *alive) gone(id string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if _, ok := a.pages[id]; ok {
		delete(a.pages, id)
		a.lastGone = time.Now()
	}
}

// closed reports whether the server stopped because its page was closed.
func (a *alive) closed() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.isClosed
}

// end stops the watch when the server stops for another reason.
func (a *alive) end() {
	a.mu.Lock()
	defer a.mu.Unlock()
	select {
	case <-a.quit:
	default:
		close(a.quit)
	}
}
