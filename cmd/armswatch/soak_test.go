package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/armswatch/armswatch/internal/procmem"
)

// The soak test: a crawl of a loopback site whose pages fail in every way the crawler meets
// (random per page, reproducible by seed), killed with SIGKILL at random moments, must end
// with every good article stored exactly once, an intact database, and a peak RSS close to
// that of a clean 1,000-page crawl: memory must not grow with the size of the crawl.
//
// CI runs 2,000 pages and 4 kills; ARMSWATCH_SOAK=full runs 5,000 pages and 10 kills.
// ARMSWATCH_SOAK_SEED=n replays one run.

type soakFault int

const (
	soakGood      soakFault = iota
	soakGzip                // good, Content-Encoding: gzip
	soakTransient           // 503 to the first request, then good
	soakCut                 // cut mid-body on the first request, then good
	soakRedirect            // redirects to its good final URL
	soakSlow                // good, 100ms late
	soakNotFound            // 404: gone
	soakAlways500           // 500 every time: failed
	soakPDF                 // a PDF: skipped
	soakBomb                // a gzip bomb: gone
)

// soakMix is how often each fault is drawn, in percent.
var soakMix = []struct {
	f   soakFault
	pct int
}{
	{soakGzip, 4}, {soakTransient, 4}, {soakCut, 3}, {soakRedirect, 3}, {soakSlow, 2},
	{soakNotFound, 3}, {soakAlways500, 2}, {soakPDF, 2}, {soakBomb, 1},
}

func (f soakFault) good() bool { return f <= soakSlow }

type soakSite struct {
	*httptest.Server
	faults []soakFault // by page id - 1
	mu     sync.Mutex
	asked  map[int]int
	bomb   []byte
}

var soakPage = regexp.MustCompile(`^/politics/(\d+)(/final)?$`)

func newSoakSite(t *testing.T, n int, rng *rand.Rand) *soakSite {
	s := &soakSite{faults: make([]soakFault, n), asked: map[int]int{}}
	for i := range s.faults {
		r := rng.IntN(100)
		for _, m := range soakMix {
			if r < m.pct {
				s.faults[i] = m.f
				break
			}
			r -= m.pct
		}
	}
	var member bytes.Buffer
	w, _ := gzip.NewWriterLevel(&member, gzip.BestCompression)
	w.Write(make([]byte, 1<<20))
	w.Close()
	s.bomb = bytes.Repeat(member.Bytes(), 256) // 256 MiB inflated
	var feed bytes.Buffer
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nAllow: /\n")
		case "/rss.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write(feed.Bytes())
		default:
			s.page(w, r)
		}
	}))
	t.Cleanup(s.Close)
	feed.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Soak</title>`)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&feed, `<item><title>Report %d</title><link>%s/politics/%d</link><pubDate>Wed, 05 Nov 2025 17:05:00 +0300</pubDate></item>`, 10000+i, s.URL, 10000+i)
	}
	feed.WriteString(`</channel></rss>`)
	return s
}

func (s *soakSite) page(w http.ResponseWriter, r *http.Request) {
	m := soakPage.FindStringSubmatch(r.URL.Path)
	id := 0
	if m != nil {
		id, _ = strconv.Atoi(m[1])
	}
	if id <= 10000 || id > 10000+len(s.faults) {
		http.NotFound(w, r)
		return
	}
	s.mu.Lock()
	s.asked[id]++
	first := s.asked[id] == 1
	s.mu.Unlock()
	body := soakArticle(id)
	switch f := s.faults[id-10001]; {
	case f == soakGzip:
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		gw := gzip.NewWriter(w)
		gw.Write([]byte(body))
		gw.Close()
		return
	case f == soakTransient && first:
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return
	case f == soakCut && first:
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.Write([]byte(body[:len(body)/2]))
		panic(http.ErrAbortHandler)
	case f == soakRedirect && m[2] == "":
		http.Redirect(w, r, r.URL.Path+"/final", http.StatusMovedPermanently)
		return
	case f == soakSlow:
		time.Sleep(100 * time.Millisecond)
	case f == soakNotFound:
		http.NotFound(w, r)
		return
	case f == soakAlways500:
		http.Error(w, "broken", http.StatusInternalServerError)
		return
	case f == soakPDF:
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprintf(w, "%%PDF-1.4\n%% report %d\n", id)
		return
	case f == soakBomb:
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Type", "text/html")
		w.Write(s.bomb)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, body)
}

func soakArticle(id int) string {
	return fmt.Sprintf(`<html><head><title>Report %d</title></head><body><article><h1>Report %d on strategic stability</h1>
