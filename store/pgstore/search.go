package pgstore

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/armswatch/armswatch/store"
)

// Full-text search on PostgreSQL: statements_fts and articles_fts hold a tsvector per row in the
// configuration of the article's language (english or russian), weighted like SQLite's bm25
// columns. A query is read by websearch_to_tsquery in both configurations, and each row is
// matched by the one of its own language (the GIN index serves both). Scores are -ts_rank
// (normalized by the log of the text's length, so that short texts that match rank higher,
// as with bm25): lower is better, as with SQLite's bm25.

// ts_rank's weights for {D, C, B, A}, on one scale for both searches (their hits are merged by
// score): article title A 4, subtitle B 2, body C 1 (store's bm25 weights); statement text A 2,
// speaker B 1. Statements weigh twice bm25's ratio because ts_rank's length normalization
// favours short texts less than bm25 does: at 1 an article whose title names the words
// outranked every statement that says them; at 2 the demo's "New START" lists statements
// first, as SQLite does, and a title still outranks a statement of the same words.
const (
	articleWeights   = `'{0.05, 0.25, 0.5, 1.0}'`
	statementWeights = `'{0.05, 0.05, 0.25, 0.5}'`
)

// tsquery is the query in the row's configuration (the parameter $1 is the query text).
const tsquery = `(CASE WHEN f.config = 'russian'::regconfig THEN websearch_to_tsquery('russian', $1) ELSE websearch_to_tsquery('english', $1) END)`

// matches is the condition the GIN index answers: each configuration's query on its own rows.
const matches = `((f.config = 'english'::regconfig AND f.tsv @@ websearch_to_tsquery('english', $1))
	OR (f.config = 'russian'::regconfig AND f.tsv @@ websearch_to_tsquery('russian', $1)))`

// Search returns the best hits over statements and article text, best first (store.DB's
// Search). The query is websearch_to_tsquery's syntax ("a phrase", OR, -word); plain words
// are ANDed, and punctuation inside a word ("INF-Treaty") makes a phrase of its parts as in
// SQLite. FTS5's other operators (NEAR, column filters, prefix*) are not PostgreSQL's.
func (db *DB) Search(ctx context.Context, q store.SearchQuery) ([]store.Hit, error) {
	if strings.TrimSpace(q.Text) == "" {
		return nil, errors.New("store: search: empty query")
	}
	if q.Limit <= 0 {
		q.Limit = 20
	}
	if q.Mark == [2]string{} {
		q.Mark = [2]string{"«", "»"}
	}
	text := q.Text
	if !store.UsesSearchSyntax(text) {
		text = phrases(text)
	}
	hits, err := db.search(ctx, q, text)
	if err != nil {
		return nil, fmt.Errorf("store: search %q: %w", q.Text, err)
	}
	return hits, nil
}

