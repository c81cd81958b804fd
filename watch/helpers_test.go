package watch

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/armswatch/armswatch/config"
	"github.com/armswatch/armswatch/extract"
	"github.com/armswatch/armswatch/extract/figures"
	"github.com/armswatch/armswatch/extract/statements"
	"github.com/armswatch/armswatch/extract/textutil"
	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/pgstore"
	"github.com/armswatch/armswatch/store/pgstore/pgtest"
)

// said is a statement of a test article.
type said struct{ speaker, text, treaty string }

// fig is a figure of a test article.
type fig struct {
	text, category, treaty string
	value                  float64
}

// article builds an analyzed article as the crawler would save it: one paragraph per
// statement ("TEXT," SPEAKER said.) then one per figure.
func article(url, title string, published time.Time, ss []said, fs []fig) *store.Article {
	an := &extract.Analysis{AnalyzerVersion: extract.Version, URL: url, CanonicalURL: url, Source: "tass",
		Profile: "tass", Language: "en", Title: title, Published: &extract.Time{Time: published},
		Authors: []string{}, Warnings: []string{}}
	var paras []string
	off := 0
	for i, s := range ss {
		para := `"` + s.text + `," ` + s.speaker + ` said.`
		start := off + 1
		an.Statements = append(an.Statements, extract.Statement{Statement: statements.Statement{Kind: "direct",
			Text: s.text, Speaker: s.speaker, SpeakerKind: "person", Cue: "said", Paragraph: i,
			Start: start, End: start + len(s.text), Spans: [][2]int{{start, start + len(s.text)}}}, Treaty: s.treaty})
		paras = append(paras, para)
		off += len(para) + len(textutil.ParagraphSep)
	}
	for i, f := range fs {
		para := "The treaty limits the sides to " + f.text + "."
		start := off + len("The treaty limits the sides to ")
		an.Figures = append(an.Figures, extract.Figure{Figure: figures.Figure{Text: f.text, Value: f.value,
			Comparator: "<=", Unit: "warhead", Category: f.category, Treaty: f.treaty, Paragraph: len(ss) + i,
			Start: start, End: start + len(f.text)}, Sentence: para})
		paras = append(paras, para)
		off += len(para) + len(textutil.ParagraphSep)
	}
	an.Body = strings.Join(paras, textutil.ParagraphSep)
	return &store.Article{URL: url, Source: "tass", FetchedAt: published.Add(time.Hour), Analysis: an}
}

var day = time.Date(2026, 11, 5, 9, 0, 0, 0, time.UTC)

// ryabkov is an article with a New START statement by Ryabkov and one by Peskov on the CTBT.
func ryabkov(n int) *store.Article {
	return article(fmt.Sprintf("https://tass.com/politics/%d", 1000+n), fmt.Sprintf("Ryabkov on New START, part %d", n), day.Add(time.Duration(n)*4*24*time.Hour), // days apart: not one statement repeated (stories groups those)
		[]said{{"Sergei Ryabkov", fmt.Sprintf("Russia will keep observing the New START limits for now, round %d", n), "new_start"},
			{"Dmitry Peskov", fmt.Sprintf("The Kremlin sees no reason to resume nuclear tests, round %d", n), "ctbt"}},
		[]fig{{"no more than 1,550 deployed warheads", "deployed_warheads", "new_start", 1550},
			{"700 deployed missiles", "deployed_delivery_vehicles", "new_start", 700}})
}

func openDB(t *testing.T) (*store.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "w.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

// backend is a database the watch tests run on: SQLite always, PostgreSQL when
// ARMSWATCH_TEST_POSTGRES names a server (the subtest skips otherwise).
type backend struct {
	name string
	// open returns an empty database, closed by the test's cleanup, and a function opening it
	// again as another process would (closed by the caller).
	open func(t *testing.T) (store.Store, func() (store.Store, error))
	// fts tells whether full-text queries run (PostgreSQL's always do).
	fts bool
	// queryErrors tells whether a malformed query is an error (FTS5's); PostgreSQL reads any
	// query (websearch_to_tsquery).
	queryErrors bool
}

var backends = []backend{
	{name: "sqlite", fts: builtWithFTS5, queryErrors: true,
		open: func(t *testing.T) (store.Store, func() (store.Store, error)) {
			db, path := openDB(t)
			return db, func() (store.Store, error) { return store.Open(path) }
		}},
	{name: "postgres", fts: true,
		open: func(t *testing.T) (store.Store, func() (store.Store, error)) {
			u := pgtest.URL(t)
			ctx := context.Background()
			db, err := pgstore.Open(ctx, u)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			return db, func() (store.Store, error) { return pgstore.Open(ctx, u) }
		}},
}

// onBackends runs fn as a subtest on each backend: one test body, two stores.
func onBackends(t *testing.T, fn func(t *testing.T, b backend)) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) { fn(t, b) })
	}
}

func save(t *testing.T, db store.Store, as ...*store.Article) {
	t.Helper()
	for _, a := range as {
		if _, err := db.SaveArticle(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
}

// loadWatches parses a config of watches and notifiers as config.toml would hold them.
func loadWatches(t *testing.T, toml string) *config.Config {
	t.Helper()
	c, err := config.Parse(filepath.Join(t.TempDir(), "config.toml"), []byte(toml))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// recorder is a notifier that keeps what it was sent.
type recorder struct {
	sent [][]Item
	err  error
}

func (r *recorder) Send(_ context.Context, _ *config.Watch, items []Item) error {
	if r.err != nil {
		return r.err
	}
	r.sent = append(r.sent, append([]Item(nil), items...))
	return nil
}
func (r *recorder) Batch() int     { return 0 }
func (r *recorder) Rebuilds() bool { return false }

func (r *recorder) texts() []string {
	var out []string
	for _, b := range r.sent {
		for _, it := range b {
			out = append(out, it.Text)
		}
	}
	return out
}
