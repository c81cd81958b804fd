package watch

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/armswatch/armswatch/extract"
	"github.com/armswatch/armswatch/store"
)

const twoWatches = `
[[watch]]
name = "ryabkov-new-start"
speaker = "Ryabkov"
treaty = "new_start"
notify = ["webhook"]

[[watch]]
name = "warhead-numbers"
figure_category = ["deployed_warheads", "warheads_total"]
min_value = 1000
notify = ["webhook"]

[notify.webhook]
url = "https://hooks.example.org/armswatch"
`

func runOnce(t *testing.T, db store.Store, rec *recorder, opts func(*Runner)) []Result {
	t.Helper()
	c := loadWatches(t, twoWatches)
	r := &Runner{DB: db, Watches: c.Watches, Notifiers: map[string]Notifier{"webhook": rec}}
	if opts != nil {
		opts(r)
	}
	res, err := r.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestFirstRunSendsNothingOldThenOnlyWhatIsNew(t *testing.T) {
	onBackends(t, func(t *testing.T, b backend) {
		db, _ := b.open(t)
		save(t, db, ryabkov(1))
		rec := &recorder{}
		runOnce(t, db, rec, nil)
		if len(rec.sent) != 0 {
			t.Fatalf("a new watch's first run sent old items: %v", rec.texts())
		}
		save(t, db, ryabkov(2))
		res := runOnce(t, db, rec, nil)
		got := rec.texts()
		if len(got) != 2 || !strings.Contains(got[0], "New START limits for now, round 2") || got[1] != "no more than 1,550 deployed warheads" {
			t.Fatalf("second run sent %q", got)
		}
		if len(res[0].Matches) != 1 || res[0].Sent["webhook"] != 1 || len(res[1].Matches) != 1 {
			t.Errorf("results: %+v", res)
		}
		runOnce(t, db, rec, nil)
		if n := len(rec.texts()); n != 2 {
			t.Fatalf("a run with nothing new sent again: %q", rec.texts())
		}
		// The article is updated: its old statement stays, one is added. Only the new one goes out,
		// though the save gave every statement a new row id.
		a := ryabkov(2)
		a.Analysis.Title += " (updated)"
		added := ryabkov(3).Analysis.Statements[0]
		// Another statement, not a near copy of one the article holds (stories would group those).
		added.Text = "The ministry has had no answer from Washington on verification, round 3"
		a.Analysis.Statements = append(a.Analysis.Statements, added)
		save(t, db, a)
		runOnce(t, db, rec, nil)
		got = rec.texts()
		if len(got) != 3 || !strings.Contains(got[2], "round 3") {
			t.Fatalf("after the update: %q", got)
		}
	})
}

func TestBackfillSendsWhatIsStored(t *testing.T) {
	onBackends(t, func(t *testing.T, b backend) {
		db, _ := b.open(t)
		save(t, db, ryabkov(1), ryabkov(2))
		rec := &recorder{}
		runOnce(t, db, rec, func(r *Runner) { r.Backfill = true })
		if n := len(rec.texts()); n != 4 {
			t.Fatalf("backfill sent %d items, want 2 statements and 2 figures: %q", n, rec.texts())
		}
		runOnce(t, db, rec, func(r *Runner) { r.Backfill = true })
		if n := len(rec.texts()); n != 4 {
			t.Fatalf("backfill of a watch that has run sent again: %q", rec.texts())
		}
	})
}

func TestDryRunRecordsNothing(t *testing.T) {
	onBackends(t, func(t *testing.T, b backend) {
		db, _ := b.open(t)
		save(t, db, ryabkov(1))
		rec := &recorder{}
		res := runOnce(t, db, rec, func(r *Runner) { r.DryRun = true; r.Backfill = true })
		if len(res[0].Matches) != 1 || len(res[1].Matches) != 1 || len(rec.sent) != 0 {
			t.Fatalf("dry run: %+v, sent %q", res, rec.texts())
		}
		states, err := db.WatchStates(context.Background())
		if err != nil || len(states) != 0 {
			t.Fatalf("dry run recorded state: %v %v", states, err)
		}
		// The real first run after a dry run still counts as the first.
		runOnce(t, db, rec, nil)
		if len(rec.sent) != 0 {
			t.Fatalf("sent %q", rec.texts())
		}
	})
}

func TestQueryWatchUsesFullTextSearch(t *testing.T) {
	onBackends(t, func(t *testing.T, b backend) {
		if !b.fts {
			t.Skip("query watches need FTS5: -tags sqlite_fts5")
		}
		db, _ := b.open(t)
		c := loadWatches(t, `
[[watch]]
name = "tests"
query = "nuclear tests"
notify = ["webhook"]

[[watch]]
name = "peskov-direct"
speaker = "peskov"
kind = "direct"
query = "Kremlin NOT resume"
notify = ["webhook"]

[notify.webhook]
url = "https://hooks.example.org/armswatch"
`)
		rec := &recorder{}
		r := &Runner{DB: db, Watches: c.Watches, Notifiers: map[string]Notifier{"webhook": rec}}
		if _, err := r.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		save(t, db, ryabkov(1))
		res, err := r.Run(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if len(res[0].Matches) != 1 || res[0].Matches[0].Speaker != "Dmitry Peskov" || len(res[1].Matches) != 0 {
			t.Fatalf("matches: %+v", res)
		}
	})
}

func TestABadQueryFailsItsWatchOnly(t *testing.T) {
	onBackends(t, func(t *testing.T, b backend) {
		if !b.queryErrors {
			t.Skip("PostgreSQL reads any query (websearch_to_tsquery): none is malformed")
		}
		db, _ := b.open(t)
		c := loadWatches(t, `
[[watch]]
name = "broken"
query = 'treaty AND ("new'
notify = ["webhook"]
`+strings.TrimPrefix(twoWatches, "\n"))
		rec := &recorder{}
		r := &Runner{DB: db, Watches: c.Watches, Notifiers: map[string]Notifier{"webhook": rec}}
		if _, err := r.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		save(t, db, ryabkov(1))
		res, err := r.Run(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if res[0].Err() == nil || len(res[1].Matches) != 1 || len(rec.sent) != 2 {
			t.Fatalf("results: %+v", res)
		}
		hs, _ := db.WatchHealth(context.Background())
		if hs[0].Watch != "broken" || !strings.Contains(hs[0].LastError, "query: ") {
			t.Errorf("health: %+v", hs)
		}
	})
}

// copyOf is a's text republished by another outlet two hours later (syndication).
func copyOf(a *store.Article, url, source string) *store.Article {
	an := *a.Analysis
	an.URL, an.CanonicalURL, an.Source, an.Profile = url, url, source, "generic"
	an.Published = &extract.Time{Time: a.Analysis.Published.Time.Add(2 * time.Hour)}
	return &store.Article{URL: url, Source: source, FetchedAt: a.FetchedAt.Add(2 * time.Hour), Analysis: &an}
}

// A quote and a figure carried by two outlets go out once, from the first report, naming the
// other outlet; the copy arriving in a later run sends nothing.
func TestSyndicatedCopyIsSentOnce(t *testing.T) {
	onBackends(t, func(t *testing.T, b backend) {
		db, _ := b.open(t)
		rec := &recorder{}
		runOnce(t, db, rec, nil)
		orig := ryabkov(1)
		save(t, db, orig, copyOf(orig, "https://wire.example/world/ryabkov-new-start", "wire"))
		runOnce(t, db, rec, nil)
		got := rec.texts()
		if len(got) != 2 {
			t.Fatalf("sent %q, want the statement and the figure once each", got)
		}
		for _, batch := range rec.sent {
			for _, it := range batch {
				if it.Article.Source != "tass" || len(it.AlsoReportedBy) != 1 || it.AlsoReportedBy[0] != "wire" {
					t.Errorf("%q from %s, also reported by %v; want tass, also wire", it.Text, it.Article.Source, it.AlsoReportedBy)
				}
			}
		}
		if text := Text(&loadWatches(t, twoWatches).Watches[0], rec.sent[0]); !strings.Contains(text, "also reported by wire") {
			t.Errorf("the message does not name the other outlet:\n%s", text)
		}
		save(t, db, copyOf(orig, "https://digest.example/news/1", "digest"))
		runOnce(t, db, rec, nil)
		if n := len(rec.texts()); n != 2 {
			t.Fatalf("a later copy was sent again: %q", rec.texts())
		}
	})
}
