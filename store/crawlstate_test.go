package store_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/armswatch/armswatch/extract"
	"github.com/armswatch/armswatch/store"
)

func TestFrontierLifecycle(t *testing.T) {
	db, _ := openTemp(t)
	ctx := context.Background()
	pub := time.Date(2020, 10, 21, 10, 5, 0, 0, time.UTC)
	items := []store.FrontierItem{{URL: "https://tass.com/politics/1", Published: pub}, {URL: "https://tass.com/politics/2"}}
	if n, err := db.Enqueue(ctx, "tass", items, false); err != nil || n != 2 {
		t.Fatalf("enqueue: %d %v", n, err)
	}
	if n, _ := db.Enqueue(ctx, "tass", items, false); n != 0 {
		t.Fatalf("enqueue again added %d", n)
	}
	p, err := db.Pending(ctx, "tass", 0, 0)
	if err != nil || len(p) != 2 || p[0].URL != items[0].URL || !p[0].Published.Equal(pub) {
		t.Fatalf("pending: %+v %v", p, err)
	}
	// A page after the first entry holds the second alone; the count is of all.
	if next, _ := db.Pending(ctx, "tass", p[0].Seq, 5); len(next) != 1 || next[0].URL != items[1].URL {
		t.Fatalf("pending after %d: %+v", p[0].Seq, next)
	}
	if n, err := db.CountPending(ctx, "tass"); n != 2 || err != nil {
		t.Fatalf("count pending: %d %v", n, err)
	}
	db.Finish(ctx, items[0].URL, store.FrontierDone, "", 3)
	db.Finish(ctx, items[1].URL, store.FrontierFailed, "503", 2)
	// A failed URL waits for its next attempt (15 minutes later), then is given up.
	if p, _ := db.Pending(ctx, "tass", 0, 0); len(p) != 0 {
		t.Fatalf("pending after finish: %+v", p)
	}
	if n, _ := db.CountPending(ctx, "tass"); n != 0 {
		t.Fatalf("count pending after finish: %d", n)
	}
	db.Finish(ctx, items[1].URL, store.FrontierFailed, "503", 2)
	if n := count(t, db, "SELECT count(*) FROM frontier WHERE state = 'gone' AND attempts = 2 AND last_error = '503'"); n != 1 {
		t.Fatal("a URL failing giveUpAfter times is not gone")
	}
	// refresh makes known URLs pending again.
	db.Enqueue(ctx, "tass", items, true)
	if p, _ := db.Pending(ctx, "tass", 0, 1); len(p) != 1 {
		t.Fatalf("pending after refresh with limit 1: %+v", p)
	}
}

func TestValidatorsAndFeeds(t *testing.T) {
	db, _ := openTemp(t)
	ctx := context.Background()
	if e, l, err := db.Validators(ctx, "https://tass.com/rss/v2.xml"); e != "" || l != "" || err != nil {
		t.Fatalf("unknown document: %q %q %v", e, l, err)
	}
	db.SaveValidators(ctx, "https://tass.com/rss/v2.xml", `"abc"`, "Wed, 21 Oct 2020 10:00:00 GMT")
	db.SaveValidators(ctx, "https://tass.com/rss/v2.xml", `"def"`, "")
	if e, l, _ := db.Validators(ctx, "https://tass.com/rss/v2.xml"); e != `"def"` || l != "" {
		t.Fatalf("validators %q %q", e, l)
	}
	db.AddDiscoveredFeed(ctx, "tass", "https://tass.com/rss/politics.xml")
	db.AddDiscoveredFeed(ctx, "tass", "https://tass.com/rss/politics.xml")
	if f, _ := db.DiscoveredFeeds(ctx, "tass"); len(f) != 1 {
		t.Fatalf("feeds %v", f)
	}
}

func TestDuplicateOfAndHasArticle(t *testing.T) {
	db, _ := openTemp(t)
	ctx := context.Background()
	body := "MOSCOW, October 21. /TASS/. Russia is ready to freeze its warheads, Ryabkov said."
	an := extract.Text(body, extract.Options{URL: "https://tass.com/politics/1"})
	an.CanonicalURL = "https://tass.com/politics/1"
	if _, err := db.SaveArticle(ctx, &store.Article{URL: "https://tass.com/politics/1", Source: "tass", FetchedAt: time.Now(), Analysis: an}); err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{"https://tass.com/politics/1"} {
		if ok, _ := db.HasArticle(ctx, u); !ok {
			t.Fatalf("HasArticle(%s) false", u)
		}
	}
	// Same content at another URL: a duplicate by content hash.
	copy1 := extract.Text(body, extract.Options{URL: "https://tass.com/amp/1"})
	if d, _ := db.DuplicateOf(ctx, "https://tass.com/amp/1", copy1); d != "https://tass.com/politics/1" {
		t.Fatalf("content duplicate not found: %q", d)
	}
	// Other content, same canonical URL: a duplicate by canonical URL.
	other := extract.Text("Another text entirely.", extract.Options{URL: "https://tass.com/print/1"})
	other.CanonicalURL = "https://tass.com/politics/1"
	if d, _ := db.DuplicateOf(ctx, "https://tass.com/print/1", other); d == "" {
		t.Fatal("canonical duplicate not found")
	}
	// The article itself, saved again, is not its own duplicate.
	if d, _ := db.DuplicateOf(ctx, "https://tass.com/politics/1", an); d != "" {
		t.Fatalf("an article is a duplicate of itself: %q", d)
	}
}

func TestHealth(t *testing.T) {
	db, _ := openTemp(t)
	ctx := context.Background()
	id, _ := db.StartRun(ctx, []string{"tass", "ria"})
	db.FinishRun(ctx, id, store.RunStats{Status: store.RunOK, Fetched: 4, New: 3, Failed: 1})
	db.RecordRunSources(ctx, id, []store.RunSource{
		{Source: "tass", Documents: 2, Fetched: 4, New: 3, Failed: 1},
		{Source: "ria", Documents: 1, DocumentErrors: 1, LastError: "robots.txt: connection refused"},
	})
	hs, err := db.Health(ctx)
	if err != nil || len(hs) != 2 {
		t.Fatalf("health: %+v %v", hs, err)
	}
	ria, tass := hs[0], hs[1]
	if tass.LastSuccess == nil || tass.ErrorRate != 1.0/6 || tass.Runs != 1 {
		t.Errorf("tass health %+v", tass)
	}
	if ria.LastSuccess != nil || ria.ErrorRate != 1 || !strings.Contains(ria.LastError, "refused") {
		t.Errorf("ria health %+v", ria)
	}
}

func TestLockNamesTheHolder(t *testing.T) {
	path := t.TempDir() + "/a.db"
	l, err := store.LockDB(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = store.LockDB(path)
	var le *store.LockedError
	if !errors.As(err, &le) || le.PID != os.Getpid() || time.Since(le.Started) > time.Minute {
		t.Fatalf("second lock: %v", err)
	}
	l.Unlock()
	l2, err := store.LockDB(path)
	if err != nil {
		t.Fatalf("lock after unlock: %v", err)
	}
	l2.Unlock()
}
