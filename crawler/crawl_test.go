package crawler

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestFeedIncremental(t *testing.T) {
	site := newTestSite(t)
	var mu sync.Mutex
	ids := []int{1, 2, 3}
	site.addArticles(1, 5)
	site.handle("/rss.xml", conditional("application/rss+xml", func() string {
		mu.Lock()
		defer mu.Unlock()
		return rssFeed(site.srv.URL, ids...)
	}))
	src := site.source([]string{site.url("/rss.xml")}, nil, nil)
	st, rec := NewMemState(), &recorder{}
	rec.state = st

	s1 := crawlOnce(t, src, testOptions(), st, rec)
	if s1.New != 3 || site.articleHits() != 3 {
		t.Fatalf("first run: stats %+v, article requests %d, want 3 new", s1, site.articleHits())
	}
	if got := rec.pages[0].Published; got.IsZero() {
		t.Errorf("feed pubDate not passed on as Page.Published")
	}

	s2 := crawlOnce(t, src, testOptions(), st, rec)
	if site.articleHits() != 3 || s2.Fetched != 0 || s2.NotModified != 1 {
		t.Fatalf("second run with nothing new: stats %+v, article requests %d (want still 3, feed 304)", s2, site.articleHits())
	}

	mu.Lock()
	ids = []int{5, 4, 1, 2, 3}
	mu.Unlock()
	s3 := crawlOnce(t, src, testOptions(), st, rec)
	if s3.New != 2 || site.hitsOf("/news/4") != 1 || site.hitsOf("/news/5") != 1 || site.articleHits() != 5 {
		t.Fatalf("feed gained 2 items: stats %+v, article requests %d (want exactly /news/4 and /news/5)", s3, site.articleHits())
	}

	// --refresh fetches what the feed lists again, without validators.
	opt := testOptions()
	opt.Refresh = true
	s4 := crawlOnce(t, src, opt, st, rec)
	if s4.Fetched != 5 || s4.NotModified != 0 {
		t.Fatalf("refresh: stats %+v, want 5 fetched and no 304", s4)
	}
}

func gz(s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

func TestSitemapsFromRobotsIndexAndGzip(t *testing.T) {
	site := newTestSite(t)
	site.addArticles(1, 4)
	site.handle("/robots.txt", text("User-agent: *\nDisallow: /search\n\nSitemap: "+site.url("/sitemap-index.xml")+"\n"))
	var mu sync.Mutex
	lastmod := "2030-01-02"
	site.handle("/sitemap-index.xml", conditional("application/xml", func() string {
		mu.Lock()
		defer mu.Unlock()
		return `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>` + site.url("/news-sitemap.xml.gz") + `</loc><lastmod>` + lastmod + `</lastmod></sitemap>
<sitemap><loc>` + site.url("/old.xml") + `</loc></sitemap></sitemapindex>`
	}))
	now := time.Now().UTC().Format(time.RFC3339)
	news := `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>` + site.url("/news/1") + `</loc><news:news><news:publication_date>` + now + `</news:publication_date><news:title>One</news:title></news:news></url>
<url><loc>` + site.url("/news/2") + `</loc><news:news><news:publication_date>` + now + `</news:publication_date></news:news></url>
<url><loc>` + site.url("/about") + `</loc></url>
</urlset>`
	site.handle("/news-sitemap.xml.gz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-gzip")
		w.Header().Set("Last-Modified", "Wed, 21 Oct 2020 10:00:00 GMT")
		if r.Header.Get("If-Modified-Since") == "Wed, 21 Oct 2020 10:00:00 GMT" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Write(gz(news))
	})
	site.handle("/old.xml", html(`<urlset><url><loc>`+site.url("/news/3")+`</loc><lastmod>2001-01-01</lastmod></url>
<url><loc>`+site.url("/news/4")+`</loc></url></urlset>`))
	src := site.source(nil, nil, nil)
	src.StartURLs = []string{site.url("/")} // a source needs one URL for robots.txt to be read
	site.handle("/", html(`<html><body>nothing</body></html>`))
	st, rec := NewMemState(), &recorder{state: NewMemState()}
	rec.state = st
	s := crawlOnce(t, src, testOptions(), st, rec)
	got := rec.urls()
	slices.Sort(got)
	want := []string{site.url("/news/1"), site.url("/news/2"), site.url("/news/4")}
	if !slices.Equal(got, want) {
		t.Fatalf("stored %v, want %v (news/3 is older than MaxAge; stats %+v)", got, want, s)
	}
	for _, p := range rec.pages {
		if p.URL == site.url("/news/1") && p.Published.IsZero() {
			t.Errorf("news:publication_date not passed on")
		}
	}
	// An unchanged index (304) is taken to mean unchanged children: they are not read.
	s2 := crawlOnce(t, src, testOptions(), st, rec)
	if s2.NotModified != 1 || s2.Fetched != 0 || site.hitsOf("/news-sitemap.xml.gz") != 1 {
		t.Fatalf("second run: %+v, want the index answered 304 and nothing else read", s2)
	}
	mu.Lock()
	lastmod = "2030-01-03T10:00:00Z"
	mu.Unlock()
	s3 := crawlOnce(t, src, testOptions(), st, rec)
	if s3.NotModified != 1 || s3.Fetched != 0 || site.hitsOf("/news-sitemap.xml.gz") != 2 {
		t.Fatalf("third run: %+v, want the changed index read and the .gz answered 304 (Last-Modified)", s3)
	}
}

