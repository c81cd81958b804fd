package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/armswatch/armswatch/extract"
	"github.com/armswatch/armswatch/extract/statements"
	"github.com/armswatch/armswatch/store"
)

// Backend is one implementation of store.Store under the conformance suite.
type Backend struct {
	// Open returns a new, empty database opened read-write (closed by the test's cleanup), and
	// a function opening the same database read-only (closed by the caller).
	Open func(t *testing.T) (db store.Store, readOnly func() (store.Store, error))
	// Search is false when the backend cannot search (SQLite built without FTS5): the search
	// tests skip.
	Search bool
	// IsReadOnlyError tells a refused write on a read-only database from other errors.
	IsReadOnlyError func(error) bool
}

// Conformance runs the store's behavioural tests against b: the same tests for SQLite
// (store's tests) and PostgreSQL (store/pgstore's), so that both store and answer alike.
func Conformance(t *testing.T, b Backend) {
	tests := []struct {
		name string
		fn   func(*testing.T, Backend)
	}{
		{"SaveTwiceReplacesAnalysisRows", testSaveTwice},
		{"ReanalysisOfAReplacedPageIsNotSaved", testSuperseded},
		{"OpenReadOnlyRefusesWrites", testReadOnly},
		{"FiguresKeepTheirSentence", testFiguresKeepTheirSentence},
		{"StatementTreaty", testStatementTreaty},
		{"Runs", testRuns},
		{"StaleArticles", testStaleArticles},
		{"FrontierLifecycle", testFrontierLifecycle},
		{"ValidatorsAndFeeds", testValidatorsAndFeeds},
		{"DuplicateOfAndHasArticle", testDuplicateOf},
		{"Health", testHealth},
		{"ExportAndDigest", testExportAndDigest},
		{"SearchRanking", testSearchRanking},
		{"SearchFilters", testSearchFilters},
		{"SearchFollowsUpdates", testSearchFollowsUpdates},
		{"SearchRealistic", testSearchRealistic},
		{"ServeReads", testServeReads},
		{"WatchItems", testWatchItems},
		{"WatchDeliveries", testWatchDeliveries},
		{"PageDictionaries", testPageDictionaries},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, b) })
	}
}

