package crawler

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"
)

// sharedGate is a HostGate in memory, shared by several runs as the database's is by several
// workers: one holder of a host at a time, the interval counted from the release. It records
// what it was asked.
type sharedGate struct {
	mu        sync.Mutex
	next      map[string]time.Time
	held      map[string]bool
	intervals []time.Duration
	pauses    []time.Duration
}

func (g *sharedGate) Take(ctx context.Context, host string, interval, hold time.Duration) (func(), error) {
	for {
		g.mu.Lock()
		now := time.Now()
		wait := g.next[host].Sub(now)
		if g.held[host] {
			wait = time.Millisecond
		} else if wait <= 0 {
			g.held[host] = true
			g.intervals = append(g.intervals, interval)
			g.mu.Unlock()
			return func() {
				g.mu.Lock()
				defer g.mu.Unlock()
				g.held[host] = false
				if until := time.Now().Add(interval); until.After(g.next[host]) {
					g.next[host] = until
				}
			}, nil
		}
		g.mu.Unlock()
		if err := sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

func (g *sharedGate) Pause(_ context.Context, host string, d time.Duration) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.pauses = append(g.pauses, d)
	if until := time.Now().Add(d); until.After(g.next[host]) {
		g.next[host] = until
	}
	return nil
}

// TestSharedHostGateSpacesSeparateRuns: two runs at once (two workers, each with its own
// fetcher) crawling one host through a shared gate keep its Crawl-delay between all their
// requests together, not each on its own, counted from each answer (a slow answer delays the
// next request by as much); a Retry-After pauses the gate.
func TestSharedHostGateSpacesSeparateRuns(t *testing.T) {
	site := newTestSite(t)
	site.addArticles(1, 8)
	const slow = 250 * time.Millisecond
	for _, i := range []int{1, 5} { // one slow article in each run
		site.handle(fmt.Sprintf("/news/%d", i), func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(slow)
			html(articleHTML(i))(w, r)
		})
	}
	site.handle("/robots.txt", text("User-agent: *\nCrawl-delay: 0.1\n"))
	site.handle("/a.xml", html(rssFeed(site.srv.URL, 1, 2, 3, 4)))
	var mu sync.Mutex
	limited := false
	site.handle("/b.xml", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		first := !limited
		limited = true
		mu.Unlock()
		if first {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		html(rssFeed(site.srv.URL, 5, 6, 7, 8))(w, r)
	})
	gate := &sharedGate{next: map[string]time.Time{}, held: map[string]bool{}}
	opt := testOptions()
	opt.Hosts = gate
	var wg sync.WaitGroup
	for _, feed := range []string{"/a.xml", "/b.xml"} {
		src := site.source([]string{site.url(feed)}, nil, nil)
		src.Name = feed
		wg.Go(func() {
			st := NewMemState()
			if _, err := Crawl(context.Background(), []Source{src}, opt, st, &recorder{state: st}); err != nil {
				t.Errorf("Crawl %s: %v", feed, err)
			}
		})
	}
	wg.Wait()
	var times []time.Time
	site.mu.Lock()
	for path, ts := range site.times {
		if path != "/robots.txt" {
			times = append(times, ts...)
		}
	}
	site.mu.Unlock()
	slices.SortFunc(times, func(a, b time.Time) int { return a.Compare(b) })
	// 11 requests (two feeds, one of them twice, and eight articles) 100 ms apart span at
	// least a second, and a slow answer not the last longer; each run on its own would have
	// kept only its own 6 or 5 apart.
	if len(times) != 11 {
		t.Fatalf("%d requests, want 11", len(times))
	}
	if span := times[len(times)-1].Sub(times[0]); span < time.Second+slow {
		t.Fatalf("11 requests within %s: the two runs did not share the host's 100 ms Crawl-delay after each answer", span)
	}
	// Request times at the server are lower bounds whatever the machine's load: each request
	// comes at least the delay after the previous one, and the slow answers' delay more.
	for _, p := range []string{"/news/1", "/news/5"} {
		at := site.timesOf(p)[0]
		i := slices.Index(times, at)
		if i+1 < len(times) && times[i+1].Sub(at) < slow+100*time.Millisecond {
			t.Errorf("a request %s after %s, whose answer took %s: the delay was not counted from the answer", times[i+1].Sub(at), p, slow)
		}
	}
	for i := 1; i < len(times); i++ {
		if d := times[i].Sub(times[i-1]); d < 100*time.Millisecond {
			t.Errorf("two requests %s apart, closer than the Crawl-delay", d)
		}
	}
	gate.mu.Lock()
	defer gate.mu.Unlock()
	if len(gate.intervals) != 11 || gate.intervals[0] != 100*time.Millisecond {
		t.Fatalf("gate taken with %v, want 11 times 100ms", gate.intervals)
	}
	if !slices.Equal(gate.pauses, []time.Duration{time.Second}) {
		t.Fatalf("gate paused %v, want the Retry-After's 1s", gate.pauses)
	}
}