func TestRobotsDisallowAndCrawlDelay(t *testing.T) {
	site := newTestSite(t)
	site.addArticles(1, 3)
	site.handle("/news/private/9", html(articleHTML(9)))
	site.handle("/robots.txt", text("User-agent: *\nDisallow: /news/2\nCrawl-delay: 0.3\n\nUser-agent: otherbot\nDisallow: /\n"))
	site.handle("/rss.xml", html(rssFeed(site.srv.URL, 1, 2, 3)))
	src := site.source([]string{site.url("/rss.xml")}, nil, nil)
	st := NewMemState()
	rec := &recorder{state: st}
	opt := testOptions()
	opt.Parallelism = 1
	s := crawlOnce(t, src, opt, st, rec)
	if site.hitsOf("/news/2") != 0 {
		t.Fatal("robots.txt Disallow: /news/2 was fetched")
	}
	if st.StatusOf(site.url("/news/2")) != StatusGone || s.New != 2 || s.Fetched != 2 {
		t.Fatalf("disallowed page: status %q, stats %+v", st.StatusOf(site.url("/news/2")), s)
	}
	// Crawl-delay 0.3s is larger than the configured 1ms: consecutive requests to the host
	// are at least that far apart (a lower bound, so load cannot make this flaky).
	site.mu.Lock()
	t1, t3 := site.times["/news/1"][0], site.times["/news/3"][0]
	site.mu.Unlock()
	if gap := t3.Sub(t1); gap < 300*time.Millisecond {
		t.Fatalf("requests %s apart, want at least the Crawl-delay 300ms", gap)
	}
}

func TestStartPageLinksAndAlternateFeed(t *testing.T) {
	site := newTestSite(t)
	site.addArticles(1, 6)
	site.handle("/politics", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Last-Modified", "Wed, 21 Oct 2020 10:00:00 GMT")
		if r.Header.Get("If-Modified-Since") != "" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		html(`<html><head><link rel="alternate" type="application/rss+xml" href="/politics/rss.xml"></head><body>
<a href="/news/1">one</a> <a href="news/2#comments">two</a> <a href="/about">about</a>
<a href="http://example.org/news/3">elsewhere</a> <a href="/news/1?utm_source=x">one again</a></body></html>`)(w, r)
	})
	site.handle("/politics/rss.xml", conditional("application/rss+xml", func() string { return rssFeed(site.srv.URL, 5, 6) }))
	src := site.source(nil, nil, []string{site.url("/politics")})
	st := NewMemState()
	rec := &recorder{state: st}
	crawlOnce(t, src, testOptions(), st, rec)
	got := rec.urls()
	slices.Sort(got)
	want := []string{site.url("/news/1"), site.url("/news/2"), site.url("/news/5"), site.url("/news/6")}
	if !slices.Equal(got, want) {
		t.Fatalf("stored %v, want %v", got, want)
	}
	s2 := crawlOnce(t, src, testOptions(), st, rec)
	if s2.NotModified != 2 || site.hitsOf("/politics/rss.xml") != 2 {
		t.Fatalf("second run: %+v; the start page is 304 and the feed found on it is still read", s2)
	}
}