// Count runs a query returning one integer.
func Count(t testing.TB, db store.Store, query string, args ...any) int {
	t.Helper()
	rows, err := db.Query(context.Background(), query, args...)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	var n int
	for rows.Next() {
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func saveAll(t *testing.T, db store.Store, arts []*store.Article) {
	t.Helper()
	for _, a := range arts {
		if _, err := db.SaveArticle(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
}

// testSuperseded: a re-analysis made from a stored page that a crawl has since replaced with a
// newer fetch is not saved (it would write the older page's analysis over the newer's); one
// made from the page stored now is.
func testSuperseded(t *testing.T, b Backend) {
	ctx := context.Background()
	db, _ := b.Open(t)
	a := Realistic(t)[0]
	read := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	a.FetchedAt = read
	if _, err := db.SaveArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	reanalysed := *a.Analysis
	reanalysed.Statements = reanalysed.Statements[:1]
	again := func() store.SaveResult {
		res, err := db.SaveArticle(ctx, &store.Article{URL: a.URL, Source: a.Source, FetchedAt: read, PageFetchedAt: read, Analysis: &reanalysed})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	// a crawl stores a newer fetch while the page read at 10:00 is being analysed again
	newer := *a
	newer.FetchedAt = read.Add(time.Hour)
	if _, err := db.SaveArticle(ctx, &newer); err != nil {
		t.Fatal(err)
	}
	want := Count(t, db, "SELECT count(*) FROM statements")
	if res := again(); !res.Superseded {
		t.Errorf("re-analysis of the replaced page: %+v, want Superseded", res)
	}
	if n := Count(t, db, "SELECT count(*) FROM statements"); n != want || want == 1 {
		t.Errorf("statements after a superseded re-analysis: %d, want the newer fetch's %d", n, want)
	}
	// a re-analysis of the page stored now is saved
	read = newer.FetchedAt
	if res := again(); res.Superseded {
		t.Errorf("re-analysis of the stored page: %+v, want saved", res)
	}
	if n := Count(t, db, "SELECT count(*) FROM statements"); n != 1 {
		t.Errorf("statements after the re-analysis: %d, want 1", n)
	}
}

func testSaveTwice(t *testing.T, b Backend) {
	ctx := context.Background()
	db, _ := b.Open(t)
	a := Realistic(t)[0]
	first, err := db.SaveArticle(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	if !first.New || first.Changed {
		t.Errorf("first save: %+v, want New", first)
	}
	counts := func() [5]int {
		return [5]int{Count(t, db, "SELECT count(*) FROM articles"), Count(t, db, "SELECT count(*) FROM statements"),
			Count(t, db, "SELECT count(*) FROM dates"), Count(t, db, "SELECT count(*) FROM figures"),
			Count(t, db, "SELECT count(*) FROM mentions")}
	}
	before := counts()
	if before[1] == 0 || before[3] == 0 || before[4] == 0 {
		t.Fatalf("the seed article saved no statements, figures or mentions: %v", before)
	}
	second, err := db.SaveArticle(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	if second.New || second.Changed || second.ArticleID != first.ArticleID {
		t.Errorf("second save: %+v, want same id, not new, not changed", second)
	}
	if after := counts(); after != before {
		t.Errorf("rows after saving twice %v, want %v", after, before)
	}
	// A changed body is reported as changed and its rows replaced.
	changed := *a.Analysis
	changed.Body += "\n\nA correction was added."
	changed.Statements = changed.Statements[:1]
	res, err := db.SaveArticle(ctx, &store.Article{URL: a.URL, Source: a.Source, FetchedAt: a.FetchedAt, Analysis: &changed})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Changed || res.New {
		t.Errorf("changed save: %+v, want Changed", res)
	}
	if n := Count(t, db, "SELECT count(*) FROM statements"); n != 1 {
		t.Errorf("statements after replacing with one: %d", n)
	}
	// The first save and the changed one are in the change log that watches read.
	if n := Count(t, db, "SELECT count(*) FROM article_changes"); n != 2 {
		t.Errorf("article_changes rows %d, want 2 (new, changed)", n)
	}
	// HTML nil kept the stored page.
	p, err := db.Page(ctx, res.ArticleID)
	if err != nil {
		t.Fatal(err)
	}
	if string(p.HTML) != string(a.HTML) || p.URL != a.URL {
		t.Errorf("stored page not kept: %d bytes, want %d", len(p.HTML), len(a.HTML))
	}
}

func testReadOnly(t *testing.T, b Backend) {
	ctx := context.Background()
	db, openRO := b.Open(t)
	saveAll(t, db, Realistic(t)[:1])
	ro, err := openRO()
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	for _, q := range []string{"DELETE FROM articles", "UPDATE articles SET title = 'x'", "DROP VIEW speakers",
		"CREATE TABLE t (x integer)"} {
		rows, err := ro.Query(ctx, q)
		if err == nil {
			err = rows.Err()
			rows.Close()
		}
		if err == nil {
			t.Errorf("%s: no error", q)
		} else if !b.IsReadOnlyError(err) {
			t.Errorf("%s: %v, want a read-only error", q, err)
		}
	}
	if n := Count(t, ro, "SELECT count(*) FROM articles WHERE title <> 'x'"); n != 1 {
		t.Errorf("articles after refused writes: %d", n)
	}
	if _, err := ro.SaveArticle(ctx, Realistic(t)[1]); err == nil {
		t.Error("SaveArticle on a read-only database: no error")
	}
}

func testFiguresKeepTheirSentence(t *testing.T, b Backend) {
	db, _ := b.Open(t)
	saveAll(t, db, Realistic(t))
	rows, err := db.Query(context.Background(), "SELECT text, sentence FROM figures")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var text, sentence string
		rows.Scan(&text, &sentence)
		if !strings.Contains(sentence, text) || strings.Contains(sentence, "\n\n") {
			t.Errorf("figure %q in sentence %q", text, sentence)
		}
		n++
	}
	if n == 0 {
		t.Fatal("no figures saved")
	}
}

func testStatementTreaty(t *testing.T, b Backend) {
	ctx := context.Background()
	db, _ := b.Open(t)
	body := "Ryabkov said New START matters.\n\nHe said the INF Treaty is dead.\n\nHe said nothing else."
	at := func(s string) int { return strings.Index(body, s) }
	an := &extract.Analysis{AnalyzerVersion: extract.Version, Title: "t", Body: body,
		Statements: []extract.Statement{
			{Statement: statements.Statement{Kind: "reported", Text: "New START matters", Speaker: "Sergei Ryabkov", Paragraph: 0, Start: at("New START matters"), End: at("New START matters") + 17}},
			{Statement: statements.Statement{Kind: "reported", Text: "the INF Treaty is dead", Speaker: "Sergei Ryabkov", Paragraph: 1, Start: at("the INF"), End: at("the INF") + 22}},
			{Statement: statements.Statement{Kind: "reported", Text: "nothing else", Speaker: "Sergei Ryabkov", Paragraph: 2, Start: at("nothing"), End: at("nothing") + 12}},
		},
		Mentions: []extract.Mention{
			{Type: "treaty", ID: "new_start", Name: "New START", Text: "New START", Start: at("New START"), End: at("New START") + 9},
			{Type: "treaty", ID: "inf", Name: "INF Treaty", Text: "INF Treaty", Paragraph: 1, Start: at("INF"), End: at("INF") + 10},
		}}
	an.Derive()
	if _, err := db.SaveArticle(ctx, &store.Article{URL: "https://x/1", Analysis: an}); err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(ctx, "SELECT treaty FROM statements ORDER BY seq")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var s string
		rows.Scan(&s)
		got = append(got, s)
	}
	if strings.Join(got, ",") != "new_start,inf,new_start" {
		t.Errorf("statement treaties %v, want [new_start inf new_start] (own span, paragraph, first of the tie)", got)
	}
}

func testRuns(t *testing.T, b Backend) {
	ctx := context.Background()
	db, _ := b.Open(t)
	id, err := db.StartRun(ctx, []string{"tass"})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.FinishRun(ctx, id, store.RunStats{Fetched: 5, New: 3, Unchanged: 1, Failed: 1}); err != nil {
		t.Fatal(err)
	}
	dead, err := db.StartRun(ctx, []string{"tass"})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := db.CloseDeadRuns(ctx); n != 1 || err != nil {
		t.Errorf("CloseDeadRuns: %d %v, want 1", n, err)
	}
	runs, err := db.Runs(ctx, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 2 || runs[0].ID != dead || runs[0].Status != store.RunInterrupted || runs[0].FinishedAt != nil {
		t.Fatalf("runs %+v, want the dead run first, interrupted", runs)
	}
	r := runs[1]
	if r.Status != store.RunOK || r.New != 3 || r.FinishedAt == nil || r.Sources != `["tass"]` || time.Since(r.StartedAt) > time.Minute {
		t.Errorf("run %+v", r)
	}
}

func testStaleArticles(t *testing.T, b Backend) {
	ctx := context.Background()
	db, _ := b.Open(t)
	arts := Realistic(t)
	for i, a := range arts {
		an := *a.Analysis
		if i == 0 {
			an.AnalyzerVersion = "0.0.1"
		}
		if _, err := db.SaveArticle(ctx, &store.Article{URL: a.URL, HTML: a.HTML, Analysis: &an}); err != nil {
			t.Fatal(err)
		}
	}
	stale, _ := db.StaleArticles(ctx, extract.Version, false)
	all, _ := db.StaleArticles(ctx, extract.Version, true)
	if len(stale) != 1 || len(all) != len(arts) {
		t.Errorf("stale %v, all %v of %d", stale, all, len(arts))
	}
}

func testFrontierLifecycle(t *testing.T, b Backend) {
	db, _ := b.Open(t)
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
	if n := Count(t, db, "SELECT count(*) FROM frontier WHERE state = 'gone' AND attempts = 2 AND last_error = '503'"); n != 1 {
		t.Fatal("a URL failing giveUpAfter times is not gone")
	}
	// refresh makes known URLs pending again.
	db.Enqueue(ctx, "tass", items, true)
	if p, _ := db.Pending(ctx, "tass", 0, 1); len(p) != 1 || p[0].URL != items[0].URL {
		t.Fatalf("pending after refresh with limit 1: %+v", p)
	}
}

func testValidatorsAndFeeds(t *testing.T, b Backend) {
	db, _ := b.Open(t)
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

func testDuplicateOf(t *testing.T, b Backend) {
	db, _ := b.Open(t)
	ctx := context.Background()
	body := "MOSCOW, October 21. /TASS/. Russia is ready to freeze its warheads, Ryabkov said."
	an := extract.Text(body, extract.Options{URL: "https://tass.com/politics/1"})
	an.CanonicalURL = "https://tass.com/politics/1"
	if _, err := db.SaveArticle(ctx, &store.Article{URL: "https://tass.com/politics/1", Source: "tass", FetchedAt: time.Now(), Analysis: an}); err != nil {
		t.Fatal(err)
	}
	if ok, _ := db.HasArticle(ctx, "https://tass.com/politics/1"); !ok {
		t.Fatal("HasArticle false")
	}
	if ok, _ := db.HasArticle(ctx, "https://tass.com/politics/2"); ok {
		t.Fatal("HasArticle of an unknown URL true")
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

func testHealth(t *testing.T, b Backend) {
	db, _ := b.Open(t)
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
	if ws, err := db.WatchHealth(ctx); err != nil || len(ws) != 0 {
		t.Errorf("watch health of a database without watches: %+v %v", ws, err)
	}
}

// testExportAndDigest checks the exports' cells and the digest's order on the realistic
// articles: both backends must write the same CSV for the same articles.
func testExportAndDigest(t *testing.T, b Backend) {
	ctx := context.Background()
	db, _ := b.Open(t)
	arts := Realistic(t)
	saveAll(t, db, arts)
	for _, kind := range store.ExportKinds() {
		cols, _ := store.ExportColumns(kind)
		var rows [][]string
		err := db.Export(ctx, kind, store.Period{}, func(row []string) error {
			if len(row) != len(cols) {
				return fmt.Errorf("%d cells, want %d", len(row), len(cols))
			}
			rows = append(rows, append([]string(nil), row...))
			return nil
		})
		if err != nil || len(rows) == 0 {
			t.Fatalf("export %s: %d rows, %v", kind, len(rows), err)
		}
		if kind == "articles" && len(rows) != len(arts) {
			t.Errorf("articles export: %d rows, want %d", len(rows), len(arts))
		}
		if kind == "figures" {
			for _, r := range rows {
				if r[7] == "" || strings.ContainsAny(r[7], "eE") {
					t.Errorf("figure value %q: want a number without exponent", r[7])
				}
			}
		}
	}
	future := store.Period{Since: time.Now().Add(24 * time.Hour)}
	if err := db.Export(ctx, "statements", future, func([]string) error { return errors.New("a row in the future") }); err != nil {
		t.Errorf("export of an empty period: %v", err)
	}
	p := store.Period{} // every article: their fetch times are the corpus's
	sum, err := db.DigestCounts(ctx, p)
	if err != nil || sum.Articles != len(arts) || sum.Statements == 0 || sum.Stories == 0 {
		t.Fatalf("digest counts %+v %v", sum, err)
	}
	var items []store.DigestItem
	if err := db.Digest(ctx, p, func(it *store.DigestItem) error { items = append(items, *it); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(items) < sum.Statements {
		t.Fatalf("digest: %d items, want at least %d statements", len(items), sum.Statements)
	}
	// Treaties first (those without one last), then speakers, each group's statements first.
	for i := 1; i < len(items); i++ {
		a, c := items[i-1], items[i]
		if (a.Treaty == "") != (c.Treaty == "") && a.Treaty == "" {
			t.Fatalf("digest item %d: an item without a treaty before one with: %+v", i, c)
		}
		if a.Treaty == c.Treaty && a.Treaty != "" && a.Speaker > c.Speaker && c.Speaker != "" {
			t.Fatalf("digest item %d: speakers out of order: %q before %q", i, a.Speaker, c.Speaker)
		}
	}
}

// SearchArticle builds an analysis whose statements are located in body by their text.
func SearchArticle(url, source, published, title, body string, treaty string, stmts ...[2]string) *store.Article {
	pub, err := extract.ParseTime(published)
	if err != nil {
		panic(err) // the tests' own literals
	}
	an := &extract.Analysis{AnalyzerVersion: extract.Version, URL: url, Source: source, Title: title,
		Body: body, Published: &pub, Authors: []string{}, Warnings: []string{}}
	for _, s := range stmts {
		i := strings.Index(body, s[0])
		an.Statements = append(an.Statements, extract.Statement{Statement: statements.Statement{Kind: "direct", Text: s[0], Speaker: s[1],
			Cue: "said", Start: i, End: i + len(s[0]), Spans: [][2]int{{i, i + len(s[0])}}}})
	}
	if treaty != "" {
		name := map[string]string{"new_start": "New START", "inf": "INF Treaty"}[treaty]
		if i := strings.Index(body, name); i >= 0 {
			an.Mentions = append(an.Mentions, extract.Mention{Type: "treaty", ID: treaty, Name: name, Text: name, Start: i, End: i + len(name)})
		}
	}
	an.Derive()
	return &store.Article{URL: url, Source: source, FetchedAt: time.Now(), Analysis: an}
}

func searchDB(t *testing.T, b Backend) store.Store {
	t.Helper()
	if !b.Search {
		t.Skip("search needs FTS5: run go test -tags sqlite_fts5")
	}
	db, _ := b.Open(t)
	saveAll(t, db, []*store.Article{
		SearchArticle("https://tass.com/1", "tass", "2020-10-21T13:05:00+03:00", "Kremlin hopes to continue dialogue on New START",
			`"Here we hope to continue dialogue on warheads," Peskov said about New START.`, "new_start",
			[2]string{"Here we hope to continue dialogue on warheads", "Dmitry Peskov"}),
		SearchArticle("https://tass.com/2", "tass", "2019-08-02T10:00:00+03:00", "INF Treaty terminated",
			`"Warheads warheads: the INF Treaty is dead, and warheads will follow," Ryabkov said.`, "inf",
			[2]string{"Warheads warheads: the INF Treaty is dead, and warheads will follow", "Sergei Ryabkov"}),
		SearchArticle("https://reuters.com/3", "reuters", "2021-01-27T09:00:00Z", "Duma ratifies extension",
			`The Duma voted for ratification. "The extension keeps limits on deployed warheads in a long and detailed text about many other unrelated matters," Lavrov said about New START.`, "new_start",
			[2]string{"The extension keeps limits on deployed warheads in a long and detailed text about many other unrelated matters", "Sergey Lavrov"}),
	})
	return db
}

// HitIDs lists hits as kind:id, in order.
func HitIDs(hits []store.Hit) string {
	var s []string
	for _, h := range hits {
		s = append(s, fmt.Sprintf("%s:%s", h.Kind[:1], h.URL[len(h.URL)-1:]))
	}
	return strings.Join(s, " ")
}

func testSearchRanking(t *testing.T, b Backend) {
	db := searchDB(t, b)
	ctx := context.Background()
	hits, err := db.Search(ctx, store.SearchQuery{Text: "warheads"})
	if err != nil {
		t.Fatal(err)
	}
	// The statement saying "warheads" three times ranks first; the long statement that says it
	// once ranks below the short one.
	if len(hits) != 3 || HitIDs(hits[:1]) != "s:2" {
		t.Fatalf("hits %s, want the three statements (not their articles again), INF first", HitIDs(hits))
	}
	var order []string
	for _, h := range hits {
		if h.Kind == "statement" {
			order = append(order, h.URL[len(h.URL)-1:])
		}
	}
	if strings.Join(order, "") != "213" {
		t.Errorf("statement order %v, want 2 1 3 (term frequency, then length)", order)
	}
	for i := 1; i < len(hits); i++ {
		if hits[i].Score < hits[i-1].Score {
			t.Errorf("hits not best first: %v", hits)
		}
	}
	if !strings.Contains(hits[0].Snippet, "«Warheads»") {
		t.Errorf("snippet %q lacks the highlighted term", hits[0].Snippet)
	}
	// Stemming: "warhead" finds "warheads".
	if hits, _ := db.Search(ctx, store.SearchQuery{Text: "warhead"}); len(hits) < 3 {
		t.Errorf("stemmed search found %d", len(hits))
	}
}

func testSearchFilters(t *testing.T, b Backend) {
	db := searchDB(t, b)
	ctx := context.Background()
	cases := []struct {
		q    store.SearchQuery
		want string
	}{
		{store.SearchQuery{Text: "warheads", Speaker: "peskov"}, "s:1"},
		{store.SearchQuery{Text: "warheads", Source: "reuters"}, "s:3"},
		{store.SearchQuery{Text: "ratification"}, "a:3"}, // outside any statement,
		{store.SearchQuery{Text: "warheads", Treaty: "inf"}, "s:2"},
		{store.SearchQuery{Text: "duma OR dialogue", Treaty: "new_start"}, "a:3 s:1"}, // "Duma" in a title weighs most,
		{store.SearchQuery{Text: "warheads", Treaty: "New START", Speaker: "Lavrov"}, "s:3"},
		{store.SearchQuery{Text: "warheads", Period: store.Period{Since: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
			Until: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)}, Speaker: "e"}, "s:1"},
		{store.SearchQuery{Text: "dialogue", Limit: 1}, "s:1"},
		{store.SearchQuery{Text: "INF-Treaty"}, "s:2"}, // not query syntax: searched as words
		{store.SearchQuery{Text: "nosuchword"}, ""},
	}
	for _, c := range cases {
		hits, err := db.Search(ctx, c.q)
		if err != nil {
			t.Errorf("%+v: %v", c.q, err)
			continue
		}
		if got := HitIDs(hits); got != c.want {
			t.Errorf("%+v: hits %q, want %q", c.q, got, c.want)
		}
	}
}

func testSearchFollowsUpdates(t *testing.T, b Backend) {
	db := searchDB(t, b)
	ctx := context.Background()
	a := SearchArticle("https://tass.com/1", "tass", "2020-10-21T13:05:00+03:00", "Replaced",
		`"Completely different words," Peskov said.`, "", [2]string{"Completely different words", "Dmitry Peskov"})
	if _, err := db.SaveArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	if hits, _ := db.Search(ctx, store.SearchQuery{Text: "dialogue"}); len(hits) != 0 {
		t.Errorf("old text still found: %s", HitIDs(hits))
	}
	if hits, _ := db.Search(ctx, store.SearchQuery{Text: "different"}); HitIDs(hits) != "s:1" {
		t.Errorf("new text: %s", HitIDs(hits))
	}
}

func testSearchRealistic(t *testing.T, b Backend) {
	if !b.Search {
		t.Skip("search needs FTS5: run go test -tags sqlite_fts5")
	}
	db, _ := b.Open(t)
	saveAll(t, db, Realistic(t))
	hits, err := db.Search(context.Background(), store.SearchQuery{Text: "dialogue", Speaker: "Peskov"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 || !strings.Contains(hits[0].Snippet, "«dialogue»") || hits[0].Speaker != "Dmitry Peskov" {
		t.Errorf("hits %+v", hits)
	}
}

// SaveSearchBoundArticles saves the articles of the backends' tests of the search bound: six
// statements of "treaty", Ryabkov's, one an article a day from 2024-01-01 (ids 1 to 6), the
// sixth from reuters and the others from tass. Statement 1 is the best match of all but the
// oldest, 5 the best of the newest three; 1 and 2 also hold "zebra".
func SaveSearchBoundArticles(t *testing.T, db store.Store) {
	t.Helper()
	texts := []string{
		"Treaty treaty treaty zebra",
		"The treaty holds for a zebra and many other long words",
		"The treaty holds for now and for many other long words",
		"The treaty holds for a while and many other long words",
		"Treaty treaty holds",
		"The treaty holds for a time and many other long words and more",
	}
	for i, text := range texts {
		source := "tass"
		if i == 5 {
			source = "reuters"
		}
		a := SearchArticle(fmt.Sprintf("https://example.com/%d", i+1), source, fmt.Sprintf("2024-01-0%dT10:00:00Z", i+1),
			"Headline", `"`+text+`," Ryabkov said.`, "", [2]string{text, "Sergei Ryabkov"})
		if _, err := db.SaveArticle(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
}
