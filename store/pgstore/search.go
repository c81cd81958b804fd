package pgstore

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/jackc/pgx/v5"

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

// matches is the condition the GIN index answers: each configuration's query on its own rows.
const matches = `((f.config = 'english'::regconfig AND f.tsv @@ websearch_to_tsquery('english', $1))
	OR (f.config = 'russian'::regconfig AND f.tsv @@ websearch_to_tsquery('russian', $1)))`

// Search returns the best hits over statements and article text, best first (store.DB's
// Search). The query is websearch_to_tsquery's syntax ("a phrase", OR, -word); plain words
// are ANDed, and punctuation inside a word ("INF-Treaty") makes a phrase of its parts as in
// SQLite. FTS5's other operators (NEAR, column filters, prefix*) are not PostgreSQL's.
func (db *DB) Search(ctx context.Context, q store.SearchQuery) ([]store.Hit, error) {
	r, err := db.SearchResults(ctx, q)
	return r.Hits, err
}

// SearchResults is Search that also tells whether the ranking was bounded (searchCandidates).
func (db *DB) SearchResults(ctx context.Context, q store.SearchQuery) (store.SearchResults, error) {
	if strings.TrimSpace(q.Text) == "" {
		return store.SearchResults{}, errors.New("store: search: empty query")
	}
	if q.Limit <= 0 {
		q.Limit = 20
	}
	if q.Mark == [2]string{} {
		q.Mark = [2]string{"«", "»"}
	}
	r, err := db.search(ctx, q, tsText(q.Text))
	if err != nil {
		return store.SearchResults{}, fmt.Errorf("store: search %q: %w", q.Text, err)
	}
	return r, nil
}