func TestRetryAfter429(t *testing.T) {
	site := newTestSite(t)
	var n int
	var mu sync.Mutex
	site.handle("/news/1", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		n++
		first := n == 1
		mu.Unlock()
		if first {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		html(articleHTML(1))(w, r)
	})
	site.handle("/rss.xml", html(rssFeed(site.srv.URL, 1)))
	st := NewMemState()
	rec := &recorder{state: st}
	s := crawlOnce(t, site.source([]string{site.url("/rss.xml")}, nil, nil), testOptions(), st, rec)
	site.mu.Lock()
	times := site.times["/news/1"]
	site.mu.Unlock()
	if s.New != 1 || len(times) != 2 {
		t.Fatalf("stats %+v, %d requests; want the page stored on the second request", s, len(times))
	}
	if gap := times[1].Sub(times[0]); gap < time.Second {
		t.Fatalf("retried after %s, want Retry-After's 1s", gap)
	}

	// A Retry-After beyond MaxRetryAfter leaves the page for a later run, not gone.
	site.handle("/news/2", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	site.handle("/rss.xml", html(rssFeed(site.srv.URL, 1, 2)))
	crawlOnce(t, site.source([]string{site.url("/rss.xml")}, nil, nil), testOptions(), st, rec)
	if site.hitsOf("/news/2") != 1 || st.StatusOf(site.url("/news/2")) != StatusFailed {
		t.Fatalf("503 Retry-After 3600: %d requests, status %q; want 1 and failed (retried next run)", site.hitsOf("/news/2"), st.StatusOf(site.url("/news/2")))
	}
}

func TestRetries5xxNotFor404(t *testing.T) {
	site := newTestSite(t)
	var mu sync.Mutex
	calls := 0
	site.handle("/news/1", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		calls++
		c := calls
		mu.Unlock()
		if c == 1 {
			http.Error(w, "oops", http.StatusInternalServerError)
			return
		}
		html(articleHTML(1))(w, r)
	})
	site.handle("/news/2", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "gone", http.StatusGone) })
	site.handle("/news/4", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusBadGateway) })
	site.handle("/rss.xml", html(rssFeed(site.srv.URL, 1, 2, 3, 4)))
	st := NewMemState()
	rec := &recorder{state: st}
	opt := testOptions()
	s := crawlOnce(t, site.source([]string{site.url("/rss.xml")}, nil, nil), opt, st, rec)
	if s.New != 1 || site.hitsOf("/news/1") != 2 {
		t.Fatalf("500 then 200: stats %+v, %d requests", s, site.hitsOf("/news/1"))
	}
	if site.hitsOf("/news/2") != 1 || site.hitsOf("/news/3") != 1 {
		t.Fatalf("410 and 404 were retried: %d, %d requests", site.hitsOf("/news/2"), site.hitsOf("/news/3"))
	}
	if st.StatusOf(site.url("/news/3")) != StatusGone || st.StatusOf(site.url("/news/4")) != StatusFailed {
		t.Fatalf("statuses: 404 %q, 502 %q", st.StatusOf(site.url("/news/3")), st.StatusOf(site.url("/news/4")))
	}
	if site.hitsOf("/news/4") != opt.Retries+1 {
		t.Fatalf("502: %d requests, want %d", site.hitsOf("/news/4"), opt.Retries+1)
	}
	// A failed page is tried again by the next run; a gone one is not.
	crawlOnce(t, site.source([]string{site.url("/rss.xml")}, nil, nil), opt, st, rec)
	if site.hitsOf("/news/4") != 2*(opt.Retries+1) || site.hitsOf("/news/3") != 1 {
		t.Fatalf("next run: 502 page %d requests, 404 page %d", site.hitsOf("/news/4"), site.hitsOf("/news/3"))
	}
}

