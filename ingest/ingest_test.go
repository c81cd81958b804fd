package ingest

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/armswatch/armswatch/extract"
	"github.com/armswatch/armswatch/store"
)

// article is a page of ours in the shape of a news agency's article.
func article(title, speaker string, extra ...string) []byte {
	return []byte(fmt.Sprintf(`<!doctype html><html lang="en"><head><title>%s</title></head><body>
<header><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav></header>
<article><h1>%s</h1>
<p>MOSCOW, November 5. /TASS/. Russia and the United States each keep no more than 1,550 deployed
warheads under the treaty, the foreign ministry said on Wednesday.</p>
<p>"We remain open to dialogue on strategic stability," %s told reporters on Tuesday.</p>
%s
</article><footer>All rights reserved</footer></body></html>`, title, title, speaker, strings.Join(extra, "\n")))
}

func newIngester(t *testing.T) *Ingester {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "ingest.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return &Ingester{DB: db}
}

func page(url string, body []byte) Page {
	return Page{URL: url, Body: body, ContentType: "text/html; charset=utf-8", Source: "test",
		FetchedAt: time.Date(2025, 11, 5, 14, 0, 0, 0, time.UTC)}
}

func (in *Ingester) count(t *testing.T, where string, args ...any) int {
	t.Helper()
	rows, err := in.DB.Query(context.Background(), "SELECT count(*) FROM articles WHERE "+where, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		rows.Scan(&n)
	}
	return n
}

func (in *Ingester) warnings(t *testing.T, url string) string {
	t.Helper()
	rows, err := in.DB.Query(context.Background(), "SELECT warnings FROM articles WHERE url = ?", url)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	w := ""
	for rows.Next() {
		rows.Scan(&w)
	}
	return w
}

func TestNewUnchangedChanged(t *testing.T) {
	in := newIngester(t)
	ctx := context.Background()
	u := "https://tass.example/politics/1"
	want := []struct {
		body []byte
		out  Outcome
	}{
		{article("Ryabkov on New START", "Deputy Foreign Minister Sergey Ryabkov"), New},
		{article("Ryabkov on New START", "Deputy Foreign Minister Sergey Ryabkov"), Unchanged},
		{article("Ryabkov on New START", "Deputy Foreign Minister Sergey Ryabkov", "<p>He added that talks could resume next year.</p>"), Changed},
	}
	for i, w := range want {
		out, err := in.Ingest(ctx, page(u, w.body))
		if err != nil || out != w.out {
			t.Fatalf("ingest %d: %q, %v; want %q", i, out, err, w.out)
		}
	}
	if n := in.count(t, "url = ?", u); n != 1 {
		t.Fatalf("%d rows for %s, want 1", n, u)
	}
}

func TestKeywordsDecideWhatIsKept(t *testing.T) {
	in := newIngester(t)
	ctx := context.Background()
	p := page("https://tass.example/politics/2", article("Ryabkov on strategic stability", "Sergey Ryabkov"))
	// Whole words only: "INF" is not in "information", nor "START" in "restart".
	p.Keywords = []string{"INF", "Open Skies"}
	p.Body = article("Ryabkov on the information restart", "Sergey Ryabkov")
	if out, err := in.Ingest(ctx, p); err != nil || out != Skipped {
		t.Fatalf("no keyword: %q, %v; want skipped", out, err)
	}
	if n := in.count(t, "1"); n != 0 {
		t.Fatalf("a skipped page was stored (%d rows)", n)
	}
	// Any case, in the body: kept.
	p.Keywords = []string{"deployed WARHEADS"}
	if out, err := in.Ingest(ctx, p); err != nil || out != New {
		t.Fatalf("keyword in the body: %q, %v; want new", out, err)
	}
	// In the title only, in another script.
	p = page("https://tass.example/politics/3", article("Договор СНВ-3", "Sergey Ryabkov"))
	p.Keywords = []string{"снв-3"}
	if out, err := in.Ingest(ctx, p); err != nil || out != New {
		t.Fatalf("keyword in the title: %q, %v; want new", out, err)
	}
}

func TestDuplicates(t *testing.T) {
	in := newIngester(t)
	ctx := context.Background()
	body := article("Peskov on the treaty", "Kremlin spokesman Dmitry Peskov")
	if out, err := in.Ingest(ctx, page("https://tass.example/politics/4", body)); err != nil || out != New {
		t.Fatalf("first copy: %q, %v", out, err)
	}
	// The same article under another URL (a tracking parameter, a mirror): not stored again.
	if out, err := in.Ingest(ctx, page("https://tass.example/politics/4?utm_source=rss", body)); err != nil || out != Duplicate {
		t.Fatalf("same content elsewhere: %q, %v; want duplicate", out, err)
	}
	// Another text that names the stored article as its canonical URL.
	canon := article("Peskov on the treaty (updated)", "Kremlin spokesman Dmitry Peskov",
		`<p>The Kremlin declined to give a date.</p>`)
	canon = []byte(strings.Replace(string(canon), "<head>", `<head><link rel="canonical" href="https://tass.example/politics/4">`, 1))
	if out, err := in.Ingest(ctx, page("https://tass.example/amp/politics/4", canon)); err != nil || out != Duplicate {
		t.Fatalf("canonical URL of a stored article: %q, %v; want duplicate", out, err)
	}
	if n := in.count(t, "1"); n != 1 {
		t.Fatalf("%d articles stored, want 1", n)
	}
}