// TestSessionDiscoverThenArticles: a session's discovery fills the frontier without fetching
// an article, and its article jobs, run twice each (a worker killed after the sink stored the
// page and before the job was marked done), hand each page to the sink once.
func TestSessionDiscoverThenArticles(t *testing.T) {
	site := newTestSite(t)
	site.addArticles(1, 3)
	site.handle("/rss.xml", html(rssFeed(site.srv.URL, 1, 2, 3)))
	src := site.source([]string{site.url("/rss.xml")}, nil, nil)
	st := NewMemState()
	rec := &recorder{state: st}
	ctx := context.Background()
	s := NewSession(ctx, testOptions(), st, rec)
	ds, err := s.Discover(ctx, &src)
	if err != nil || ds.Discovered != 3 || site.articleHits() != 0 {
		t.Fatalf("Discover: %+v, %v, %d article requests; want 3 discovered, none fetched", ds, err, site.articleHits())
	}
	items, err := st.Pending(ctx, src.Name, 0, 0)
	if err != nil || len(items) != 3 {
		t.Fatalf("pending %v, %v", items, err)
	}
	news := 0
	for range 2 {
		for _, it := range items {
			as, err := s.Article(ctx, &src, it)
			if err != nil {
				t.Fatal(err)
			}
			news += as.New
		}
	}
	if news != 3 || len(rec.urls()) != 3 || site.articleHits() != 3 {
		t.Fatalf("%d new, %d handed to the sink, %d article requests; want 3 each", news, len(rec.urls()), site.articleHits())
	}
	if site.hitsOf("/robots.txt") != 1 {
		t.Fatalf("robots.txt read %d times in one session, want once", site.hitsOf("/robots.txt"))
	}
}

// TestSessionReadsRobotsAgainAfterTTL: a long-lived session (a worker's) reads a host's
// robots.txt again once RobotsTTL has passed, so a rule and a Crawl-delay the site added since
// are obeyed (the delay by the shared gate), and not before.
func TestSessionReadsRobotsAgainAfterTTL(t *testing.T) {
	site := newTestSite(t)
	site.addArticles(1, 3)
	site.handle("/rss.xml", html(rssFeed(site.srv.URL, 1, 2, 3)))
	var mu sync.Mutex
	robots := "User-agent: *\nAllow: /\n"
	site.handle("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		text(robots)(w, r)
	})
	src := site.source([]string{site.url("/rss.xml")}, nil, nil)
	st := NewMemState()
	rec := &recorder{state: st}
	ctx := context.Background()
	opt := testOptions()
	const ttl = 300 * time.Millisecond
	opt.RobotsTTL = ttl
	gate := &sharedGate{next: map[string]time.Time{}, held: map[string]bool{}}
	opt.Hosts = gate
	s := NewSession(ctx, opt, st, rec)
	start := time.Now()
	if _, err := s.Discover(ctx, &src); err != nil {
		t.Fatal(err)
	}
	items, err := st.Pending(ctx, src.Name, 0, 0)
	if err != nil || len(items) != 3 {
		t.Fatalf("pending %v, %v", items, err)
	}
	mu.Lock()
	robots = "User-agent: *\nCrawl-delay: 0.05\nDisallow: /news/3\n"
	mu.Unlock()
	if _, err := s.Article(ctx, &src, items[0]); err != nil {
		t.Fatal(err)
	}
	if time.Since(start) < ttl && site.hitsOf("/robots.txt") != 1 {
		t.Fatalf("robots.txt read %d times within its TTL, want once", site.hitsOf("/robots.txt"))
	}
	time.Sleep(ttl)
	for _, it := range items[1:] {
		if _, err := s.Article(ctx, &src, it); err != nil {
			t.Fatal(err)
		}
	}
	if n := site.hitsOf("/robots.txt"); n != 2 {
		t.Fatalf("robots.txt read %d times after its TTL, want twice", n)
	}
	if site.hitsOf("/news/2") != 1 || site.hitsOf("/news/3") != 0 {
		t.Fatalf("/news/2 fetched %d times and /news/3, disallowed since, %d; want 1 and 0",
			site.hitsOf("/news/2"), site.hitsOf("/news/3"))
	}
	gate.mu.Lock()
	defer gate.mu.Unlock()
	if last := gate.intervals[len(gate.intervals)-1]; last != 50*time.Millisecond {
		t.Fatalf("the last request's interval %s, want the new Crawl-delay's 50ms", last)
	}
}