<p>MOSCOW, November 5. /TASS/. Russia and the United States each keep no more than 1,550 deployed warheads under the New START treaty, report %d said.</p>
<p>"We remain open to dialogue," Deputy Foreign Minister Sergey Ryabkov told reporters on Tuesday, in statement %d.</p></article></body></html>`, id, id, id, id)
}

func soakConfig(t *testing.T, dir, base string) string {
	cfg := fmt.Sprintf(`database = %q
[crawl]
parallelism = 4
delay = "0s"
random_delay = "0s"
timeout = "5s"
max_body_bytes = 2097152
max_pages_per_run = 100000
max_pages_per_host = 100000
allow_private_addresses = true
[[sources]]
name = "soak"
feeds = ["%[2]s/rss.xml"]
article_pattern = '^%[3]s/politics/\d+$'
`, filepath.Join(dir, "soak.db"), base, regexp.QuoteMeta(base))
	path := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(path, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// soakChild runs one crawl as a child process (this test binary, see TestMain), killed with
// SIGKILL after killAfter (0: let it finish), and returns its peak RSS in KiB.
func soakChild(t *testing.T, cfg string, killAfter time.Duration) (maxRSS int64, killed bool) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "ARMSWATCH_TEST_CLI="+strings.Join([]string{"crawl", "--config", cfg, "--quiet"}, "\x1f"))
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	peak := procmem.WatchHWM(cmd.Process.Pid) // not rusage: it counts this test's own peak in
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	if killAfter > 0 {
		select {
		case err = <-done:
		case <-time.After(killAfter):
			cmd.Process.Signal(syscall.SIGKILL)
			err = <-done
			killed = true
		}
	} else {
		select {
		case err = <-done:
		case <-time.After(5 * time.Minute):
			cmd.Process.Kill()
			t.Fatal("a crawl of the soak site did not end within 5 minutes")
		}
	}
	maxRSS = peak() >> 10
	if !killed && err != nil {
		t.Fatalf("crawl: %v\n%s", err, errb.String())
	}
	return maxRSS, killed
}

func TestSoakKilledCrawlOfAFaultySite(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls thousands of pages in child processes")
	}
	pages, kills := 2000, 4
	if os.Getenv("ARMSWATCH_SOAK") == "full" {
		pages, kills = 5000, 10
	}
	seed := uint64(time.Now().UnixNano())
	if s, err := strconv.ParseUint(os.Getenv("ARMSWATCH_SOAK_SEED"), 10, 64); err == nil {
		seed = s
	}
	t.Logf("seed %d (ARMSWATCH_SOAK_SEED=%d replays it)", seed, seed)
	rng := rand.New(rand.NewPCG(seed, 1))

	// The reference: 1,000-page crawls of sites with the same mix of faults, never killed, as
	// many as make the pages of the soak (5 for 5,000). A peak is the largest of many samples
	// of a noisy quantity (the heap the GC lets grow between cycles, which follows what the
	// pages in flight hold when it marks), so one 1,000-page crawl against one of 5,000 would
	// measure the longer crawl's extra samples, not growth: a crawl whose memory grows with
	// its size still peaks above every 1,000-page crawl.
	var refRSS int64
	var refs []int64
	for i := range pages / 1000 {
		ref := newSoakSite(t, 1000, rand.New(rand.NewPCG(seed, uint64(2+i))))
		rss, _ := soakChild(t, soakConfig(t, t.TempDir(), ref.URL), 0)
		refRSS = max(refRSS, rss)
		refs = append(refs, rss>>10)
	}

	site := newSoakSite(t, pages, rng)
	dir := t.TempDir()
	cfg := soakConfig(t, dir, site.URL)
	dbPath := filepath.Join(dir, "soak.db")
	var peak int64
	killedAt, rsses := []int{}, []int64{}
	start := time.Now()
	for k := 0; k < kills; k++ {
		// Kill anywhere from start-up to well into the crawl of the remaining pages.
		rss, killed := soakChild(t, cfg, time.Duration(100+rng.IntN(2400))*time.Millisecond)
		peak = max(peak, rss)
		rsses = append(rsses, rss>>10)
		if killed {
			killedAt = append(killedAt, storedArticles(dbPath))
		}
	}
	before := storedArticles(dbPath)
	rss, _ := soakChild(t, cfg, 0)
	peak = max(peak, rss)
	rsses = append(rsses, rss>>10)
	t.Logf("%d pages, %d kills (articles stored at each: %v), then a full run of the other %d: %s; peak RSS %d MiB (of each run: %v MiB), 1,000-page crawls %v MiB: %+.1f%% over the first, %+.1f%% over their peak",
		pages, len(killedAt), killedAt, pages-before, time.Since(start).Round(time.Second), peak>>10, rsses, refs,
		100*(float64(peak>>10)/float64(refs[0])-1), 100*(float64(peak)/float64(refRSS)-1))

	db := openSQL(t, dbPath)
	var integrity string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&integrity); err != nil || integrity != "ok" {
		t.Fatalf("integrity_check: %q %v", integrity, err)
	}
	rows, err := db.Query("SELECT url FROM articles")
	if err != nil {
		t.Fatal(err)
	}
	stored := map[int]int{}
	for rows.Next() {
		var u string
		rows.Scan(&u)
		pu, _ := url.Parse(u)
		m := soakPage.FindStringSubmatch(pu.Path)
		if m == nil {
			t.Errorf("stored %s, which is no article of the site", u)
			continue
		}
		id, _ := strconv.Atoi(m[1])
		stored[id]++
	}
	rows.Close()
	missing, twice, bad := 0, 0, 0
	for i, f := range site.faults {
		id := 10001 + i
		switch n := stored[id]; {
		case f.good() && n == 0:
			missing++
		case n > 1:
			twice++
		case !f.good() && n > 0:
			bad++
		}
	}
	if missing+twice+bad > 0 {
		t.Errorf("%d good articles missing, %d stored more than once, %d bad pages stored", missing, twice, bad)
	}
	if n := queryInt(t, db, "SELECT count(*) FROM frontier WHERE state = 'pending'"); n != 0 {
		t.Errorf("%d frontier entries still pending after the last run", n)
	}
	if n := queryInt(t, db, "SELECT count(*) FROM frontier WHERE last_error LIKE 'skipped: not HTML (application/pdf)%'"); n != countFaults(site.faults, soakPDF) {
		t.Errorf("%d PDFs recorded as skipped, want %d", n, countFaults(site.faults, soakPDF))
	}
	// Issue 21's bound. What grew with the crawl was SQLite's page caches (2 MiB a connection,
	// filling as the database grew), the frontier held for the whole run, and the story counts
	// recomputed from every article of a story; with those bounded, the Go heap's live size
	// stays at 6-7 MB through a 5,000-page crawl and what is left of the difference is how high
	// the collector lets the heap rise over it when a gzip bomb's 2 MiB arrives, which the
	// references (one per 1,000 pages of the soak) sample as often as the soak does: +4.0%,
	// -0.1% and +1.8% in three full runs at load 10-20. Under the race detector RSS holds its
	// shadow memory, which follows every address the heap ever used rather than the live data,
	// so it gets a wider margin.
	margin := 1.10
	if raceBuild() {
		margin = 1.25
	}
	if float64(peak) > margin*float64(refRSS) {
		t.Errorf("peak RSS %d KiB, more than %.0f%% over the peak of %d 1,000-page crawls, %d KiB", peak, (margin-1)*100, len(refs), refRSS)
	}
}

func countFaults(fs []soakFault, f soakFault) int {
	n := 0
	for _, x := range fs {
		if x == f {
			n++
		}
	}
	return n
}

// TestSummaryLeftForLater: the summary's "left for later" is what the frontier holds at the
// end of the run, including pages a capped run never looked at.
func TestSummaryLeftForLater(t *testing.T) {
	srv, _ := bigSite(t, 50, false)
	dir := t.TempDir()
	cfg := bigConfig(t, dir, srv.URL)
	code, out, errs := runCLI(t, "", "crawl", "--config", cfg.Path, "--max-pages", "10")
	if code != 0 || !strings.Contains(out, "10 new") || !strings.Contains(out, "50 URLs discovered, 40 left for later") {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", code, out, errs)
	}
}

// raceBuild says whether this test binary was built with -race.
func raceBuild() bool {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range bi.Settings {
		if s.Key == "-race" && s.Value == "true" {
			return true
		}
	}
	return false
}