func TestTimeoutsAndTruncatedBodies(t *testing.T) {
	site := newTestSite(t)
	var mu sync.Mutex
	seen := map[string]int{}
	first := func(path string) bool {
		mu.Lock()
		defer mu.Unlock()
		seen[path]++
		return seen[path] == 1
	}
	site.handle("/news/1", func(w http.ResponseWriter, r *http.Request) {
		if first(r.URL.Path) {
			time.Sleep(400 * time.Millisecond) // longer than the 150ms timeout
		}
		html(articleHTML(1))(w, r)
	})
	site.handle("/news/2", func(w http.ResponseWriter, r *http.Request) {
		if first(r.URL.Path) {
			// Promise 5000 bytes, send a few and hang up: the client sees an unexpected EOF.
			w.Header().Set("Content-Length", "5000")
			w.WriteHeader(http.StatusOK)
			w.Write([]byte("<html><body><p>cut"))
			panic(http.ErrAbortHandler)
		}
		html(articleHTML(2))(w, r)
	})
	site.handle("/news/3", html(strings.Repeat("x", 3000)))
	site.handle("/rss.xml", html(rssFeed(site.srv.URL, 1, 2, 3)))
	st := NewMemState()
	rec := &recorder{state: st}
	opt := testOptions()
	opt.Timeout = 150 * time.Millisecond
	opt.MaxBodyBytes = 2000
	s := crawlOnce(t, site.source([]string{site.url("/rss.xml")}, nil, nil), opt, st, rec)
	if s.New != 2 || site.hitsOf("/news/1") != 2 || site.hitsOf("/news/2") != 2 {
		t.Fatalf("stats %+v, requests %d and %d; want both retried once and stored", s, site.hitsOf("/news/1"), site.hitsOf("/news/2"))
	}
	for _, p := range rec.pages {
		if !strings.Contains(string(p.Body), "1,550") {
			t.Errorf("%s stored a truncated body %q", p.URL, p.Body)
		}
	}
	if st.StatusOf(site.url("/news/3")) != StatusGone || site.hitsOf("/news/3") != 1 {
		t.Fatalf("page over max_body_bytes: status %q after %d requests, want gone after 1", st.StatusOf(site.url("/news/3")), site.hitsOf("/news/3"))
	}
}

func TestRedirects(t *testing.T) {
	site := newTestSite(t)
	other := newTestSite(t)
	other.addArticles(1, 9)
	// "localhost" is another host than "127.0.0.1" as far as allowed_hosts go.
	otherURL := strings.Replace(other.srv.URL, "127.0.0.1", "localhost", 1)
	site.handle("/news/1", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, otherURL+"/news/1", http.StatusFound)
	})
	site.handle("/news/2", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/news/22", http.StatusMovedPermanently)
	})
	site.handle("/news/22", html(articleHTML(22)))
	site.handle("/rss.xml", html(rssFeed(site.srv.URL, 1, 2)))
	st := NewMemState()
	rec := &recorder{state: st}
	s := crawlOnce(t, site.source([]string{site.url("/rss.xml")}, nil, nil), testOptions(), st, rec)
	if other.articleHits() != 0 || other.hitsOf("/robots.txt") != 0 {
		t.Fatalf("followed a redirect off the allowed hosts (%d requests there)", other.articleHits())
	}
	if s.New != 1 || len(rec.pages) != 1 || rec.pages[0].FinalURL != site.url("/news/22") {
		t.Fatalf("same-host redirect: stats %+v, pages %+v", s, rec.urls())
	}
	if st.StatusOf(site.url("/news/1")) != StatusGone {
		t.Fatalf("off-host redirect status %q, want gone", st.StatusOf(site.url("/news/1")))
	}
}

func TestPrivateAddressesRefused(t *testing.T) {
	site := newTestSite(t)
	site.addArticles(1, 1)
	site.handle("/rss.xml", html(rssFeed(site.srv.URL, 1)))
	st := NewMemState()
	rec := &recorder{state: st}
	opt := testOptions()
	opt.AllowPrivate = false
	s := crawlOnce(t, site.source([]string{site.url("/rss.xml")}, nil, nil), opt, st, rec)
	site.mu.Lock()
	n := len(site.hits)
	site.mu.Unlock()
	if n != 0 || s.Sources["test"].DocumentErrors == 0 {
		t.Fatalf("loopback site reached with allow_private_addresses=false: %d paths hit, stats %+v", n, s.Sources["test"])
	}
	if !strings.Contains(s.Sources["test"].LastError, "private") {
		t.Errorf("error does not say why: %q", s.Sources["test"].LastError)
	}
}

