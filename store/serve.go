package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
)

// The queries of armswatch serve's pages. Each stays fast on a million statements: lists are
// paged and walk an index in their order, counts read an index only, and a timeline groups per
// article before it looks up the articles' dates (migration 4 adds the indexes).

// ErrNotFound is returned for a treaty, speaker or article the database does not hold.
var ErrNotFound = errors.New("not found")

// articleDate is the article's own calendar date, as the views compute it.
const articleDate = "substr(coalesce(a.published, a.fetched_at), 1, 10)"

// StatementRow is a statement with its article, for lists.
type StatementRow struct {
	ID          int64  `json:"statement_id"`
	ArticleID   int64  `json:"article_id"`
	Kind        string `json:"kind"`
	Text        string `json:"statement"`
	Speaker     string `json:"speaker"`
	Role        string `json:"role"`
	SpeakerKind string `json:"speaker_kind"`
	Cue         string `json:"cue"`
	Treaty      string `json:"treaty"`
	Title       string `json:"title"`
	URL         string `json:"url"`
	Source      string `json:"source"`
	Date        string `json:"date"`
}

// FigureRow is a figure with its article, for lists.
type FigureRow struct {
	ID         int64    `json:"figure_id"`
	ArticleID  int64    `json:"article_id"`
	Text       string   `json:"text"`
	Value      float64  `json:"value"`
	ValueMax   *float64 `json:"value_max"`
	Comparator string   `json:"comparator"`
	Unit       string   `json:"unit"`
	Category   string   `json:"category"`
	Treaty     string   `json:"treaty"`
	Sentence   string   `json:"sentence"`
	Title      string   `json:"title"`
	URL        string   `json:"url"`
	Source     string   `json:"source"`
	Date       string   `json:"date"`
}

// ListFilter selects statements or figures. Empty fields do not filter.
type ListFilter struct {
	Speaker  string // exact canonical speaker
	Treaty   string // lexicon id
	Category string // figures only
	Period          // on the article's publication time
	Limit    int    // default 20
	Offset   int
}

// indexPlanMax is the number of matching rows under which a list reads them through the
// filter's index and sorts them; above it, walking the articles newest first finds a page
// sooner than sorting every match.
var indexPlanMax = 4000

const statementCols = `s.id, s.article_id, s.kind, s.text, s.speaker, s.speaker_role, s.speaker_kind,
	s.cue, s.treaty, a.title, a.url, a.source, ` + articleDate

// conds are the filter's conditions on the item table under alias. noIndex writes them as
// "+column = ?", which SQLite cannot answer from an index: the newest-first walk must probe
// each article's items by article_id, not search the filter's index once per article.
func (f ListFilter) conds(alias string, withCategory, noIndex bool) ([]string, []any) {
	var conds []string
	var args []any
	col := alias + "."
	if noIndex {
		col = "+" + col
	}
	if f.Speaker != "" {
		conds = append(conds, col+"speaker = ?")
		args = append(args, f.Speaker)
	}
	if f.Treaty != "" {
		conds = append(conds, col+"treaty = ?")
		args = append(args, f.Treaty)
	}
	if withCategory && f.Category != "" {
		conds = append(conds, col+"category = ?")
		args = append(args, f.Category)
	}
	return conds, args
}

// CountStatements counts the statements of a speaker and/or treaty, ignoring the period (an
// index count; the period would need every article).
func (db *DB) CountStatements(ctx context.Context, f ListFilter) (int, error) {
	conds, args := f.conds("s", false, false)
	var n int
	err := db.sql.QueryRowContext(ctx, "SELECT count(*) FROM statements s"+whereClause(conds), args...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: count statements: %w", err)
	}
	return n, nil
}

// CountFigures counts the figures of a treaty (and category), ignoring the period.
func (db *DB) CountFigures(ctx context.Context, f ListFilter) (int, error) {
	conds, args := f.conds("f", true, false)
	var n int
	err := db.sql.QueryRowContext(ctx, "SELECT count(*) FROM figures f"+whereClause(conds), args...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: count figures: %w", err)
	}
	return n, nil
}