// phrases quotes each word, its punctuation turned into spaces, so that "INF-Treaty" is the
// phrase of inf and treaty (as SQLite's tokenizer reads it) and "U.S." is not parsed apart.
func phrases(s string) string {
	var out []string
	for _, w := range strings.Fields(s) {
		w = strings.Join(strings.FieldsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
		if w != "" {
			out = append(out, `"`+w+`"`)
		}
	}
	return strings.Join(out, " ")
}

// headlineOptions are ts_headline's options putting mark around matched words.
func headlineOptions(mark [2]string) string {
	quote := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	return "StartSel=" + quote(mark[0]) + ", StopSel=" + quote(mark[1]) +
		", MaxWords=32, MinWords=12, MaxFragments=1, FragmentDelimiter=" + quote("…")
}

func (db *DB) search(ctx context.Context, q store.SearchQuery, text string) ([]store.Hit, error) {
	treaties, err := db.treatyIDs(ctx, q.Treaty)
	if err != nil {
		return nil, err
	}
	hits, err := db.hits(ctx, statementSearch(q, text, treaties, q.Limit))
	if err != nil {
		return nil, err
	}
	if q.Speaker != "" {
		return hits, nil
	}
	arts, err := db.hits(ctx, articleSearch(q, text, treaties, q.Limit+len(hits)))
	if err != nil {
		return nil, err
	}
	seen := map[int64]bool{}
	for _, h := range hits {
		seen[h.ArticleID] = true
	}
	for _, h := range arts {
		if !seen[h.ArticleID] {
			hits = append(hits, h)
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Score < hits[j].Score })
	return hits[:min(len(hits), q.Limit)], nil
}

type query struct {
	sql  string
	args []any
}

func (db *DB) hits(ctx context.Context, qr query) ([]store.Hit, error) {
	rows, err := db.pool.Query(ctx, qr.sql, qr.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var hits []store.Hit
	for rows.Next() {
		var h store.Hit
		if err := rows.Scan(&h.Kind, &h.StatementID, &h.ArticleID, &h.Score, &h.Snippet, &h.Speaker,
			&h.Role, &h.Cue, &h.Treaty, &h.Title, &h.URL, &h.Source, &h.Published); err != nil {
			return nil, err
		}
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// filters appends the period, source and treaty conditions shared by both searches.
func filters(q store.SearchQuery, treaties []string, conds []string, args []any, treatyCond string) ([]string, []any) {
	conds, args = where(q.Period, articleTime, conds, args)
	if q.Source != "" {
		args = append(args, q.Source)
		conds = append(conds, fmt.Sprintf("lower(a.source) = lower($%d)", len(args)))
	}
	if q.Treaty != "" {
		args = append(args, treaties)
		conds = append(conds, fmt.Sprintf(treatyCond, len(args)))
	}
	return conds, args
}

// statementSearch ranks the matching statements in an inner query and makes the snippets of
// the returned rows only.
func statementSearch(q store.SearchQuery, text string, treaties []string, limit int) query {
	args := []any{text, headlineOptions(q.Mark), limit}
	conds := []string{matches}
	if q.Speaker != "" {
		args = append(args, q.Speaker)
		conds = append(conds, fmt.Sprintf("s.speaker ILIKE '%%' || $%d || '%%'", len(args)))
	}
	conds, args = filters(q, treaties, conds, args, "s.treaty = ANY($%d)")
	return query{`SELECT 'statement', t.id, t.article_id, t.score,
		ts_headline(t.config, t.text, CASE WHEN t.config = 'russian'::regconfig THEN websearch_to_tsquery('russian', $1)
			ELSE websearch_to_tsquery('english', $1) END, $2),
		t.speaker, t.speaker_role, t.cue, t.treaty, t.title, t.url, t.source, t.published
		FROM (SELECT s.id, s.article_id, -ts_rank(` + statementWeights + `, f.tsv, ` + tsquery + `, 1)::float8 AS score,
			f.config, s.text, s.speaker, s.speaker_role, s.cue, s.treaty, a.title, a.url, a.source,
			coalesce(a.published, '') AS published
			FROM statements_fts f JOIN statements s ON s.id = f.statement_id
			JOIN articles a ON a.id = s.article_id` + whereClause(conds) + `
			ORDER BY score, s.id LIMIT $3) t
		ORDER BY t.score, t.id`, args}
}

func articleSearch(q store.SearchQuery, text string, treaties []string, limit int) query {
	args := []any{text, headlineOptions(q.Mark), limit}
	conds, args := filters(q, treaties, []string{matches}, args,
		`a.id IN (SELECT m.article_id FROM mentions m WHERE m.type = 'treaty' AND m.entity_id = ANY($%d))`)
	return query{`SELECT 'article', 0::bigint, t.id, t.score,
		ts_headline(t.config, t.title || E'\n' || t.subtitle || E'\n' || t.body,
			CASE WHEN t.config = 'russian'::regconfig THEN websearch_to_tsquery('russian', $1)
			ELSE websearch_to_tsquery('english', $1) END, $2),
		'', '', '', '', t.title, t.url, t.source, t.published
		FROM (SELECT a.id, -ts_rank(` + articleWeights + `, f.tsv, ` + tsquery + `, 1)::float8 AS score,
			f.config, a.title, a.subtitle, a.body, a.url, a.source, coalesce(a.published, '') AS published
			FROM articles_fts f JOIN articles a ON a.id = f.article_id` + whereClause(conds) + `
			ORDER BY score, a.id LIMIT $3) t
		ORDER BY t.score, t.id`, args}
}

// treatyIDs resolves a --treaty argument, an id or a name as the articles spell it, to the
// lexicon ids it may stand for (store's rule).
func (db *DB) treatyIDs(ctx context.Context, t string) ([]string, error) {
	if t == "" {
		return nil, nil
	}
	ids := []string{t, strings.ToLower(strings.Join(strings.Fields(t), "_"))}
	rows, err := db.pool.Query(ctx, `SELECT DISTINCT entity_id FROM mentions
		WHERE type = 'treaty' AND (lower(entity_id) = lower($1) OR lower(name) = lower($1))`, t)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// SearchResults is Search with store.SearchResults' shape. PostgreSQL ranks every match (no
// bound on the ranked set as SQLite's search has), so Capped is never set.
func (db *DB) SearchResults(ctx context.Context, q store.SearchQuery) (store.SearchResults, error) {
	hits, err := db.Search(ctx, q)
	return store.SearchResults{Hits: hits}, err
}
