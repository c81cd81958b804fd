package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/mattn/go-sqlite3"
)

// SearchQuery is a full-text search with its filters.
type SearchQuery struct {
	Text    string // FTS5 query syntax; plain words are ANDed
	Period         // on the article's publication time
	Speaker string // statements whose speaker contains this (case-insensitive); excludes article hits
	Treaty  string // lexicon id ("new_start") or name ("New START")
	Source  string
	Limit   int       // default 20
	Mark    [2]string // put around matched words in snippets; default « »
}

// Hit is one search result: a statement, or an article whose text matched.
type Hit struct {
	Kind        string // "statement" or "article"
	StatementID int64  // 0 for an article hit
	ArticleID   int64
	Score       float64 // bm25: lower is better
	Snippet     string
	Speaker     string
	Role        string
	Cue         string
	Treaty      string
	Title       string
	URL         string
	Source      string
	Published   string
}

// ErrNoFTS is returned by Search when the binary or the database lacks the full-text index.
var ErrNoFTS = errors.New("full-text search is not available: build armswatch with -tags sqlite_fts5 " +
	"(go build -tags sqlite_fts5 ./cmd/armswatch) and open the database once read-write (e.g. armswatch reextract) to index it")

// Column weights for bm25: a word in a statement's text counts more than one in its speaker's
// name; in an article, the title counts most, then the lead, then the body.
const (
	statementWeights = "1.0, 0.5"
	articleWeights   = "4.0, 2.0, 1.0"
	statementRank    = "bm25(statements_fts, " + statementWeights + ")"
	articleRank      = "bm25(articles_fts, " + articleWeights + ")"
)

// searchCandidates bounds how many matches of each table (statements, articles) a search ranks.
// bm25 costs about two microseconds a match, and a very common word ("treaty") matches over
// 100,000 statements; ranking them all took 200 ms or more. When more match (after the
// filters), the hits are the best of the newest searchCandidates matches, newest by row id
// (the order the crawl stored them): a reader of news wants recent hits for such a word, and
// scores stay comparable since bm25's weights still come from the whole index. A rarer query
// ranks every match, as before. A variable so that tests can lower it.
var searchCandidates = 10_000

// topRanked is the fast form of a search without filters: FTS5 sorts its matches by rank
// itself and stops at the limit, so the snippet and the joins are made for the returned rows
// only (about a third less CPU for a word in 100,000 statements). rowid >= ? keeps it to the
// candidates (candidateBound).
func topRanked(table, weights, snippetCol string) string {
	return `(SELECT rowid AS id, rank AS score, snippet(` + table + `, ` + snippetCol + `, ?, ?, '…', 32) AS snip
		FROM ` + table + ` WHERE ` + table + ` MATCH ? AND rank MATCH 'bm25(` + weights + `)' AND rowid >= ?
		ORDER BY rank LIMIT ?) f`
}

// candidateBound returns the smallest row id among the newest searchCandidates matches of an
// unfiltered search, and whether older matches exist; 0 when all of them are candidates. FTS5
// walks a term's row ids in order without reading positions, so this costs a fraction of
// ranking them.
func (db *DB) candidateBound(ctx context.Context, table, match string) (int64, bool, error) {
	rows, err := db.sql.QueryContext(ctx, "SELECT rowid FROM "+table+" WHERE "+table+" MATCH ? ORDER BY rowid DESC LIMIT 2 OFFSET ?",
		match, searchCandidates-1)
	if err != nil {
		return 0, false, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return 0, false, err
		}
		ids = append(ids, id)
	}
	if len(ids) < 2 {
		return 0, false, rows.Err()
	}
	return ids[0], true, rows.Err()
}

// Search returns the best hits over statements and article text, best first. Statements and
// articles are ranked together by bm25; a statement usually outranks the article it stands in
// because short texts that match score better. A query that matches very many statements or
// articles is ranked among the newest of them (searchCandidates; SearchResults tells).
func (db *DB) Search(ctx context.Context, q SearchQuery) ([]Hit, error) {
	r, err := db.SearchResults(ctx, q)
	return r.Hits, err
}

// SearchResults are a search's hits and how much of the matches they were ranked from.
type SearchResults struct {
	Hits []Hit
	// Capped is set when more statements or articles matched (after the filters) than a search
	// ranks: the hits are then the best of the newest 10,000 matches of each.
	Capped bool
}