// listSQL builds a newest-first list query. With many matches (or none of the filters) SQLite
// walks articles_time backwards and probes the item table per article (CROSS JOIN keeps that
// order); with few, it reads the matches through the filter's index and sorts them.
func listSQL(cols, table, alias string, conds []string, args []any, p Period, many bool, asc bool) (string, []any) {
	conds, args = p.where(articleTime, conds, args)
	dir := " DESC"
	if asc {
		dir = ""
	}
	order := " ORDER BY " + articleTime + dir + ", a.id" + dir + ", " + alias + ".seq"
	if many {
		return "SELECT " + cols + " FROM articles a CROSS JOIN " + table + " " + alias + " ON " + alias +
			".article_id = a.id" + whereClause(conds) + order, args
	}
	return "SELECT " + cols + " FROM " + table + " " + alias + " JOIN articles a ON a.id = " + alias +
		".article_id" + whereClause(conds) + order, args
}

// Statements lists statements newest first.
func (db *DB) Statements(ctx context.Context, f ListFilter) ([]StatementRow, error) {
	return db.statements(ctx, f, false)
}

func (db *DB) statements(ctx context.Context, f ListFilter, asc bool) ([]StatementRow, error) {
	if f.Limit <= 0 {
		f.Limit = 20
	}
	many := true
	if f.Speaker != "" || f.Treaty != "" {
		n, err := db.CountStatements(ctx, f)
		if err != nil {
			return nil, err
		}
		many = n > indexPlanMax
	}
	conds, args := f.conds("s", false, many)
	q, args := listSQL(statementCols, "statements", "s", conds, args, f.Period, many, asc)
	rows, err := db.sql.QueryContext(ctx, q+" LIMIT ? OFFSET ?", append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, fmt.Errorf("store: statements: %w", err)
	}
	out, err := scanStatements(rows)
	if err != nil {
		return nil, fmt.Errorf("store: statements: %w", err)
	}
	return out, nil
}