// tsText is a query as websearch_to_tsquery is given it: plain words become phrases
// (phrases); in a query with operators, FTS5's NOT, which websearch_to_tsquery would read as
// a word (and drop, a stop word), becomes its "-" on what follows ("Kremlin NOT resume" is
// "Kremlin -resume": Kremlin and not resume). Search and watch queries read alike on both
// backends.
func tsText(q string) string {
	if !store.UsesSearchSyntax(q) {
		return phrases(q)
	}
	fields := strings.Fields(q)
	var out []string
	inPhrase, negate := false, false
	for _, f := range fields {
		if f == "NOT" && !inPhrase {
			negate = true
			continue
		}
		if negate {
			f, negate = "-"+f, false
		}
		if strings.Count(f, `"`)%2 == 1 {
			inPhrase = !inPhrase
		}
		out = append(out, f)
	}
	return strings.Join(out, " ")
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

// searchCandidates bounds how many matches of each table a search ranks (store's bound): the
// hits are the best of the newest searchCandidates matches by row id, and SearchResults.Capped
// says when older matches were left out. ts_rank reads each ranked row's tsvector, and the
// bitmap heap scan behind a GIN match reads each matching row: a common word ("treaty" in
// 121,348 of a million statements) took seconds to rank whole. A variable so that tests can
// lower it.
var searchCandidates = 10_000

// firstWindow is how many of the newest row ids the first pass of a search looks among: a
// search looks for its candidates in windows of newest ids, each wider than the last (nextWindow),
// until one holds searchCandidates matches or covers the table. The GIN index names every
// match, but the heap scan (and the joins of the filters) then reads only those in the window,
// so a common word reads a few times searchCandidates rows rather than all its matches, and a
// rare one costs a few cheap index scans. A variable so that tests can lower it. A variable so that tests can lower it.
var firstWindow int64 = 20_000

// nextWindow widens a window in which found matches were too few: to where a quarter more
// than the candidates are expected at the density seen (each row of a window is read), at
// least four times as wide (so that a search takes few passes), and to the whole table when
// none were seen.
func nextWindow(window int64, found int) int64 {
	if found == 0 {
		return math.MaxInt64 / 2
	}
	return max(4*window, window*int64(searchCandidates)*5/4/int64(found))
}

func (db *DB) search(ctx context.Context, q store.SearchQuery, text string) (store.SearchResults, error) {
	treaties, err := db.treatyIDs(ctx, q.Treaty)
	if err != nil {
		return store.SearchResults{}, err
	}
	res := resolved{treaties: treaties}
	if q.Speaker != "" {
		if res.speakers, err = db.speakerNames(ctx, q.Speaker); err != nil {
			return store.SearchResults{}, err
		}
	}
	st, err := db.searchTable(ctx, statementTable, q, text, res, q.Limit)
	if err != nil {
		return store.SearchResults{}, err
	}
	r := store.SearchResults{Hits: st.hits, Capped: st.capped}
	if q.Speaker != "" {
		return r, nil
	}
	// Twice the limit: enough once the articles of the (at most limit) statement hits are
	// dropped.
	ar, err := db.searchTable(ctx, articleTable, q, text, res, 2*q.Limit)
	if err != nil {
		return store.SearchResults{}, err
	}
	seen := map[int64]bool{}
	for _, h := range r.Hits {
		seen[h.ArticleID] = true
	}
	for _, h := range ar.hits {
		if !seen[h.ArticleID] {
			r.Hits = append(r.Hits, h)
		}
	}
	sort.SliceStable(r.Hits, func(i, j int) bool { return r.Hits[i].Score < r.Hits[j].Score })
	r.Hits = r.Hits[:min(len(r.Hits), q.Limit)]
	r.Capped = r.Capped || ar.capped
	return r, nil
}

// ftsTable is what a search needs of one full-text table.
type ftsTable struct {
	fts, id string // the side table and its row id column
	sql     func(q store.SearchQuery, text string, res resolved, limit int, low int64) query
}

// resolved are a search's filters as looked up before it runs: the treaty's lexicon ids, and
// the speakers whose name holds the speaker filter (nil when there are too many to use).
type resolved struct {
	treaties, speakers []string
}

var (
	statementTable = ftsTable{"statements_fts", "statement_id", statementSearch}
	articleTable   = ftsTable{"articles_fts", "article_id", articleSearch}
)

// tableHits are one table's best hits.
type tableHits struct {
	hits   []store.Hit
	capped bool
}

// searchTable returns the best limit hits of one table among its newest searchCandidates
// matches, looking in ever wider windows of newest row ids. The first window is where the
// planner expects a quarter more than the candidates (the whole table when it expects at most
// twice as many in all), so that a search usually takes one pass; firstWindow is the least.
func (db *DB) searchTable(ctx context.Context, t ftsTable, q store.SearchQuery, text string, res resolved, limit int) (tableHits, error) {
	var newest int64
	if err := db.pool.QueryRow(ctx, "SELECT coalesce(max("+t.id+"), 0) FROM "+t.fts).Scan(&newest); err != nil {
		return tableHits{}, err
	}
	expected, err := db.expectedMatches(ctx, t.sql(q, text, res, limit, 0))
	if err != nil {
		return tableHits{}, err
	}
	window := newest
	if expected > 2*float64(searchCandidates) {
		window = max(firstWindow, int64(float64(newest)*float64(searchCandidates)*1.25/expected))
	}
	for {
		low := max(newest-window, 0) // rows with an id above low
		hits, ranked, err := db.hits(ctx, t.sql(q, text, res, limit, low))
		if err != nil {
			return tableHits{}, err
		}
		if ranked >= searchCandidates || low == 0 {
			return tableHits{hits: hits, capped: ranked >= searchCandidates}, nil
		}
		window = nextWindow(window, ranked)
	}
}

// expectedMatches is the planner's estimate of the rows that match a search (after its
// filters) over the whole table: the rows into the ranking (the WindowAgg node) of the plan of
// qr without its bound on candidates. A plan costs a millisecond or two; a pass over a window
// too small costs a read of each of its rows.
func (db *DB) expectedMatches(ctx context.Context, qr query) (float64, error) {
	args := append([]any{pgx.QueryExecModeExec}, qr.args...)
	args[5] = math.MaxInt32 // $5, searchCandidates
	var plan []struct{ Plan planNode }
	if err := db.pool.QueryRow(ctx, "EXPLAIN (FORMAT JSON) "+qr.sql, args...).Scan(&plan); err != nil {
		return 0, fmt.Errorf("plan: %w", err)
	}
	if len(plan) == 0 {
		return 0, errors.New("plan: empty")
	}
	return plan[0].Plan.rows("WindowAgg"), nil
}

// planNode is a node of EXPLAIN (FORMAT JSON).
type planNode struct {
	Type  string     `json:"Node Type"`
	Rows  float64    `json:"Plan Rows"`
	Plans []planNode `json:"Plans"`
}

// rows returns the estimated rows of the first node of the type, depth first; 0 if none.
func (n planNode) rows(typ string) float64 {
	if n.Type == typ {
		return n.Rows
	}
	for _, c := range n.Plans {
		if r := c.rows(typ); r > 0 {
			return r
		}
	}
	return 0
}

type query struct {
	sql  string
	args []any
}

// hits reads search rows: a Hit's fields, then how many candidates were ranked.
func (db *DB) hits(ctx context.Context, qr query) ([]store.Hit, int, error) {
	// Planned for its own arguments every time (an unnamed statement), never from a cached
	// generic plan: the best plan for a word in 40 rows (the GIN index) is not the best for one
	// in 100,000, nor for a window of ten thousand ids or of all of them.
	rows, err := db.pool.Query(ctx, qr.sql, append([]any{pgx.QueryExecModeExec}, qr.args...)...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var hits []store.Hit
	var ranked int
	for rows.Next() {
		var h store.Hit
		if err := rows.Scan(&h.Kind, &h.StatementID, &h.ArticleID, &h.Score, &h.Snippet, &h.Speaker,
			&h.Role, &h.Cue, &h.Treaty, &h.Title, &h.URL, &h.Source, &h.Published, &ranked); err != nil {
			return nil, 0, err
		}
		hits = append(hits, h)
	}
	return hits, ranked, rows.Err()
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

// ranked is the core of both searches: the newest searchCandidates matches above the row id
// low that pass the filters (cands: their id, config and tsvector), ranked by ts_rank on the
// stored tsvector, the best limit of them (the newest first among equal scores, as in SQLite,
// so that pages do not overlap) with how many were ranked. The snippets and the joins for the
// columns shown are made afterwards for those rows only. Parameters: $1 the query text, $2
// ts_headline's options, $3 the limit, $4 low, $5 searchCandidates. The id is written id + 0
// so that the order cannot come from the primary key: walked backwards, it reads and tests
// every row of the window (145 ms for a word in 40 of a million statements), where the GIN
// index, ANDed with the key's range, reads the matching rows only.
func ranked(weights, cands string) string {
	return `(SELECT c.id, c.config, -ts_rank(` + weights + `, c.tsv, ` + tsqueryOf("c") + `, 1)::float8 AS score,
			count(*) OVER () AS ranked
		FROM (` + cands + ` ORDER BY 1 DESC LIMIT $5) c
		ORDER BY score, c.id DESC LIMIT $3) r`
}

// tsqueryOf is the query ($1) in the configuration of the row alias.
func tsqueryOf(alias string) string {
	return `(CASE WHEN ` + alias + `.config = 'russian'::regconfig THEN websearch_to_tsquery('russian', $1) ELSE websearch_to_tsquery('english', $1) END)`
}

// statementSearch finds statements; the speaker filter, the treaty and the article's filters
// join statements (and articles) to the candidates only when they are asked for.
func statementSearch(q store.SearchQuery, text string, res resolved, limit int, low int64) query {
	args := []any{text, headlineOptions(q.Mark), limit, low, searchCandidates}
	conds := []string{matches, "f.statement_id > $4"}
	if q.Speaker != "" {
		args = append(args, q.Speaker)
		conds = append(conds, fmt.Sprintf("s.speaker ILIKE '%%' || $%d || '%%'", len(args)))
		if res.speakers != nil {
			args = append(args, res.speakers)
			conds = append(conds, speakerWords(len(args)))
		}
	}
	conds, args = filters(q, res.treaties, conds, args, "s.treaty = ANY($%d)")
	from := "statements_fts f"
	if q.Speaker != "" || q.Treaty != "" || q.Period != (store.Period{}) || q.Source != "" {
		from += " JOIN statements s ON s.id = f.statement_id"
	}
	if q.Period != (store.Period{}) || q.Source != "" {
		from += " JOIN articles a ON a.id = s.article_id"
	}
	cands := `SELECT f.statement_id + 0 AS id, f.config, f.tsv FROM ` + from + whereClause(conds)
	return query{`SELECT 'statement', s.id, s.article_id, r.score, ts_headline(r.config, s.text, ` + tsqueryOf("r") + `, $2),
		s.speaker, s.speaker_role, s.cue, s.treaty, a.title, a.url, a.source, coalesce(a.published, ''), r.ranked
		FROM ` + ranked(statementWeights, cands) + `
		JOIN statements s ON s.id = r.id JOIN articles a ON a.id = s.article_id
		ORDER BY r.score, r.id DESC`, args}
}

// speakerWords is the condition that a statement's tsvector holds the words of one of the
// speaker names in the parameter n, in order (the speaker is in the tsvector, weight B): the
// GIN index answers it with the query's words, so that a speaker filter reads the rows of that
// speaker's statements only, instead of the speaker of every match. The ILIKE test stays: the
// words are a necessary condition, not the filter. The scalar subqueries run once.
func speakerWords(n int) string {
	words := func(cfg string) string {
		return fmt.Sprintf(`(SELECT string_agg('(' || phraseto_tsquery('%s', name)::text || ')', ' | ')::tsquery FROM unnest($%d::text[]) name)`, cfg, n)
	}
	return `((f.config = 'english'::regconfig AND f.tsv @@ ` + words("english") + `)
		OR (f.config = 'russian'::regconfig AND f.tsv @@ ` + words("russian") + `))`
}

// maxSpeakerNames bounds the names speakerWords ORs: beyond, the filter is tested row by row.
const maxSpeakerNames = 50

// speakerNames returns the distinct speakers whose name holds s (ILIKE, as the filter), found
// by a skip scan of the statements_speaker index (one probe per distinct speaker), or nil when
// there are more than maxSpeakerNames or one of them has no word the tsvector keeps (a name of
// stop words only: speakerWords would not find it).
func (db *DB) speakerNames(ctx context.Context, s string) ([]string, error) {
	rows, err := db.pool.Query(ctx, `WITH RECURSIVE sp(name) AS (
			(SELECT speaker FROM statements ORDER BY speaker LIMIT 1)
			UNION ALL
			SELECT (SELECT speaker FROM statements WHERE speaker > sp.name ORDER BY speaker LIMIT 1)
			FROM sp WHERE sp.name IS NOT NULL)
		SELECT name, numnode(phraseto_tsquery('english', name)) > 0 AND numnode(phraseto_tsquery('russian', name)) > 0
		FROM sp WHERE name ILIKE '%' || $1 || '%' LIMIT $2`, s, maxSpeakerNames+1)
	if err != nil {
		return nil, fmt.Errorf("speakers: %w", err)
	}
	defer rows.Close()
	names := []string{}
	for rows.Next() {
		var name string
		var words bool
		if err := rows.Scan(&name, &words); err != nil {
			return nil, fmt.Errorf("speakers: %w", err)
		}
		if !words {
			return nil, nil
		}
		names = append(names, name)
	}
	if err := rows.Err(); err != nil || len(names) > maxSpeakerNames {
		return nil, err
	}
	return names, nil
}

// articleSearch finds articles by their title, subtitle and body.
func articleSearch(q store.SearchQuery, text string, res resolved, limit int, low int64) query {
	args := []any{text, headlineOptions(q.Mark), limit, low, searchCandidates}
	conds, args := filters(q, res.treaties, []string{matches, "f.article_id > $4"}, args,
		`f.article_id IN (SELECT m.article_id FROM mentions m WHERE m.type = 'treaty' AND m.entity_id = ANY($%d))`)
	from := "articles_fts f"
	if q.Period != (store.Period{}) || q.Source != "" {
		from += " JOIN articles a ON a.id = f.article_id"
	}
	cands := `SELECT f.article_id + 0 AS id, f.config, f.tsv FROM ` + from + whereClause(conds)
	return query{`SELECT 'article', 0::bigint, a.id, r.score,
		ts_headline(r.config, a.title || E'\n' || a.subtitle || E'\n' || a.body, ` + tsqueryOf("r") + `, $2),
		'', '', '', '', a.title, a.url, a.source, coalesce(a.published, ''), r.ranked
		FROM ` + ranked(articleWeights, cands) + `
		JOIN articles a ON a.id = r.id
		ORDER BY r.score, r.id DESC`, args}
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
