package store_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/armswatch/armswatch/extract"
	"github.com/armswatch/armswatch/extract/statements"
	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/storetest"
)

func openTemp(t *testing.T) (*store.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "a.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

func count(t *testing.T, db *store.DB, query string, args ...any) int {
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
	return n
}

func TestSaveTwiceReplacesAnalysisRows(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	arts := storetest.Realistic(t)
	a := arts[0]
	first, err := db.SaveArticle(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	if !first.New || first.Changed {
		t.Errorf("first save: %+v, want New", first)
	}
	counts := func() [5]int {
		return [5]int{count(t, db, "SELECT count(*) FROM articles"), count(t, db, "SELECT count(*) FROM statements"),
			count(t, db, "SELECT count(*) FROM dates"), count(t, db, "SELECT count(*) FROM figures"),
			count(t, db, "SELECT count(*) FROM mentions")}
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
	if n := count(t, db, "SELECT count(*) FROM statements"); n != 1 {
		t.Errorf("statements after replacing with one: %d", n)
	}
	// HTML nil kept the stored page.
	p, err := db.Page(ctx, res.ArticleID)
	if err != nil {
		t.Fatal(err)
	}
	if string(p.HTML) != string(a.HTML) {
		t.Errorf("stored page not kept: %d bytes, want %d", len(p.HTML), len(a.HTML))
	}
}

func TestMigrationsIdempotent(t *testing.T) {
	db, path := openTemp(t)
	storetest.Realistic(t)
	db.Close()
	for i := 0; i < 3; i++ {
		db, err := store.Open(path)
		if err != nil {
			t.Fatalf("reopen %d: %v", i, err)
		}
		if v := count(t, db, "PRAGMA user_version"); v != store.SchemaVersion() {
			t.Errorf("user_version %d, want %d", v, store.SchemaVersion())
		}
		if n := count(t, db, "SELECT count(*) FROM sqlite_schema WHERE name = 'articles'"); n != 1 {
			t.Errorf("articles tables: %d", n)
		}
		if fk := count(t, db, "PRAGMA foreign_keys"); fk != 1 {
			t.Error("foreign keys off")
		}
		if m := count(t, db, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"); m != 1 {
			t.Error("not in WAL mode")
		}
		db.Close()
	}
}

func TestOpenReadOnlyRefusesWrites(t *testing.T) {
	ctx := context.Background()
	db, path := openTemp(t)
	if _, err := db.SaveArticle(ctx, storetest.Realistic(t)[0]); err != nil {
		t.Fatal(err)
	}
	db.Close()
	ro, err := store.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	for _, q := range []string{"DELETE FROM articles", "UPDATE articles SET title = 'x'", "DROP VIEW speakers",
		"CREATE TABLE t (x)", "PRAGMA user_version = 7"} {
		rows, err := ro.Query(ctx, q)
		if err == nil {
			rows.Close()
			t.Errorf("%s: no error", q)
		} else if !store.IsReadOnlyError(err) {
			t.Errorf("%s: %v, want a read-only error", q, err)
		}
	}
	if n := count(t, ro, "SELECT count(*) FROM articles WHERE title <> 'x'"); n != 1 {
		t.Errorf("articles after refused writes: %d", n)
	}
	if _, err := store.OpenReadOnly(filepath.Join(t.TempDir(), "missing.db")); err == nil {
		t.Error("OpenReadOnly of a missing file: no error")
	}
}

func TestCascadeDelete(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	if _, err := db.SaveArticle(ctx, storetest.Realistic(t)[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQLForTest().ExecContext(ctx, "DELETE FROM articles"); err != nil {
		t.Fatal(err)
	}
	for _, tb := range []string{"statements", "dates", "figures", "mentions"} {
		if n := count(t, db, "SELECT count(*) FROM "+tb); n != 0 {
			t.Errorf("%s: %d rows left after deleting their article", tb, n)
		}
	}
}

func TestFiguresKeepTheirSentence(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	for _, a := range storetest.Realistic(t) {
		if _, err := db.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := db.Query(ctx, "SELECT text, sentence FROM figures")
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

func TestStatementTreaty(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
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

func TestRuns(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	id, err := db.StartRun(ctx, []string{"tass"})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.FinishRun(ctx, id, store.RunStats{Fetched: 5, New: 3, Unchanged: 1, Failed: 1}); err != nil {
		t.Fatal(err)
	}
	runs, err := db.Runs(ctx, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 1 || runs[0].Status != store.RunOK || runs[0].New != 3 || runs[0].FinishedAt == nil ||
		runs[0].Sources != `["tass"]` || time.Since(runs[0].StartedAt) > time.Minute {
		t.Errorf("runs %+v", runs)
	}
}

func TestStaleArticles(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	arts := storetest.Realistic(t)
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