func scanStatements(rows *sql.Rows) ([]StatementRow, error) {
	defer rows.Close()
	out := []StatementRow{}
	for rows.Next() {
		var s StatementRow
		if err := rows.Scan(&s.ID, &s.ArticleID, &s.Kind, &s.Text, &s.Speaker, &s.Role, &s.SpeakerKind,
			&s.Cue, &s.Treaty, &s.Title, &s.URL, &s.Source, &s.Date); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// EachStatement streams every statement of the filter newest first (CSV downloads); Limit and
// Offset are ignored.
func (db *DB) EachStatement(ctx context.Context, f ListFilter, fn func(*StatementRow) error) error {
	conds, args := f.conds("s", false, true)
	q, args := listSQL(statementCols, "statements", "s", conds, args, f.Period, true, false)
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("store: statements: %w", err)
	}
	defer rows.Close()
	var s StatementRow
	for rows.Next() {
		if err := rows.Scan(&s.ID, &s.ArticleID, &s.Kind, &s.Text, &s.Speaker, &s.Role, &s.SpeakerKind,
			&s.Cue, &s.Treaty, &s.Title, &s.URL, &s.Source, &s.Date); err != nil {
			return fmt.Errorf("store: statements: %w", err)
		}
		if err := fn(&s); err != nil {
			return err
		}
	}
	return rows.Err()
}

const figureCols = `f.id, f.article_id, f.text, f.value, f.value_max, f.comparator, f.unit, f.category,
	f.treaty, f.sentence, a.title, a.url, a.source, ` + articleDate

// Figures lists figures newest first.
func (db *DB) Figures(ctx context.Context, f ListFilter) ([]FigureRow, error) {
	if f.Limit <= 0 {
		f.Limit = 20
	}
	many := true
	if f.Treaty != "" || f.Category != "" {
		n, err := db.CountFigures(ctx, f)
		if err != nil {
			return nil, err
		}
		many = n > indexPlanMax
	}
	var out []FigureRow
	err := db.eachFigure(ctx, f, many, " LIMIT ? OFFSET ?", []any{f.Limit, f.Offset}, func(r *FigureRow) error {
		out = append(out, *r)
		return nil
	})
	if out == nil {
		out = []FigureRow{}
	}
	return out, err
}

// EachFigure streams every figure of the filter newest first (CSV downloads).
func (db *DB) EachFigure(ctx context.Context, f ListFilter, fn func(*FigureRow) error) error {
	return db.eachFigure(ctx, f, true, "", nil, fn)
}

func (db *DB) eachFigure(ctx context.Context, f ListFilter, many bool, tail string, tailArgs []any, fn func(*FigureRow) error) error {
	conds, args := f.conds("f", true, many)
	q, args := listSQL(figureCols, "figures", "f", conds, args, f.Period, many, false)
	rows, err := db.sql.QueryContext(ctx, q+tail, append(args, tailArgs...)...)
	if err != nil {
		return fmt.Errorf("store: figures: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r FigureRow
		if err := rows.Scan(&r.ID, &r.ArticleID, &r.Text, &r.Value, &r.ValueMax, &r.Comparator, &r.Unit,
			&r.Category, &r.Treaty, &r.Sentence, &r.Title, &r.URL, &r.Source, &r.Date); err != nil {
			return fmt.Errorf("store: figures: %w", err)
		}
		if err := fn(&r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: figures: %w", err)
	}
	return nil
}

// Bucket is one period of a timeline: Start is its first day (YYYY-MM-DD).
type Bucket struct {
	Start      string `json:"start"`
	Statements int    `json:"statements"`
	Figures    int    `json:"figures"`
}

// bucketExpr groups a date column by month or by week (starting on Monday).
func bucketExpr(date, by string) string {
	if by == "week" {
		return "date(" + date + ", '-6 days', 'weekday 1')"
	}
	return "substr(" + date + ", 1, 7) || '-01'"
}

// Timeline counts the statements and figures of a speaker and/or treaty per week or month
// ("week" or "month"), oldest first. Items are counted per article first, so the articles'
// dates are read once per article, not once per item.
func (db *DB) Timeline(ctx context.Context, f ListFilter, by string) ([]Bucket, error) {
	byStart := map[string]*Bucket{}
	var order []string
	add := func(table, alias string, withCategory bool, set func(*Bucket, int)) error {
		conds, args := f.conds(alias, withCategory, false)
		per := "SELECT article_id, count(*) AS n FROM " + table + " " + alias + whereClause(conds) + " GROUP BY article_id"
		outer, args := f.Period.where(articleTime, nil, args)
		q := "SELECT " + bucketExpr(articleDate, by) + " AS b, sum(x.n) FROM (" + per + ") x " +
			"JOIN articles a INDEXED BY articles_dates ON a.id = x.article_id" + whereClause(outer) + " GROUP BY b"
		rows, err := db.sql.QueryContext(ctx, q, args...)
		if err != nil {
			return fmt.Errorf("store: timeline: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var start sql.NullString
			var n int
			if err := rows.Scan(&start, &n); err != nil {
				return fmt.Errorf("store: timeline: %w", err)
			}
			b := byStart[start.String]
			if b == nil {
				b = &Bucket{Start: start.String}
				byStart[start.String] = b
				order = append(order, start.String)
			}
			set(b, n)
		}
		return rows.Err()
	}
	if err := add("statements", "s", false, func(b *Bucket, n int) { b.Statements = n }); err != nil {
		return nil, err
	}
	if f.Speaker == "" {
		if err := add("figures", "f", true, func(b *Bucket, n int) { b.Figures = n }); err != nil {
			return nil, err
		}
	}
	return sortedBuckets(byStart, order), nil
}

func sortedBuckets(m map[string]*Bucket, keys []string) []Bucket {
	out := make([]Bucket, 0, len(keys))
	for _, k := range keys {
		out = append(out, *m[k])
	}
	for i := 1; i < len(out); i++ { // insertion sort: a few hundred buckets at most
		for j := i; j > 0 && out[j].Start < out[j-1].Start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// FigureBucket summarises the figures of one category in one period.
type FigureBucket struct {
	Category string  `json:"category"`
	Start    string  `json:"start"`
	Count    int     `json:"count"`
	Min      float64 `json:"min"`
	Max      float64 `json:"max"`
}

// FigureSeries returns, per category (except "other") and week or month, how many figures a
// treaty's articles reported and their smallest and largest values, oldest first.
func (db *DB) FigureSeries(ctx context.Context, treaty, by string, p Period) ([]FigureBucket, error) {
	conds, args := p.where(articleTime, []string{"f.treaty = ?", "f.category <> 'other'"}, []any{treaty})
	q := "SELECT f.category, " + bucketExpr(articleDate, by) + " AS b, count(*), min(f.value), max(f.value) " +
		"FROM figures f JOIN articles a INDEXED BY articles_dates ON a.id = f.article_id" + whereClause(conds) +
		" GROUP BY f.category, b ORDER BY f.category, b"
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: figure series: %w", err)
	}
	defer rows.Close()
	out := []FigureBucket{}
	for rows.Next() {
		var b FigureBucket
		var start sql.NullString
		if err := rows.Scan(&b.Category, &start, &b.Count, &b.Min, &b.Max); err != nil {
			return nil, fmt.Errorf("store: figure series: %w", err)
		}
		b.Start = start.String
		out = append(out, b)
	}
	return out, rows.Err()
}

// Tally is a name with a count.
type Tally struct {
	Name string `json:"name"`
	N    int    `json:"n"`
}

// TopSpeakers returns the speakers with most statements (about treaty, if given).
func (db *DB) TopSpeakers(ctx context.Context, treaty string, limit int) ([]Tally, error) {
	q := "SELECT speaker, count(*) AS n FROM statements WHERE speaker <> ''"
	var args []any
	if treaty != "" {
		q += " AND treaty = ?"
		args = append(args, treaty)
	}
	return db.tallies(ctx, q+" GROUP BY speaker ORDER BY n DESC, speaker LIMIT ?", append(args, limit)...)
}

func (db *DB) tallies(ctx context.Context, q string, args ...any) ([]Tally, error) {
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: tally: %w", err)
	}
	defer rows.Close()
	out := []Tally{}
	for rows.Next() {
		var t Tally
		if err := rows.Scan(&t.Name, &t.N); err != nil {
			return nil, fmt.Errorf("store: tally: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// TreatyRow is a treaty the statements or figures are about.
type TreatyRow struct {
	ID         string `json:"treaty"`
	Name       string `json:"name"`
	Statements int    `json:"statements"`
	Figures    int    `json:"figures"`
	Mentions   int    `json:"mentions"`
	Articles   int    `json:"articles"`
}

// Treaty returns one treaty's counts; ErrNotFound if nothing names it.
func (db *DB) Treaty(ctx context.Context, id string) (TreatyRow, error) {
	t := TreatyRow{ID: id}
	var name sql.NullString
	err := db.sql.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM statements WHERE treaty = ?1),
		(SELECT count(*) FROM figures WHERE treaty = ?1),
		(SELECT count(*) FROM mentions WHERE type = 'treaty' AND entity_id = ?1),
		(SELECT count(DISTINCT article_id) FROM mentions WHERE type = 'treaty' AND entity_id = ?1),
		(SELECT name FROM mentions WHERE type = 'treaty' AND entity_id = ?1 AND name <> '' LIMIT 1)`, id).
		Scan(&t.Statements, &t.Figures, &t.Mentions, &t.Articles, &name)
	if err != nil {
		return t, fmt.Errorf("store: treaty %s: %w", id, err)
	}
	if t.Statements+t.Figures+t.Mentions == 0 || id == "" {
		return t, fmt.Errorf("store: treaty %q: %w", id, ErrNotFound)
	}
	t.Name = cmpOr(name.String, id)
	return t, nil
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// TreatyName is the name the articles give a treaty, else its id.
func (db *DB) TreatyName(ctx context.Context, id string) (string, error) {
	var name string
	err := db.sql.QueryRowContext(ctx, `SELECT name FROM mentions WHERE type = 'treaty' AND entity_id = ? AND name <> '' LIMIT 1`, id).Scan(&name)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("store: treaty %s: %w", id, err)
	}
	return cmpOr(name, id), nil
}

// Treaties lists the treaties statements are about, most statements first. It reads the
// distinct treaties from the index, then counts each through it.
func (db *DB) Treaties(ctx context.Context) ([]TreatyRow, error) {
	// Each step seeks the next distinct treaty in the index: a few seeks instead of a scan.
	ids, err := db.tallies(ctx, `WITH RECURSIVE
		st(x) AS (SELECT min(treaty) FROM statements WHERE treaty > ''
			UNION ALL SELECT (SELECT min(treaty) FROM statements WHERE treaty > st.x) FROM st WHERE st.x IS NOT NULL),
		fi(x) AS (SELECT min(treaty) FROM figures WHERE treaty > ''
			UNION ALL SELECT (SELECT min(treaty) FROM figures WHERE treaty > fi.x) FROM fi WHERE fi.x IS NOT NULL)
		SELECT x, 0 FROM st WHERE x IS NOT NULL UNION SELECT x, 0 FROM fi WHERE x IS NOT NULL`)
	if err != nil {
		return nil, err
	}
	out := []TreatyRow{}
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id.Name] {
			continue
		}
		seen[id.Name] = true
		t, err := db.Treaty(ctx, id.Name)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Statements+out[j].Figures > out[j-1].Statements+out[j-1].Figures; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out, nil
}

// SpeakerRow is what the speaker page heads with.
type SpeakerRow struct {
	Name       string   `json:"speaker"`
	Kind       string   `json:"speaker_kind"`
	Roles      []string `json:"roles"`
	Statements int      `json:"statements"`
	FirstDate  string   `json:"first_date"`
	LastDate   string   `json:"last_date"`
	Treaties   []Tally  `json:"treaties"`
}

// RolesSample is how many of a speaker's newest statements the roles are read from.
const RolesSample = 200

// SpeakerRoles returns the distinct roles of a speaker's recent statements (newest first), at
// most five: the speaker's current titles, without reading every row. Both backends use it.
func SpeakerRoles(recent []StatementRow) []string {
	roles := []string{} // "roles": [] in JSON when there are none
	seen := map[string]bool{}
	for _, st := range recent {
		if st.Role != "" && !seen[st.Role] && len(roles) < 5 {
			seen[st.Role] = true
			roles = append(roles, st.Role)
		}
	}
	return roles
}

// Speaker returns a speaker's counts, roles, treaties and first and last dates (within the
// filter's treaty and period); ErrNotFound if the speaker said nothing stored.
func (db *DB) Speaker(ctx context.Context, f ListFilter) (SpeakerRow, error) {
	sp := SpeakerRow{Name: f.Speaker, Roles: []string{}}
	if f.Speaker == "" {
		return sp, fmt.Errorf("store: speaker \"\": %w", ErrNotFound)
	}
	var err error
	if sp.Treaties, err = db.tallies(ctx, "SELECT treaty, count(*) AS n FROM statements WHERE speaker = ? "+
		"GROUP BY treaty ORDER BY n DESC, treaty", f.Speaker); err != nil {
		return sp, err
	}
	for _, t := range sp.Treaties {
		sp.Statements += t.N
	}
	if sp.Statements == 0 {
		return sp, fmt.Errorf("store: speaker %q: %w", f.Speaker, ErrNotFound)
	}
	// Roles from the newest statements: the speaker's current titles, without reading every row.
	recent, err := db.Statements(ctx, ListFilter{Speaker: f.Speaker, Limit: RolesSample})
	if err != nil {
		return sp, err
	}
	sp.Roles = SpeakerRoles(recent)
	db.sql.QueryRowContext(ctx, "SELECT speaker_kind FROM statements WHERE speaker = ? LIMIT 1", f.Speaker).Scan(&sp.Kind)
	one := f
	one.Limit, one.Offset = 1, 0
	for _, asc := range []bool{true, false} {
		rows, err := db.statements(ctx, one, asc)
		if err != nil {
			return sp, err
		}
		if len(rows) == 1 && asc {
			sp.FirstDate = rows[0].Date
		} else if len(rows) == 1 {
			sp.LastDate = rows[0].Date
		}
	}
	return sp, nil
}

// ArticleDetail is an article with everything found in it.
type ArticleDetail struct {
	ID           int64              `json:"article_id"`
	URL          string             `json:"url"`
	CanonicalURL string             `json:"canonical_url"`
	Source       string             `json:"source"`
	Title        string             `json:"title"`
	Subtitle     string             `json:"subtitle"`
	Published    string             `json:"published"`
	Date         string             `json:"date"`
	Dateline     string             `json:"dateline"`
	Body         string             `json:"body"`
	Relevance    float64            `json:"relevance"`
	Statements   []ArticleStatement `json:"statements"`
	Figures      []ArticleFigure    `json:"figures"`
	Dates        []ArticleDate      `json:"dates"`
	Mentions     []ArticleMention   `json:"mentions"`
}

// ArticleStatement is a statement with its place in the body.
type ArticleStatement struct {
	StatementRow
	Paragraph int      `json:"paragraph"`
	Start     int      `json:"byte_start"`
	End       int      `json:"byte_end"`
	Spans     [][2]int `json:"spans"`
}

// ArticleDate is a date mention with its place in the body.
type ArticleDate struct {
	Text        string  `json:"text"`
	Kind        string  `json:"kind"`
	Value       string  `json:"value"`
	ValueEnd    *string `json:"value_end"`
	Granularity string  `json:"granularity"`
	Start       int     `json:"byte_start"`
	End         int     `json:"byte_end"`
}

// ArticleMention is a mention with its place in the body.
type ArticleMention struct {
	Type     string `json:"type"`
	EntityID string `json:"entity_id"`
	Name     string `json:"name"`
	Text     string `json:"text"`
	Start    int    `json:"byte_start"`
	End      int    `json:"byte_end"`
}

// ArticleFigure is a figure with its place in the body.
type ArticleFigure struct {
	FigureRow
	Start int `json:"byte_start"`
	End   int `json:"byte_end"`
}

// Article returns an article with its statements, figures, dates and mentions in text order;
// ErrNotFound if there is no such id.
func (db *DB) Article(ctx context.Context, id int64) (*ArticleDetail, error) {
	d := &ArticleDetail{ID: id}
	var published, dateline sql.NullString
	err := db.sql.QueryRowContext(ctx, `SELECT a.url, a.canonical_url, a.source, a.title, a.subtitle,
		a.published, `+articleDate+`, a.dateline_text, a.body, a.relevance FROM articles a WHERE a.id = ?`, id).
		Scan(&d.URL, &d.CanonicalURL, &d.Source, &d.Title, &d.Subtitle, &published, &d.Date, &dateline, &d.Body, &d.Relevance)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: article %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: article %d: %w", id, err)
	}
	d.Published, d.Dateline = published.String, dateline.String
	if err := db.articleStatements(ctx, d); err != nil {
		return nil, err
	}
	if err := db.articleFigures(ctx, d); err != nil {
		return nil, err
	}
	if err := db.articleDates(ctx, d); err != nil {
		return nil, err
	}
	if err := db.articleMentions(ctx, d); err != nil {
		return nil, err
	}
	return d, nil
}

func (db *DB) articleStatements(ctx context.Context, d *ArticleDetail) error {
	rows, err := db.sql.QueryContext(ctx, `SELECT s.id, s.kind, s.text, s.speaker, s.speaker_role,
		s.speaker_kind, s.cue, s.treaty, s.paragraph, s.byte_start, s.byte_end, s.spans
		FROM statements s WHERE s.article_id = ? ORDER BY s.byte_start, s.seq`, d.ID)
	if err != nil {
		return fmt.Errorf("store: article %d statements: %w", d.ID, err)
	}
	defer rows.Close()
	d.Statements = []ArticleStatement{}
	for rows.Next() {
		s := ArticleStatement{StatementRow: StatementRow{ArticleID: d.ID, Title: d.Title, URL: d.URL, Source: d.Source, Date: d.Date}}
		var spans string
		if err := rows.Scan(&s.ID, &s.Kind, &s.Text, &s.Speaker, &s.Role, &s.SpeakerKind, &s.Cue, &s.Treaty,
			&s.Paragraph, &s.Start, &s.End, &spans); err != nil {
			return fmt.Errorf("store: article %d statements: %w", d.ID, err)
		}
		s.Spans = parseSpans(spans, s.Start, s.End)
		d.Statements = append(d.Statements, s)
	}
	return rows.Err()
}

// parseSpans reads a statements.spans JSON list ([[start,end],...]); anything unreadable falls
// back to the statement's whole range.
func parseSpans(js string, start, end int) [][2]int {
	var out [][2]int
	if err := json.Unmarshal([]byte(js), &out); err != nil || len(out) == 0 {
		return [][2]int{{start, end}}
	}
	return out
}

func (db *DB) articleFigures(ctx context.Context, d *ArticleDetail) error {
	rows, err := db.sql.QueryContext(ctx, `SELECT f.id, f.text, f.value, f.value_max, f.comparator, f.unit,
		f.category, f.treaty, f.sentence, f.byte_start, f.byte_end FROM figures f WHERE f.article_id = ?
		ORDER BY f.byte_start, f.seq`, d.ID)
	if err != nil {
		return fmt.Errorf("store: article %d figures: %w", d.ID, err)
	}
	defer rows.Close()
	d.Figures = []ArticleFigure{}
	for rows.Next() {
		r := ArticleFigure{FigureRow: FigureRow{ArticleID: d.ID, Title: d.Title, URL: d.URL, Source: d.Source, Date: d.Date}}
		if err := rows.Scan(&r.ID, &r.Text, &r.Value, &r.ValueMax, &r.Comparator, &r.Unit, &r.Category,
			&r.Treaty, &r.Sentence, &r.Start, &r.End); err != nil {
			return fmt.Errorf("store: article %d figures: %w", d.ID, err)
		}
		d.Figures = append(d.Figures, r)
	}
	return rows.Err()
}

func (db *DB) articleDates(ctx context.Context, d *ArticleDetail) error {
	rows, err := db.sql.QueryContext(ctx, `SELECT text, kind, value, value_end, granularity, byte_start, byte_end
		FROM dates WHERE article_id = ? ORDER BY byte_start, seq`, d.ID)
	if err != nil {
		return fmt.Errorf("store: article %d dates: %w", d.ID, err)
	}
	defer rows.Close()
	d.Dates = []ArticleDate{}
	for rows.Next() {
		var x ArticleDate
		if err := rows.Scan(&x.Text, &x.Kind, &x.Value, &x.ValueEnd, &x.Granularity, &x.Start, &x.End); err != nil {
			return fmt.Errorf("store: article %d dates: %w", d.ID, err)
		}
		d.Dates = append(d.Dates, x)
	}
	return rows.Err()
}

func (db *DB) articleMentions(ctx context.Context, d *ArticleDetail) error {
	rows, err := db.sql.QueryContext(ctx, `SELECT type, entity_id, name, text, byte_start, byte_end
		FROM mentions WHERE article_id = ? ORDER BY byte_start, seq`, d.ID)
	if err != nil {
		return fmt.Errorf("store: article %d mentions: %w", d.ID, err)
	}
	defer rows.Close()
	d.Mentions = []ArticleMention{}
	for rows.Next() {
		var m ArticleMention
		if err := rows.Scan(&m.Type, &m.EntityID, &m.Name, &m.Text, &m.Start, &m.End); err != nil {
			return fmt.Errorf("store: article %d mentions: %w", d.ID, err)
		}
		d.Mentions = append(d.Mentions, m)
	}
	return rows.Err()
}

// NewestFirstSeen is the latest first_seen_at (UTC text), "" for an empty database.
func (db *DB) NewestFirstSeen(ctx context.Context) (string, error) {
	var s sql.NullString
	if err := db.sql.QueryRowContext(ctx, "SELECT max(first_seen_at) FROM articles").Scan(&s); err != nil {
		return "", fmt.Errorf("store: newest article: %w", err)
	}
	return s.String, nil
}

// RecentArticles returns the ids of the articles first stored at or after since (UTC text),
// newest first, at most limit, and how many there are in all.
func (db *DB) RecentArticles(ctx context.Context, since string, limit int) ([]int64, int, error) {
	var total int
	if err := db.sql.QueryRowContext(ctx, "SELECT count(*) FROM articles WHERE first_seen_at >= ?", since).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store: recent articles: %w", err)
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT id FROM articles WHERE first_seen_at >= ?
		ORDER BY first_seen_at DESC, id DESC LIMIT ?`, since, limit)
	if err != nil {
		return nil, 0, fmt.Errorf("store: recent articles: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, 0, fmt.Errorf("store: recent articles: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, total, rows.Err()
}

// ArticlesItems returns the statements and figures of the given articles, newest article first.
func (db *DB) ArticlesItems(ctx context.Context, ids []int64) ([]StatementRow, []FigureRow, error) {
	if len(ids) == 0 {
		return []StatementRow{}, []FigureRow{}, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	in := "(" + placeholders(len(ids)) + ")"
	order := " ORDER BY " + articleTime + " DESC, a.id DESC"
	rows, err := db.sql.QueryContext(ctx, "SELECT "+statementCols+" FROM statements s JOIN articles a ON a.id = s.article_id "+
		"WHERE s.article_id IN "+in+order+", s.seq", args...)
	if err != nil {
		return nil, nil, fmt.Errorf("store: recent statements: %w", err)
	}
	ss, err := scanStatements(rows)
	if err != nil {
		return nil, nil, fmt.Errorf("store: recent statements: %w", err)
	}
	frows, err := db.sql.QueryContext(ctx, "SELECT "+figureCols+" FROM figures f JOIN articles a ON a.id = f.article_id "+
		"WHERE f.article_id IN "+in+order+", f.seq", args...)
	if err != nil {
		return nil, nil, fmt.Errorf("store: recent figures: %w", err)
	}
	defer frows.Close()
	fs := []FigureRow{}
	for frows.Next() {
		var r FigureRow
		if err := frows.Scan(&r.ID, &r.ArticleID, &r.Text, &r.Value, &r.ValueMax, &r.Comparator, &r.Unit,
			&r.Category, &r.Treaty, &r.Sentence, &r.Title, &r.URL, &r.Source, &r.Date); err != nil {
			return nil, nil, fmt.Errorf("store: recent figures: %w", err)
		}
		fs = append(fs, r)
	}
	return ss, fs, frows.Err()
}

// Generation changes whenever articles, statements, figures, mentions or dates are added or
// re-saved (a re-save gives the items new ids): the newest row id of each table, O(log n) each.
// Caches of aggregate answers key on it.
func (db *DB) Generation(ctx context.Context) (string, error) {
	var g string
	err := db.sql.QueryRowContext(ctx, `SELECT coalesce((SELECT max(id) FROM articles), 0) || '.' ||
		coalesce((SELECT max(id) FROM statements), 0) || '.' || coalesce((SELECT max(id) FROM figures), 0) || '.' ||
		coalesce((SELECT max(id) FROM mentions), 0) || '.' || coalesce((SELECT max(id) FROM dates), 0)`).Scan(&g)
	if err != nil {
		return "", fmt.Errorf("store: generation: %w", err)
	}
	return g, nil
}