// SearchResults is Search that also tells whether the ranking was bounded.
func (db *DB) SearchResults(ctx context.Context, q SearchQuery) (SearchResults, error) {
	if !db.fts {
		return SearchResults{}, ErrNoFTS
	}
	if strings.TrimSpace(q.Text) == "" {
		return SearchResults{}, errors.New("store: search: empty query")
	}
	if q.Limit <= 0 {
		q.Limit = 20
	}
	if q.Mark == [2]string{} {
		q.Mark = [2]string{"«", "»"}
	}
	match := q.Text
	in := ftsTables{statements: true, articles: q.Speaker == ""}
	if !usesSyntax(match) {
		// Plain words: quote each so that punctuation inside ("INF-Treaty", "U.S.") is split
		// into tokens instead of being parsed as FTS5 operators.
		match = quoteTerms(match)
	} else {
		var err error
		if in, err = db.accepting(ctx, q, match, in); err != nil {
			return SearchResults{}, err
		}
	}
	r, err := db.search(ctx, q, match, in)
	if err != nil {
		return SearchResults{}, fmt.Errorf("store: search %q: %w (FTS5 query syntax: https://www.sqlite.org/fts5.html#full_text_query_syntax)", q.Text, err)
	}
	return r, nil
}

// SyntaxError is a search query that FTS5 cannot read: bad usage, not a failure.
type SyntaxError struct {
	Query string
	Msg   string // SQLite's message: fts5: syntax error near "."
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("search %q: %s", e.Query, e.Msg) }

// ftsTables says which full-text tables a search runs on.
type ftsTables struct{ statements, articles bool }

// accepting returns the tables of in whose index can run match: FTS5 finds syntax errors only
// when it runs a query, and a column filter names a column of one table only ("speaker:" is in
// statements, "title:" in articles). A query no table can run is a *SyntaxError.
func (db *DB) accepting(ctx context.Context, q SearchQuery, match string, in ftsTables) (ftsTables, error) {
	var out ftsTables
	var syntax error
	for _, t := range []struct {
		table string
		want  bool
		ok    *bool
	}{{"statements_fts", in.statements, &out.statements}, {"articles_fts", in.articles, &out.articles}} {
		if !t.want {
			continue
		}
		var one int
		err := db.sql.QueryRowContext(ctx, "SELECT 1 FROM "+t.table+" WHERE "+t.table+" MATCH ? LIMIT 1", match).Scan(&one)
		switch {
		case err == nil || errors.Is(err, sql.ErrNoRows):
			*t.ok = true
		case isQueryError(err):
			if syntax == nil {
				syntax = err
			}
		default:
			return out, fmt.Errorf("store: search %q: %w", q.Text, err)
		}
	}
	if out == (ftsTables{}) && syntax != nil {
		return out, &SyntaxError{Query: q.Text, Msg: syntax.Error()}
	}
	return out, nil
}

// isQueryError tells SQLite's generic error (SQLITE_ERROR: the statement is wrong) from the
// others (I/O, busy, corrupt).
func isQueryError(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.Code == sqlite3.ErrError
}

// usesSyntax tells whether a query uses FTS5 operators: phrases, prefixes, groups, column
// filters, or the AND/OR/NOT/NEAR keywords.
func usesSyntax(s string) bool {
	if strings.ContainsAny(s, `"*():^{}`) {
		return true
	}
	for _, w := range strings.Fields(s) {
		switch w {
		case "AND", "OR", "NOT", "NEAR":
			return true
		}
	}
	return false
}