func TestNoBodyIsAnError(t *testing.T) {
	in := newIngester(t)
	_, err := in.Ingest(context.Background(), page("https://tass.example/politics/5",
		[]byte(`<html><head></head><body><nav><a href="/">Home</a></nav><script>render()</script></body></html>`)))
	if !errors.Is(err, ErrNoBody) {
		t.Fatalf("err %v, want ErrNoBody", err)
	}
	if n := in.count(t, "1"); n != 0 {
		t.Fatalf("a page without a body was stored")
	}
}

func TestPanicIsThePagesError(t *testing.T) {
	in := newIngester(t)
	in.analyze = func(context.Context, []byte, extract.Options) (*extract.Analysis, error) {
		var paras []string
		_ = paras[len(paras)] // what a bug on a strange page does: an index out of range
		return nil, nil
	}
	out, err := in.Ingest(context.Background(), page("https://tass.example/politics/6", article("t", "Sergey Ryabkov")))
	if err == nil || !strings.Contains(err.Error(), "analysis panicked") || out != "" {
		t.Fatalf("%q, %v; want the panic as an error", out, err)
	}
	if n := in.count(t, "1"); n != 0 {
		t.Fatalf("a page whose analysis panicked was stored")
	}
}

// A page past crawl.analysis_timeout is stored with what was found, and a warning that names
// the timeout and the stages not run.
func TestTimeoutStoresWithAWarning(t *testing.T) {
	in := newIngester(t)
	in.Timeout = time.Nanosecond // past before the first stage
	u := "https://tass.example/politics/7"
	out, err := in.Ingest(context.Background(), page(u, article("Ryabkov on New START", "Sergey Ryabkov")))
	if err != nil || out != New {
		t.Fatalf("%q, %v; want the page stored", out, err)
	}
	w := in.warnings(t, u)
	for _, want := range []string{"crawl.analysis_timeout of 1ns", "not done: dates, statements, figures, mentions, relevance"} {
		if !strings.Contains(w, want) {
			t.Errorf("warnings %s; want one saying %q", w, want)
		}
	}
	if n := in.count(t, "url = ? AND title = 'Ryabkov on New START' AND body LIKE '%1,550 deployed%'", u); n != 1 {
		t.Errorf("the title and body found before the timeout were not stored")
	}
}

// A run stopped (SIGTERM) during a page's analysis: an error that says so, and nothing stored,
// so that the crawler leaves the page for the next run.
func TestStopIsAnErrorAndNothingIsStored(t *testing.T) {
	in := newIngester(t)
	in.Timeout = time.Minute
	sigterm := errors.New("terminated signal received")
	ctx, stop := context.WithCancelCause(context.Background())
	stop(sigterm)
	_, err := in.Ingest(ctx, page("https://tass.example/politics/8", article("t", "Sergey Ryabkov")))
	if !errors.Is(err, extract.ErrStopped) || !errors.Is(err, sigterm) {
		t.Fatalf("err %v; want ErrStopped with the signal", err)
	}
	if n := in.count(t, "1"); n != 0 {
		t.Fatalf("a stopped analysis was stored")
	}
}

// However many fetch workers hand pages in at once, no more than Workers analyses run together,
// and every page is analyzed.
func TestAnalysesRunAtMostWorkersAtOnce(t *testing.T) {
	in := newIngester(t)
	in.Workers = 2
	var mu sync.Mutex
	running, most := 0, 0
	in.analyze = func(ctx context.Context, b []byte, opt extract.Options) (*extract.Analysis, error) {
		mu.Lock()
		running++
		most = max(most, running)
		mu.Unlock()
		time.Sleep(5 * time.Millisecond) // long enough for the other callers to pile up
		mu.Lock()
		running--
		mu.Unlock()
		return &extract.Analysis{Title: "t", Body: "MOSCOW. The talks went on."}, nil
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := range 8 {
		wg.Go(func() {
			_, err := in.Analyze(context.Background(), page(fmt.Sprintf("https://tass.example/politics/%d", 20+i), nil))
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if most != 2 {
		t.Fatalf("%d analyses ran at once; want Workers = 2", most)
	}
}

// A run stopped while a page waits for an analysis slot: the same stop error as during the
// analysis, so that the crawler leaves the page pending.
func TestStopWhileWaitingForASlot(t *testing.T) {
	in := newIngester(t)
	in.Workers = 1
	release := make(chan struct{})
	started := make(chan struct{})
	in.analyze = func(ctx context.Context, b []byte, opt extract.Options) (*extract.Analysis, error) {
		close(started)
		<-release
		return &extract.Analysis{Title: "t", Body: "b"}, nil
	}
	go in.Analyze(context.Background(), page("https://tass.example/politics/30", nil))
	<-started
	sigterm := errors.New("terminated signal received")
	ctx, stop := context.WithCancelCause(context.Background())
	time.AfterFunc(10*time.Millisecond, func() { stop(sigterm) })
	_, err := in.Analyze(ctx, page("https://tass.example/politics/31", nil))
	close(release)
	if !errors.Is(err, extract.ErrStopped) || !errors.Is(err, sigterm) {
		t.Fatalf("err %v; want ErrStopped with the signal", err)
	}
}