func TestCapsLeaveTheRestForNextRun(t *testing.T) {
	site := newTestSite(t)
	site.addArticles(1, 5)
	site.handle("/rss.xml", conditional("application/rss+xml", func() string { return rssFeed(site.srv.URL, 1, 2, 3, 4, 5) }))
	src := site.source([]string{site.url("/rss.xml")}, nil, nil)
	st := NewMemState()
	rec := &recorder{state: st}
	opt := testOptions()
	opt.MaxPagesPerRun = 2
	s1 := crawlOnce(t, src, opt, st, rec)
	opt.MaxPagesPerRun, opt.MaxPagesPerHost = 0, 2
	s2 := crawlOnce(t, src, opt, st, rec)
	s3 := crawlOnce(t, src, opt, st, rec)
	if s1.Fetched != 2 || s2.Fetched != 2 || s3.Fetched != 1 || site.articleHits() != 5 {
		t.Fatalf("fetched %d, %d, %d (requests %d); want 2, 2, 1 with every page once", s1.Fetched, s2.Fetched, s3.Fetched, site.articleHits())
	}
	if s2.NotModified != 1 {
		t.Fatalf("the backlog must come from the frontier, not the feed: %+v", s2)
	}
	if s1.Pending != 3 || s2.Pending != 1 || s3.Pending != 0 {
		t.Fatalf("left for later %d, %d, %d; want 3, 1, 0 (what the frontier holds, not what the run looked at)", s1.Pending, s2.Pending, s3.Pending)
	}
}

func TestCancelFinishesPageInHand(t *testing.T) {
	site := newTestSite(t)
	site.addArticles(1, 6)
	site.handle("/rss.xml", html(rssFeed(site.srv.URL, 1, 2, 3, 4, 5, 6)))
	src := site.source([]string{site.url("/rss.xml")}, nil, nil)
	st := NewMemState()
	ctx, cancel := context.WithCancel(context.Background())
	rec := &recorder{state: st}
	rec.fail = func(p Page) error {
		cancel() // SIGINT arrives while the first page is in hand
		return nil
	}
	opt := testOptions()
	opt.Parallelism = 1
	s, err := Crawl(ctx, []Source{src}, opt, st, rec)
	if err != context.Canceled || s.New != 1 || len(rec.pages) != 1 {
		t.Fatalf("cancelled run: err %v, stats %+v; want the page in hand stored and Canceled", err, s)
	}
	rec.fail = nil
	s2 := crawlOnce(t, src, opt, st, rec)
	if s2.New != 5 || site.articleHits() != 6 {
		t.Fatalf("next run: %+v, %d article requests; want the other 5, each once", s2, site.articleHits())
	}
}

func TestSinkErrorIsAFailedPageNotACrash(t *testing.T) {
	site := newTestSite(t)
	site.addArticles(1, 2)
	site.handle("/rss.xml", html(rssFeed(site.srv.URL, 1, 2)))
	st := NewMemState()
	rec := &recorder{state: st, fail: func(p Page) error {
		if strings.HasSuffix(p.URL, "/1") {
			return fmt.Errorf("analysis failed")
		}
		return nil
	}}
	s := crawlOnce(t, site.source([]string{site.url("/rss.xml")}, nil, nil), testOptions(), st, rec)
	if s.Failed != 1 || s.New != 1 || st.StatusOf(site.url("/news/1")) != StatusFailed {
		t.Fatalf("stats %+v, status %q", s, st.StatusOf(site.url("/news/1")))
	}
}

func TestBytesKeptAsSentWithTheirCharset(t *testing.T) {
	site := newTestSite(t)
	// "Рябков" in windows-1251, in a page that says so in its header and its <meta>.
	cp1251 := []byte{0xD0, 0xFF, 0xE1, 0xEA, 0xEE, 0xE2}
	page := append([]byte(`<html><head><meta charset="windows-1251"><title>t</title></head><body><p>`), cp1251...)
	page = append(page, []byte(`</p></body></html>`)...)
	site.handle("/news/1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1251")
		w.Write(page)
	})
	feed := []byte(`<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>`)
	feed = append(feed, cp1251...)
	feed = append(feed, []byte(`</title><item><title>`)...)
	feed = append(feed, cp1251...)
	feed = append(feed, []byte(`</title><link>`+site.url("/news/1")+`</link></item></channel></rss>`)...)
	site.handle("/rss.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml; charset=windows-1251")
		w.Write(feed)
	})
	st := NewMemState()
	rec := &recorder{state: st}
	crawlOnce(t, site.source([]string{site.url("/rss.xml")}, nil, nil), testOptions(), st, rec)
	if len(rec.pages) != 1 {
		t.Fatalf("pages %v", rec.urls())
	}
	p := rec.pages[0]
	if !bytes.Equal(p.Body, page) || p.ContentType != "text/html; charset=windows-1251" {
		t.Fatalf("body or content type changed on the way: %q %q", p.ContentType, p.Body)
	}
}