// quoteTerms makes every whitespace-separated word an FTS5 string, so punctuation in it is
// tokenized instead of parsed as syntax.
func quoteTerms(s string) string {
	var parts []string
	for _, w := range strings.Fields(s) {
		parts = append(parts, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`)
	}
	return strings.Join(parts, " ")
}

// search runs the statement and the article queries, each on its own connection at the same
// time, and merges them by score. An article hit is dropped when one of its statements is a
// hit: the statement already names the article, and the article would otherwise repeat it (its
// body holds the statement's words). The articles are asked for twice the limit, enough for
// the limit once the duplicates of the (at most limit) statement hits are dropped.
func (db *DB) search(ctx context.Context, q SearchQuery, match string, in ftsTables) (SearchResults, error) {
	treaties, err := db.treatyIDs(ctx, q.Treaty)
	if err != nil {
		return SearchResults{}, err
	}
	var st, ar tableHits
	var wg sync.WaitGroup
	if in.statements {
		wg.Go(func() { st = db.searchTable(ctx, statementTable, q, match, treaties, q.Limit) })
	}
	if in.articles {
		limit := q.Limit
		if in.statements {
			limit *= 2
		}
		wg.Go(func() { ar = db.searchTable(ctx, articleTable, q, match, treaties, limit) })
	}
	wg.Wait()
	if err := cmp.Or(st.err, ar.err); err != nil {
		return SearchResults{}, err
	}
	hits := st.hits
	seen := map[int64]bool{}
	for _, h := range hits {
		seen[h.ArticleID] = true
	}
	for _, h := range ar.hits {
		if !seen[h.ArticleID] {
			hits = append(hits, h)
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Score < hits[j].Score })
	return SearchResults{Hits: hits[:min(len(hits), q.Limit)], Capped: st.capped || ar.capped}, nil
}

// tableHits are one table's best hits.
type tableHits struct {
	hits   []Hit
	capped bool // more matches than searchCandidates
	err    error
}

// ftsTable is what a search needs of one full-text table.
type ftsTable struct {
	fts        string
	unfiltered func(q SearchQuery) bool
	topSQL     func(q SearchQuery, match string, bound int64, limit int) (string, []any)
	filtered   func(q SearchQuery, match string, treaties []string, limit int) (string, []any)
}

var (
	statementTable = ftsTable{"statements_fts", func(q SearchQuery) bool {
		return q.Period == (Period{}) && q.Speaker == "" && q.Source == "" && q.Treaty == ""
	}, statementTop, statementSearch}
	articleTable = ftsTable{"articles_fts", func(q SearchQuery) bool {
		return q.Period == (Period{}) && q.Source == "" && q.Treaty == ""
	}, articleTop, articleSearch}
)

// searchTable returns the best limit hits of one table.
func (db *DB) searchTable(ctx context.Context, t ftsTable, q SearchQuery, match string, treaties []string, limit int) tableHits {
	if t.unfiltered(q) {
		bound, capped, err := db.candidateBound(ctx, t.fts, match)
		if err != nil {
			return tableHits{err: err}
		}
		query, args := t.topSQL(q, match, bound, limit)
		hits, _, err := db.hits(ctx, query, args)
		return tableHits{hits: hits, capped: capped, err: err}
	}
	query, args := t.filtered(q, match, treaties, limit)
	hits, ranked, err := db.hits(ctx, query, args)
	return tableHits{hits: hits, capped: ranked >= searchCandidates, err: err}
}

// hits reads search rows: a Hit's fields, then how many candidates were ranked (filtered forms).
func (db *DB) hits(ctx context.Context, query string, args []any) ([]Hit, int, error) {
	rows, err := db.sql.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var hits []Hit
	var ranked int
	for rows.Next() {
		var h Hit
		if err := rows.Scan(&h.Kind, &h.StatementID, &h.ArticleID, &h.Score, &h.Snippet, &h.Speaker,
			&h.Role, &h.Cue, &h.Treaty, &h.Title, &h.URL, &h.Source, &h.Published, &ranked); err != nil {
			return nil, 0, err
		}
		hits = append(hits, h)
	}
	return hits, ranked, rows.Err()
}

func statementTop(q SearchQuery, match string, bound int64, limit int) (string, []any) {
	return `SELECT 'statement', s.id, s.article_id, f.score, f.snip, s.speaker, s.speaker_role,
		s.cue, s.treaty, a.title, a.url, a.source, coalesce(a.published, ''), 0
		FROM ` + topRanked("statements_fts", statementWeights, "0") + `
		JOIN statements s ON s.id = f.id JOIN articles a ON a.id = s.article_id
		ORDER BY f.score`, []any{q.Mark[0], q.Mark[1], match, bound, limit}
}

func articleTop(q SearchQuery, match string, bound int64, limit int) (string, []any) {
	return `SELECT 'article', 0, a.id, f.score, f.snip, '', '', '', '', a.title, a.url,
		a.source, coalesce(a.published, ''), 0
		FROM ` + topRanked("articles_fts", articleWeights, "-1") + `
		JOIN articles a ON a.id = f.id ORDER BY f.score`, []any{q.Mark[0], q.Mark[1], match, bound, limit}
}

// rankedCandidates is the core of a filtered search: the newest searchCandidates matches that
// pass the filters (FTS5 hands them over in row id order, so the walk stops there), their bm25
// score, the best limit of them (the newest first among equal scores, so that pages do not
// overlap), and how many were ranked. The snippets are made afterwards for
// the best only. The joins are CROSS JOINs, which SQLite never reorders: the full-text match
// must drive the loop. Left free, the planner may walk an index on a filter column (statements
// by treaty) and probe the FTS index once per row, minutes on a million statements.
func rankedCandidates(table, rank, joins string, conds []string) string {
	return `(SELECT id, score, count(*) OVER () AS ranked FROM (
			SELECT ` + table + `.rowid AS id, ` + rank + ` AS score FROM ` + table + joins + whereClause(conds) + `
			ORDER BY ` + table + `.rowid DESC LIMIT ?)
		ORDER BY score, id DESC LIMIT ?) r
		CROSS JOIN ` + table + ` ON ` + table + `.rowid = r.id`
}

func statementSearch(q SearchQuery, match string, treaties []string, limit int) (string, []any) {
	conds := []string{"statements_fts MATCH ?"}
	args := []any{q.Mark[0], q.Mark[1], match}
	conds, args = q.Period.where(articleTime, conds, args)
	if q.Speaker != "" {
		conds = append(conds, "s.speaker LIKE '%' || ? || '%'")
		args = append(args, q.Speaker)
	}
	if q.Source != "" {
		conds = append(conds, "a.source = ? COLLATE NOCASE")
		args = append(args, q.Source)
	}
	if q.Treaty != "" {
		conds = append(conds, "s.treaty IN ("+placeholders(len(treaties))+")")
		args = appendStrings(args, treaties)
	}
	joins := " CROSS JOIN statements s ON s.id = statements_fts.rowid"
	if q.Period != (Period{}) || q.Source != "" {
		// Only for the article's filters: the row of each candidate's article is read otherwise.
		joins += " CROSS JOIN articles a ON a.id = s.article_id"
	}
	return `SELECT 'statement', s.id, s.article_id, r.score,
		snippet(statements_fts, 0, ?, ?, '…', 32), s.speaker, s.speaker_role, s.cue, s.treaty,
		a.title, a.url, a.source, coalesce(a.published, ''), r.ranked
		FROM ` + rankedCandidates("statements_fts", statementRank, joins, conds) + `
		CROSS JOIN statements s ON s.id = r.id CROSS JOIN articles a ON a.id = s.article_id
		WHERE statements_fts MATCH ? ORDER BY r.score, r.id DESC`, append(args, searchCandidates, limit, match)
}

func articleSearch(q SearchQuery, match string, treaties []string, limit int) (string, []any) {
	conds := []string{"articles_fts MATCH ?"}
	args := []any{q.Mark[0], q.Mark[1], match}
	conds, args = q.Period.where(articleTime, conds, args)
	if q.Source != "" {
		conds = append(conds, "a.source = ? COLLATE NOCASE")
		args = append(args, q.Source)
	}
	if q.Treaty != "" {
		// Not correlated (EXISTS ... m.article_id = a.id): SQLite builds the set of articles once
		// instead of walking every mention of the treaty for each matching article.
		// On the full-text row id, so that it is tested before the article's row is read:
		// reading the row of every match was half the cost ("warheads" in 61,000 articles:
		// 52 ms, 25 ms this way). Written +rowid so that FTS5 does not take the list for rows
		// to look up one by one (ten times slower).
		conds = append(conds, `+articles_fts.rowid IN (SELECT m.article_id FROM mentions m
			WHERE m.type = 'treaty' AND m.entity_id IN (`+placeholders(len(treaties))+`))`)
		args = appendStrings(args, treaties)
	}
	return `SELECT 'article', 0, a.id, r.score,
		snippet(articles_fts, -1, ?, ?, '…', 32), '', '', '', '',
		a.title, a.url, a.source, coalesce(a.published, ''), r.ranked
		FROM ` + rankedCandidates("articles_fts", articleRank, `
			CROSS JOIN articles a ON a.id = articles_fts.rowid`, conds) + `
		CROSS JOIN articles a ON a.id = r.id
		WHERE articles_fts MATCH ? ORDER BY r.score, r.id DESC`, append(args, searchCandidates, limit, match)
}

// treatyIDs resolves a --treaty argument, an id or a name as the articles spell it, to the
// lexicon ids it may stand for.
func (db *DB) treatyIDs(ctx context.Context, t string) ([]string, error) {
	if t == "" {
		return nil, nil
	}
	var newest int64
	if err := db.sql.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM mentions").Scan(&newest); err != nil {
		return nil, err
	}
	if ids, ok := db.treaties.get(newest, t); ok {
		return ids, nil
	}
	ids := []string{t, strings.ToLower(strings.Join(strings.Fields(t), "_"))}
	rows, err := db.sql.QueryContext(ctx, `SELECT DISTINCT entity_id FROM mentions
		WHERE type = 'treaty' AND (entity_id = ?1 COLLATE NOCASE OR name = ?1 COLLATE NOCASE)`, t)
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
	if err := rows.Err(); err != nil {
		return nil, err
	}
	db.treaties.put(newest, t, ids)
	return ids, nil
}

// treatyCache keeps what treaty arguments resolve to: matching names reads every treaty
// mention (100,000 on a million statements, 30 ms), and the answer can change only when
// mentions are added, which moves the newest mention id (a re-saved article's mentions get new
// ids too).
type treatyCache struct {
	mu     sync.Mutex
	newest int64
	ids    map[string][]string
}

const treatyCacheMax = 100

func (c *treatyCache) get(newest int64, t string) ([]string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	ids, ok := c.ids[t]
	return ids, ok && c.newest == newest
}

func (c *treatyCache) put(newest int64, t string, ids []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.newest != newest || len(c.ids) >= treatyCacheMax {
		c.newest, c.ids = newest, map[string][]string{}
	}
	c.ids[t] = ids
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

func appendStrings(args []any, ss []string) []any {
	for _, s := range ss {
		args = append(args, s)
	}
	return args
}
