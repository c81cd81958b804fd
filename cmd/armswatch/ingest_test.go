package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/armswatch/armswatch/ingest"
	"github.com/armswatch/armswatch/store"
)

// demoDB runs the demo into a fresh database and returns its path.
func demoDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	if code, _, stderr := runCLI(t, "", "demo", "--db", path); code != 0 {
		t.Fatalf("demo exit %d: %s", code, stderr)
	}
	return path
}

// dumpRows returns every row of the analysis tables, in a stable order, as text.
func dumpRows(t *testing.T, db *sql.DB) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for table, order := range map[string]string{"articles": "url", "statements": "article_id, seq",
		"dates": "article_id, seq", "figures": "article_id, seq", "mentions": "article_id, seq"} {
		rows := queryMaps(t, db, "SELECT * FROM "+table+" ORDER BY "+order)
		for _, r := range rows {
			if raw, ok := r["raw_html"].(string); ok {
				r["raw_html"] = fmt.Sprintf("%d bytes", len(raw)) // the page, unreadable in a diff
			}
			b, _ := json.Marshal(r)
			out[table] = append(out[table], string(b))
		}
	}
	return out
}

func queryMaps(t *testing.T, db *sql.DB, q string, args ...any) []map[string]any {
	t.Helper()
	rows, err := db.Query(q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []map[string]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		m := map[string]any{}
		for i, c := range cols {
			if b, ok := vals[i].([]byte); ok {
				vals[i] = string(b)
			}
			m[c] = vals[i]
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCrawlAndReextractStoreTheSameRows: the demo's crawl and a reextract of what it stored go
// through one path (ingest), so they write the same rows. The analysis is wiped and its version
// made stale first, so reextract really rewrites every row.
func TestCrawlAndReextractStoreTheSameRows(t *testing.T) {
	path := demoDB(t)
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	crawled := dumpRows(t, db)
	if len(crawled["articles"]) != 15 || len(crawled["statements"]) == 0 || len(crawled["figures"]) == 0 {
		t.Fatalf("demo stored %d articles, %d statements, %d figures", len(crawled["articles"]),
			len(crawled["statements"]), len(crawled["figures"]))
	}
	for _, q := range []string{"DELETE FROM statements", "DELETE FROM dates", "DELETE FROM figures", "DELETE FROM mentions",
		"UPDATE articles SET analyzer_version = '0.0.1', published = '1999-01-01', published_utc = '1999-01-01T00:00:00Z', title = 'stale', body = 'stale', content_hash = 'stale'"} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, stderr := runCLI(t, "", "reextract", "--db", path); code != 0 {
		t.Fatalf("reextract exit %d: %s", code, stderr)
	}
	again := dumpRows(t, db)
	for table, rows := range crawled {
		if len(again[table]) != len(rows) {
			t.Errorf("%s: %d rows after the crawl, %d after reextract", table, len(rows), len(again[table]))
			continue
		}
		for i := range rows {
			if rows[i] != again[table][i] {
				t.Errorf("%s row %d differs:\ncrawl     %s\nreextract %s", table, i, rows[i], again[table][i])
				break
			}
		}
	}
}

// columns maps each stored column that holds an analyzed value to its key in extract's JSON;
// the others hold what is not analysis (where and when the page was fetched, the page itself,
// the feed's hint, the row's own keys) or a value computed from a JSON one (published_utc,
// content_hash). A new analysis column without a JSON key fails the test.
// story_id and group_id are the stories and groups of docs/stories.md: computed across articles, not analysis.
var columns = map[string]map[string]string{
	"articles": {"canonical_url": "canonical_url", "source": "source", "profile": "profile", "title": "title",
		"subtitle": "subtitle", "authors": "authors", "section": "section", "language": "language",
		"published": "published", "modified": "modified", "dateline_text": "dateline.text",
		"dateline_place": "dateline.place", "dateline_date": "dateline.date", "dateline_agency": "dateline.agency",
		"dateline_start": "dateline.start", "dateline_end": "dateline.end", "body": "body",
		"relevance": "relevance", "analyzer_version": "analyzer_version", "warnings": "warnings",
		"id": "", "url": "", "raw_html": "", "content_hash": "", "first_seen_at": "", "fetched_at": "",
		"published_utc": "", "published_hint": "", "story_id": ""},
	"statements": {"kind": "kind", "text": "text", "speaker": "speaker", "speaker_role": "speaker_role",
		"speaker_kind": "speaker_kind", "cue": "cue", "treaty": "treaty", "paragraph": "paragraph",
		"byte_start": "start", "byte_end": "end", "spans": "spans", "id": "", "article_id": "", "seq": "", "group_id": ""},
	"dates": {"text": "text", "kind": "kind", "value": "value", "value_end": "value_end",
		"granularity": "granularity", "paragraph": "paragraph", "byte_start": "start", "byte_end": "end",
		"id": "", "article_id": "", "seq": ""},
	"figures": {"text": "text", "value": "value", "value_max": "value_max", "comparator": "comparator",
		"unit": "unit", "category": "category", "treaty": "treaty", "paragraph": "paragraph",
		"byte_start": "start", "byte_end": "end", "sentence": "sentence", "sentence_start": "sentence_start",
		"sentence_end": "sentence_end", "id": "", "article_id": "", "seq": "", "group_id": ""},
	"mentions": {"type": "type", "entity_id": "id", "name": "name", "text": "text", "paragraph": "paragraph",
		"byte_start": "start", "byte_end": "end", "id": "", "article_id": "", "seq": ""},
}

// TestExtractJSONHoldsWhatTheDatabaseStores: every analyzed value of a demo article's rows is
// in extract's JSON for its page, analyzed as the crawl analyzed it.
func TestExtractJSONHoldsWhatTheDatabaseStores(t *testing.T) {
	path := demoDB(t)
	db := openSQL(t, path)
	st, err := store.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	in := &ingest.Ingester{}
	for _, art := range queryMaps(t, db, "SELECT * FROM articles ORDER BY id") {
		id := art["id"].(int64)
		sp, err := st.Page(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		an, err := in.Analyze(context.Background(), ingest.Page{URL: sp.URL, Body: sp.HTML, PublishedHint: sp.PublishedHint,
			Source: sp.Source, Profile: sp.Profile})
		if err != nil {
			t.Fatal(err)
		}
		var js map[string]any
		b, _ := json.Marshal(an)
		if err := json.Unmarshal(b, &js); err != nil {
			t.Fatal(err)
		}
		compareRow(t, fmt.Sprintf("article %d", id), "articles", art, js)
		if p, _ := js["published"].(string); p != "" {
			if want := utcText(t, p); art["published_utc"] != want {
				t.Errorf("article %d: published_utc %v, JSON published %s", id, art["published_utc"], p)
			}
		}
		for _, table := range []string{"statements", "dates", "figures", "mentions"} {
			rows := queryMaps(t, db, "SELECT * FROM "+table+" WHERE article_id = ? ORDER BY seq", id)
			items, _ := js[table].([]any)
			if len(rows) != len(items) {
				t.Errorf("article %d: %d %s stored, %d in the JSON", id, len(rows), table, len(items))
				continue
			}
			for i, r := range rows {
				compareRow(t, fmt.Sprintf("article %d %s[%d]", id, table, i), table, r, items[i].(map[string]any))
			}
		}
	}
}

func utcText(t *testing.T, s string) string {
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		if tm, err = time.Parse("2006-01-02", s); err != nil {
			t.Fatalf("published %q", s)
		}
	}
	return tm.UTC().Format("2006-01-02T15:04:05Z")
}

func compareRow(t *testing.T, where, table string, row, js map[string]any) {
	t.Helper()
	var cols []string
	for c := range row {
		cols = append(cols, c)
	}
	sort.Strings(cols)
	for _, c := range cols {
		key, known := columns[table][c]
		if !known {
			t.Errorf("%s: column %s.%s is not mapped to extract's JSON: add it to the JSON or to the test's list of non-analysis columns", where, table, c)
			continue
		}
		if key == "" {
			continue
		}
		want := lookup(js, key)
		if !sameValue(row[c], want) {
			t.Errorf("%s: %s = %v in the database, %s = %v in the JSON", where, c, row[c], key, want)
		}
	}
}

func lookup(js map[string]any, key string) any {
	var v any = js
	for _, k := range strings.Split(key, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// sameValue compares a column with a JSON value: NULL with null or "", numbers by value, lists
// and objects (stored as JSON text) by their JSON.
func sameValue(col, js any) bool {
	switch c := col.(type) {
	case nil:
		return js == nil || js == ""
	case int64:
		f, ok := js.(float64)
		return ok && float64(c) == f
	case float64:
		f, ok := js.(float64)
		return ok && c == f
	case string:
		switch j := js.(type) {
		case string:
			return c == j
		case []any, map[string]any:
			var v any
			return json.Unmarshal([]byte(c), &v) == nil && reflect.DeepEqual(v, j)
		case nil:
			return c == ""
		}
	}
	return false
}