func TestRelativeLinksInFeedsAndSitemaps(t *testing.T) {
	site := newTestSite(t)
	site.addArticles(1, 2)
	site.handle("/rss.xml", html(`<rss version="2.0"><channel><title>x</title><item><link>/news/1</link></item></channel></rss>`))
	site.handle("/sitemap.xml", html(`<urlset><url><loc>news/2</loc></url></urlset>`))
	st := NewMemState()
	rec := &recorder{state: st}
	s := crawlOnce(t, site.source([]string{site.url("/rss.xml")}, []string{site.url("/sitemap.xml")}, nil), testOptions(), st, rec)
	if s.New != 2 {
		t.Fatalf("stats %+v, pages %v", s, rec.urls())
	}
}

func TestHostDownKeepsTheFrontier(t *testing.T) {
	site := newTestSite(t)
	site.addArticles(1, 2)
	site.handle("/rss.xml", html(rssFeed(site.srv.URL, 1, 2)))
	src := site.source([]string{site.url("/rss.xml")}, nil, nil)
	st := NewMemState()
	rec := &recorder{state: st}
	// An earlier run left two pages in the frontier; now the host answers robots.txt with 503.
	st.Enqueue(context.Background(), "test", []Item{{URL: site.url("/news/1")}, {URL: site.url("/news/2")}}, false)
	site.handle("/robots.txt", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusServiceUnavailable) })
	s := crawlOnce(t, src, testOptions(), st, rec)
	if s.Fetched != 0 || s.Failed != 0 || s.Pending != 2 || site.articleHits() != 0 {
		t.Fatalf("host down: %+v, %d article requests; want nothing fetched and both left pending", s, site.articleHits())
	}
	if st.StatusOf(site.url("/news/1")) != StatusPending {
		t.Fatalf("status %q", st.StatusOf(site.url("/news/1")))
	}
	site.handle("/robots.txt", text("User-agent: *\nAllow: /\n"))
	if s := crawlOnce(t, src, testOptions(), st, rec); s.New != 2 {
		t.Fatalf("host back: %+v", s)
	}
}

// A run stopped (SIGTERM) while a page stalls is not a timeout of that page: the download is
// abandoned at once, and the page stays pending with no attempt counted.
func TestStopDuringStalledFetchIsNoFailure(t *testing.T) {
	site := newTestSite(t)
	site.handle("/news/1", stall(false, false))
	site.handle("/rss.xml", html(rssFeed(site.srv.URL, 1)))
	st := NewMemState()
	rec := &recorder{state: st}
	opt := testOptions()
	opt.Timeout = 20 * time.Second
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for site.hitsOf("/news/1") == 0 {
			time.Sleep(5 * time.Millisecond)
		}
		cancel()
	}()
	start := time.Now()
	s, err := Crawl(ctx, []Source{site.source([]string{site.url("/rss.xml")}, nil, nil)}, opt, st, rec)
	if err != context.Canceled || time.Since(start) > 10*time.Second {
		t.Fatalf("stopped run: err %v after %s; want Canceled well before the 20s timeout", err, time.Since(start))
	}
	detail, attempts := st.DetailOf(site.url("/news/1"))
	if st.StatusOf(site.url("/news/1")) != StatusPending || attempts != 0 || s.Failed != 0 || s.Pending != 1 {
		t.Fatalf("status %q (%q, %d attempts), stats %+v; want pending, no attempt", st.StatusOf(site.url("/news/1")), detail, attempts, s)
	}
}

func TestFeedDatesFromDublinCore(t *testing.T) {
	p, err := parseFeed([]byte(`<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>
<item><link>https://tass.example/news/1</link><dc:date>2026-12-01T10:00:00+03:00</dc:date></item>
<item><link>https://tass.example/news/2</link><pubDate>Tue, 01 Dec 2026 10:00:00 +0300</pubDate></item></channel></rss>`))
	if err != nil || len(p.items) != 2 || p.items[0].Published.IsZero() || p.items[1].Published.IsZero() {
		t.Fatalf("items %+v, err %v: want both links with their dates", p.items, err)
	}
}

// A run stopped (SIGTERM) while the sink analyzes a page stops promptly and leaves the page
// pending with no attempt counted. signal.NotifyContext cancels with a cause ("terminated
// signal received"), and an analyzer that stops reports that cause, not context.Canceled: the
// crawler must still see the run stopping, not a failure of the page.
func TestStopDuringAnalysisLeavesThePagePending(t *testing.T) {
	site := newTestSite(t)
	site.addArticles(1, 2)
	site.handle("/rss.xml", html(rssFeed(site.srv.URL, 1, 2)))
	st := NewMemState()
	sigterm := errors.New("terminated signal received")
	ctx, stop := context.WithCancelCause(context.Background())
	analyzing := make(chan struct{})
	var once sync.Once
	sink := sinkFunc(func(ctx context.Context, p Page) (Outcome, error) {
		once.Do(func() { close(analyzing) })
		select { // an analysis that would take far longer than the test
		case <-ctx.Done():
			return "", fmt.Errorf("extract: analysis stopped: %w", context.Cause(ctx))
		case <-time.After(time.Minute):
			return New, nil
		}
	})
	go func() {
		<-analyzing
		stop(sigterm)
	}()
	opt := testOptions()
	opt.Parallelism = 1
	start := time.Now()
	s, err := Crawl(ctx, []Source{site.source([]string{site.url("/rss.xml")}, nil, nil)}, opt, st, sink)
	if !errors.Is(err, context.Canceled) || time.Since(start) > 20*time.Second {
		t.Fatalf("stopped run: err %v after %s; want Canceled, at once", err, time.Since(start))
	}
	for _, u := range []string{site.url("/news/1"), site.url("/news/2")} {
		if detail, attempts := st.DetailOf(u); st.StatusOf(u) != StatusPending || attempts != 0 {
			t.Errorf("%s: %q (%q, %d attempts); want pending, no attempt", u, st.StatusOf(u), detail, attempts)
		}
	}
	if s.Failed != 0 || s.Pending != 2 {
		t.Errorf("stats %+v; want nothing failed, both pages left for the next run", s)
	}
}

// sinkFunc adapts a function to Sink.
type sinkFunc func(ctx context.Context, p Page) (Outcome, error)

func (f sinkFunc) HandlePage(ctx context.Context, p Page) (Outcome, error) { return f(ctx, p) }

// TestFrontierReadAPageAtATime: a run reads its frontier in pages of pendingPage entries
// rather than all of it at once (a 100,000-URL sitemap held for the whole run), and still
// fetches every entry once, pages whose fetch failed included, and honours the run's cap
// across pages.
func TestFrontierReadAPageAtATime(t *testing.T) {
	const n = 2*pendingPage + 40
	site := newTestSite(t)
	site.addArticles(1, n)
	ids := make([]int, n)
	for i := range ids {
		ids[i] = i + 1
	}
	site.handle("/rss.xml", conditional("application/rss+xml", func() string { return rssFeed(site.srv.URL, ids...) }))
	src := site.source([]string{site.url("/rss.xml")}, nil, nil)
	st := NewMemState()
	rec := &recorder{state: st, fail: func(p Page) error {
		if strings.HasSuffix(p.URL, "/7") {
			return errors.New("sink refused it")
		}
		return nil
	}}
	opt := testOptions()
	opt.MaxPagesPerRun = pendingPage + 10
	s1 := crawlOnce(t, src, opt, st, rec)
	if s1.Fetched != pendingPage+10 || s1.Pending != n-pendingPage-10+1 {
		t.Fatalf("capped run: fetched %d, left %d; want %d and %d", s1.Fetched, s1.Pending, pendingPage+10, n-pendingPage-10+1)
	}
	opt.MaxPagesPerRun = 0
	st.pendingCalls, st.mostListed = 0, 0
	s2 := crawlOnce(t, src, opt, st, rec)
	// The rest, and the failed page again.
	if s2.Fetched != n-pendingPage-10+1 || site.articleHits() != n+1 {
		t.Errorf("second run fetched %d (requests in all %d); want %d, every page once and the failed one twice", s2.Fetched, site.articleHits(), n-pendingPage-10+1)
	}
	if st.mostListed > pendingPage || st.pendingCalls < 2 {
		t.Errorf("the frontier was read in %d calls of at most %d entries; want pages of at most %d", st.pendingCalls, st.mostListed, pendingPage)
	}
}
