package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/armswatch/armswatch/store"
)

// The queries of armswatch serve's pages (store.ServeStore), as store/serve.go answers them on
// SQLite: the same rows in the same order. SQLite needs hints there (CROSS JOIN to walk
// articles newest first, "+column" and INDEXED BY to keep an index out or in); PostgreSQL's
// planner chooses between the articles_time walk and the filter's index from its statistics,
// so each list is one plain query. Ties are ordered by bytes (COLLATE "C", SQLite's BINARY).

// articleDate is the article's own calendar date, as the views compute it.
const articleDate = "substr(coalesce(a.published, a.fetched_at), 1, 10)"

const statementCols = `s.id, s.article_id, s.kind, s.text, s.speaker, s.speaker_role, s.speaker_kind,
	s.cue, s.treaty, a.title, a.url, a.source, ` + articleDate

const figureCols = `f.id, f.article_id, f.text, f.value, f.value_max, f.comparator, f.unit, f.category,
	f.treaty, f.sentence, a.title, a.url, a.source, ` + articleDate

// listConds are a filter's conditions on the item table under alias, numbered after args.
func listConds(f store.ListFilter, alias string, withCategory bool, args []any) ([]string, []any) {
	var conds []string
	add := func(col, v string) {
		args = append(args, v)
		conds = append(conds, fmt.Sprintf("%s.%s = $%d", alias, col, len(args)))
	}
	if f.Speaker != "" {
		add("speaker", f.Speaker)
	}
	if f.Treaty != "" {
		add("treaty", f.Treaty)
	}
	if withCategory && f.Category != "" {
		add("category", f.Category)
	}
	return conds, args
}

// listSQL is a list of items newest first (oldest first with asc), within the filter and period.
func listSQL(cols, table, alias string, f store.ListFilter, withCategory, asc bool) (string, []any) {
	conds, args := listConds(f, alias, withCategory, nil)
	conds, args = where(f.Period, articleTime, conds, args)
	dir := " DESC"
	if asc {
		dir = ""
	}
	return "SELECT " + cols + " FROM " + table + " " + alias + " JOIN articles a ON a.id = " + alias + ".article_id" +
		whereClause(conds) + " ORDER BY " + articleTime + dir + ", a.id" + dir + ", " + alias + ".seq", args
}

// paged appends LIMIT and OFFSET parameters to q.
func paged(q string, args []any, limit, offset int) (string, []any) {
	return q + fmt.Sprintf(" LIMIT $%d OFFSET $%d", len(args)+1, len(args)+2), append(args, limit, offset)
}

func scanStatement(rows pgx.Rows, s *store.StatementRow) error {
	return rows.Scan(&s.ID, &s.ArticleID, &s.Kind, &s.Text, &s.Speaker, &s.Role, &s.SpeakerKind,
		&s.Cue, &s.Treaty, &s.Title, &s.URL, &s.Source, &s.Date)
}

func scanFigure(rows pgx.Rows, r *store.FigureRow) error {
	return rows.Scan(&r.ID, &r.ArticleID, &r.Text, &r.Value, &r.ValueMax, &r.Comparator, &r.Unit,
		&r.Category, &r.Treaty, &r.Sentence, &r.Title, &r.URL, &r.Source, &r.Date)
}

// each runs q and calls scan then fn for each row.
func (db *DB) each(ctx context.Context, q string, args []any, scan func(pgx.Rows) error) error {
	rows, err := db.pool.Query(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Statements lists statements newest first.
func (db *DB) Statements(ctx context.Context, f store.ListFilter) ([]store.StatementRow, error) {
	return db.statements(ctx, f, false)
}

func (db *DB) statements(ctx context.Context, f store.ListFilter, asc bool) ([]store.StatementRow, error) {
	if f.Limit <= 0 {
		f.Limit = 20
	}
	q, args := listSQL(statementCols, "statements", "s", f, false, asc)
	q, args = paged(q, args, f.Limit, f.Offset)
	out := []store.StatementRow{}
	err := db.each(ctx, q, args, func(rows pgx.Rows) error {
		var s store.StatementRow
		err := scanStatement(rows, &s)
		out = append(out, s)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: statements: %w", err)
	}
	return out, nil
}

// EachStatement streams every statement of the filter newest first (CSV downloads); Limit and
// Offset are ignored.
func (db *DB) EachStatement(ctx context.Context, f store.ListFilter, fn func(*store.StatementRow) error) error {
	q, args := listSQL(statementCols, "statements", "s", f, false, false)
	var s store.StatementRow
	return db.each(ctx, q, args, func(rows pgx.Rows) error {
		if err := scanStatement(rows, &s); err != nil {
			return fmt.Errorf("store: statements: %w", err)
		}
		return fn(&s)
	})
}

// Figures lists figures newest first.
func (db *DB) Figures(ctx context.Context, f store.ListFilter) ([]store.FigureRow, error) {
	if f.Limit <= 0 {
		f.Limit = 20
	}
	q, args := listSQL(figureCols, "figures", "f", f, true, false)
	q, args = paged(q, args, f.Limit, f.Offset)
	out := []store.FigureRow{}
	err := db.each(ctx, q, args, func(rows pgx.Rows) error {
		var r store.FigureRow
		err := scanFigure(rows, &r)
		out = append(out, r)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: figures: %w", err)
	}
	return out, nil
}

// EachFigure streams every figure of the filter newest first (CSV downloads).
func (db *DB) EachFigure(ctx context.Context, f store.ListFilter, fn func(*store.FigureRow) error) error {
	q, args := listSQL(figureCols, "figures", "f", f, true, false)
	var r store.FigureRow
	return db.each(ctx, q, args, func(rows pgx.Rows) error {
		if err := scanFigure(rows, &r); err != nil {
			return fmt.Errorf("store: figures: %w", err)
		}
		return fn(&r)
	})
}

// bucketExpr groups a date column by month or by week (starting on Monday), as SQLite's
// date(d, '-6 days', 'weekday 1') does; a date that is not YYYY-MM-DD has no week (NULL, as
// SQLite's date() gives).
func bucketExpr(date, by string) string {
	if by == "week" {
		return "CASE WHEN " + date + ` ~ '^\d{4}-\d{2}-\d{2}$' THEN to_char(date_trunc('week', (` + date +
			`)::date), 'YYYY-MM-DD') END`
	}
	return "substr(" + date + ", 1, 7) || '-01'"
}

// Timeline counts the statements and figures of a speaker and/or treaty per week or month,
// oldest first; items are counted per article first, as on SQLite.
func (db *DB) Timeline(ctx context.Context, f store.ListFilter, by string) ([]store.Bucket, error) {
	byStart := map[string]*store.Bucket{}
	add := func(table, alias string, withCategory bool, set func(*store.Bucket, int)) error {
		conds, args := listConds(f, alias, withCategory, nil)
		per := "SELECT article_id, count(*) AS n FROM " + table + " " + alias + whereClause(conds) + " GROUP BY article_id"
		outer, args := where(f.Period, articleTime, nil, args)
		q := "SELECT coalesce(" + bucketExpr(articleDate, by) + ", '') AS b, sum(x.n) FROM (" + per + ") x " +
			"JOIN articles a ON a.id = x.article_id" + whereClause(outer) + " GROUP BY b"
		var start string
		var n int
		err := db.each(ctx, q, args, func(rows pgx.Rows) error {
			if err := rows.Scan(&start, &n); err != nil {
				return err
			}
			b := byStart[start]
			if b == nil {
				b = &store.Bucket{Start: start}
				byStart[start] = b
			}
			set(b, n)
			return nil
		})
		if err != nil {
			return fmt.Errorf("store: timeline: %w", err)
		}
		return nil
	}
	if err := add("statements", "s", false, func(b *store.Bucket, n int) { b.Statements = n }); err != nil {
		return nil, err
	}
	if f.Speaker == "" {
		if err := add("figures", "f", true, func(b *store.Bucket, n int) { b.Figures = n }); err != nil {
			return nil, err
		}
	}
	out := make([]store.Bucket, 0, len(byStart))
	for _, b := range byStart {
		out = append(out, *b)
	}
	slices.SortFunc(out, func(a, b store.Bucket) int { return strings.Compare(a.Start, b.Start) })
	return out, nil
}

// FigureSeries returns, per category (except "other") and week or month, how many figures a
// treaty's articles reported and their smallest and largest values, oldest first.
func (db *DB) FigureSeries(ctx context.Context, treaty, by string, p store.Period) ([]store.FigureBucket, error) {
	conds, args := where(p, articleTime, []string{"f.treaty = $1", "f.category <> 'other'"}, []any{treaty})
	q := "SELECT * FROM (SELECT f.category, coalesce(" + bucketExpr(articleDate, by) + ", '') AS b, count(*), " +
		"min(f.value), max(f.value) FROM figures f JOIN articles a ON a.id = f.article_id" + whereClause(conds) +
		` GROUP BY f.category, b) x ORDER BY category COLLATE "C", b COLLATE "C"`
	out := []store.FigureBucket{}
	err := db.each(ctx, q, args, func(rows pgx.Rows) error {
		var b store.FigureBucket
		err := rows.Scan(&b.Category, &b.Start, &b.Count, &b.Min, &b.Max)
		out = append(out, b)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: figure series: %w", err)
	}
	return out, nil
}

// TopSpeakers returns the speakers with most statements (about treaty, if given).
func (db *DB) TopSpeakers(ctx context.Context, treaty string, limit int) ([]store.Tally, error) {
	q := "SELECT speaker, count(*) AS n FROM statements WHERE speaker <> ''"
	args := []any{limit}
	if treaty != "" {
		q += " AND treaty = $2"
		args = append(args, treaty)
	}
	return db.tallies(ctx, q+` GROUP BY speaker ORDER BY n DESC, speaker COLLATE "C" LIMIT $1`, args...)
}

func (db *DB) tallies(ctx context.Context, q string, args ...any) ([]store.Tally, error) {
	out := []store.Tally{}
	err := db.each(ctx, q, args, func(rows pgx.Rows) error {
		var t store.Tally
		err := rows.Scan(&t.Name, &t.N)
		out = append(out, t)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: tally: %w", err)
	}
	return out, nil
}

// Treaty returns one treaty's counts; store.ErrNotFound if nothing names it.
func (db *DB) Treaty(ctx context.Context, id string) (store.TreatyRow, error) {
	t := store.TreatyRow{ID: id}
	var name *string
	err := db.pool.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM statements WHERE treaty = $1),
		(SELECT count(*) FROM figures WHERE treaty = $1),
		(SELECT count(*) FROM mentions WHERE type = 'treaty' AND entity_id = $1),
		(SELECT count(DISTINCT article_id) FROM mentions WHERE type = 'treaty' AND entity_id = $1),
		(SELECT name FROM mentions WHERE type = 'treaty' AND entity_id = $1 AND name <> '' ORDER BY id LIMIT 1)`, id).
		Scan(&t.Statements, &t.Figures, &t.Mentions, &t.Articles, &name)
	if err != nil {
		return t, fmt.Errorf("store: treaty %s: %w", id, err)
	}
	if t.Statements+t.Figures+t.Mentions == 0 || id == "" {
		return t, fmt.Errorf("store: treaty %q: %w", id, store.ErrNotFound)
	}
	t.Name = id
	if name != nil {
		t.Name = *name
	}
	return t, nil
}

// TreatyName is the name the articles give a treaty, else its id.
func (db *DB) TreatyName(ctx context.Context, id string) (string, error) {
	var name string
	err := db.pool.QueryRow(ctx, `SELECT name FROM mentions WHERE type = 'treaty' AND entity_id = $1 AND name <> ''
		ORDER BY id LIMIT 1`, id).Scan(&name)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return "", fmt.Errorf("store: treaty %s: %w", id, err)
	}
	if name == "" {
		return id, nil
	}
	return name, nil
}

// Treaties lists the treaties statements or figures are about, most statements and figures
// first (ties by id). The distinct treaties are read by skipping through the indexes on treaty
// (a recursive query: a few seeks instead of a scan), as on SQLite.
func (db *DB) Treaties(ctx context.Context) ([]store.TreatyRow, error) {
	ids, err := db.tallies(ctx, `WITH RECURSIVE
		st(x) AS (SELECT min(treaty) FROM statements WHERE treaty > ''
			UNION ALL SELECT (SELECT min(treaty) FROM statements WHERE treaty > st.x) FROM st WHERE st.x IS NOT NULL),
		fi(x) AS (SELECT min(treaty) FROM figures WHERE treaty > ''
			UNION ALL SELECT (SELECT min(treaty) FROM figures WHERE treaty > fi.x) FROM fi WHERE fi.x IS NOT NULL)
		SELECT x, 0 FROM (SELECT x FROM st WHERE x IS NOT NULL UNION SELECT x FROM fi WHERE x IS NOT NULL) u
		ORDER BY x COLLATE "C"`)
	if err != nil {
		return nil, err
	}
	out := []store.TreatyRow{}
	for _, id := range ids {
		t, err := db.Treaty(ctx, id.Name)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	slices.SortStableFunc(out, func(a, b store.TreatyRow) int {
		return (b.Statements + b.Figures) - (a.Statements + a.Figures)
	})
	return out, nil
}

// Speaker returns a speaker's counts, roles, treaties and first and last dates (within the
// filter's treaty and period); store.ErrNotFound if the speaker said nothing stored.
func (db *DB) Speaker(ctx context.Context, f store.ListFilter) (store.SpeakerRow, error) {
	sp := store.SpeakerRow{Name: f.Speaker, Roles: []string{}}
	if f.Speaker == "" {
		return sp, fmt.Errorf("store: speaker \"\": %w", store.ErrNotFound)
	}
	var err error
	if sp.Treaties, err = db.tallies(ctx, `SELECT treaty, count(*) AS n FROM statements WHERE speaker = $1
		GROUP BY treaty ORDER BY n DESC, treaty COLLATE "C"`, f.Speaker); err != nil {
		return sp, err
	}
	for _, t := range sp.Treaties {
		sp.Statements += t.N
	}
	if sp.Statements == 0 {
		return sp, fmt.Errorf("store: speaker %q: %w", f.Speaker, store.ErrNotFound)
	}
	recent, err := db.Statements(ctx, store.ListFilter{Speaker: f.Speaker, Limit: store.RolesSample})
	if err != nil {
		return sp, err
	}
	sp.Roles = store.SpeakerRoles(recent)
	if err := db.pool.QueryRow(ctx, "SELECT speaker_kind FROM statements WHERE speaker = $1 ORDER BY id LIMIT 1",
		f.Speaker).Scan(&sp.Kind); err != nil {
		return sp, fmt.Errorf("store: speaker %q: %w", f.Speaker, err)
	}
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

// Article returns an article with its statements, figures, dates and mentions in text order;
// store.ErrNotFound if there is no such id.
func (db *DB) Article(ctx context.Context, id int64) (*store.ArticleDetail, error) {
	d := &store.ArticleDetail{ID: id}
	var published, dateline *string
	err := db.pool.QueryRow(ctx, `SELECT a.url, a.canonical_url, a.source, a.title, a.subtitle,
		a.published, `+articleDate+`, a.dateline_text, a.body, a.relevance FROM articles a WHERE a.id = $1`, id).
		Scan(&d.URL, &d.CanonicalURL, &d.Source, &d.Title, &d.Subtitle, &published, &d.Date, &dateline, &d.Body, &d.Relevance)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("store: article %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: article %d: %w", id, err)
	}
	if published != nil {
		d.Published = *published
	}
	if dateline != nil {
		d.Dateline = *dateline
	}
	d.Statements, d.Figures, d.Dates, d.Mentions = []store.ArticleStatement{}, []store.ArticleFigure{}, []store.ArticleDate{}, []store.ArticleMention{}
	parts := []struct {
		what, q string
		scan    func(pgx.Rows) error
	}{
		{"statements", `SELECT s.id, s.kind, s.text, s.speaker, s.speaker_role, s.speaker_kind, s.cue, s.treaty,
			s.paragraph, s.byte_start, s.byte_end, s.spans FROM statements s WHERE s.article_id = $1
			ORDER BY s.byte_start, s.seq`, func(rows pgx.Rows) error {
			s := store.ArticleStatement{StatementRow: store.StatementRow{ArticleID: id, Title: d.Title, URL: d.URL, Source: d.Source, Date: d.Date}}
			var spans string
			if err := rows.Scan(&s.ID, &s.Kind, &s.Text, &s.Speaker, &s.Role, &s.SpeakerKind, &s.Cue, &s.Treaty,
				&s.Paragraph, &s.Start, &s.End, &spans); err != nil {
				return err
			}
			s.Spans = parseSpans(spans, s.Start, s.End)
			d.Statements = append(d.Statements, s)
			return nil
		}},
		{"figures", `SELECT f.id, f.text, f.value, f.value_max, f.comparator, f.unit, f.category, f.treaty,
			f.sentence, f.byte_start, f.byte_end FROM figures f WHERE f.article_id = $1 ORDER BY f.byte_start, f.seq`,
			func(rows pgx.Rows) error {
				r := store.ArticleFigure{FigureRow: store.FigureRow{ArticleID: id, Title: d.Title, URL: d.URL, Source: d.Source, Date: d.Date}}
				if err := rows.Scan(&r.ID, &r.Text, &r.Value, &r.ValueMax, &r.Comparator, &r.Unit, &r.Category,
					&r.Treaty, &r.Sentence, &r.Start, &r.End); err != nil {
					return err
				}
				d.Figures = append(d.Figures, r)
				return nil
			}},
		{"dates", `SELECT text, kind, value, value_end, granularity, byte_start, byte_end FROM dates
			WHERE article_id = $1 ORDER BY byte_start, seq`, func(rows pgx.Rows) error {
			var x store.ArticleDate
			if err := rows.Scan(&x.Text, &x.Kind, &x.Value, &x.ValueEnd, &x.Granularity, &x.Start, &x.End); err != nil {
				return err
			}
			d.Dates = append(d.Dates, x)
			return nil
		}},
		{"mentions", `SELECT type, entity_id, name, text, byte_start, byte_end FROM mentions
			WHERE article_id = $1 ORDER BY byte_start, seq`, func(rows pgx.Rows) error {
			var m store.ArticleMention
			if err := rows.Scan(&m.Type, &m.EntityID, &m.Name, &m.Text, &m.Start, &m.End); err != nil {
				return err
			}
			d.Mentions = append(d.Mentions, m)
			return nil
		}},
	}
	for _, p := range parts {
		if err := db.each(ctx, p.q, []any{id}, p.scan); err != nil {
			return nil, fmt.Errorf("store: article %d %s: %w", id, p.what, err)
		}
	}
	return d, nil
}

// parseSpans reads a statements.spans JSON list ([[start,end],...]); anything unreadable falls
// back to the statement's whole range (store's rule).
func parseSpans(js string, start, end int) [][2]int {
	var out [][2]int
	if err := json.Unmarshal([]byte(js), &out); err != nil || len(out) == 0 {
		return [][2]int{{start, end}}
	}
	return out
}

// NewestFirstSeen is the latest first_seen_at (UTC text), "" for an empty database.
func (db *DB) NewestFirstSeen(ctx context.Context) (string, error) {
	var s *string
	if err := db.pool.QueryRow(ctx, "SELECT max(first_seen_at) FROM articles").Scan(&s); err != nil {
		return "", fmt.Errorf("store: newest article: %w", err)
	}
	if s == nil {
		return "", nil
	}
	return *s, nil
}

// RecentArticles returns the ids of the articles first stored at or after since (UTC text),
// newest first, at most limit, and how many there are in all.
func (db *DB) RecentArticles(ctx context.Context, since string, limit int) ([]int64, int, error) {
	var total int
	if err := db.pool.QueryRow(ctx, "SELECT count(*) FROM articles WHERE first_seen_at >= $1", since).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store: recent articles: %w", err)
	}
	var ids []int64
	err := db.each(ctx, `SELECT id FROM articles WHERE first_seen_at >= $1 ORDER BY first_seen_at DESC, id DESC LIMIT $2`,
		[]any{since, limit}, func(rows pgx.Rows) error {
			var id int64
			err := rows.Scan(&id)
			ids = append(ids, id)
			return err
		})
	if err != nil {
		return nil, 0, fmt.Errorf("store: recent articles: %w", err)
	}
	return ids, total, nil
}

// ArticlesItems returns the statements and figures of the given articles, newest article first.
func (db *DB) ArticlesItems(ctx context.Context, ids []int64) ([]store.StatementRow, []store.FigureRow, error) {
	ss, fs := []store.StatementRow{}, []store.FigureRow{}
	if len(ids) == 0 {
		return ss, fs, nil
	}
	order := " ORDER BY " + articleTime + " DESC, a.id DESC"
	err := db.each(ctx, "SELECT "+statementCols+" FROM statements s JOIN articles a ON a.id = s.article_id "+
		"WHERE s.article_id = ANY($1)"+order+", s.seq", []any{ids}, func(rows pgx.Rows) error {
		var s store.StatementRow
		err := scanStatement(rows, &s)
		ss = append(ss, s)
		return err
	})
	if err != nil {
		return nil, nil, fmt.Errorf("store: recent statements: %w", err)
	}
	err = db.each(ctx, "SELECT "+figureCols+" FROM figures f JOIN articles a ON a.id = f.article_id "+
		"WHERE f.article_id = ANY($1)"+order+", f.seq", []any{ids}, func(rows pgx.Rows) error {
		var r store.FigureRow
		err := scanFigure(rows, &r)
		fs = append(fs, r)
		return err
	})
	if err != nil {
		return nil, nil, fmt.Errorf("store: recent figures: %w", err)
	}
	return ss, fs, nil
}

// Generation changes whenever articles, statements, figures, mentions or dates are added or
// re-saved: the newest row id of each table (an index's last entry each). Caches of aggregate
// answers key on it.
func (db *DB) Generation(ctx context.Context) (string, error) {
	var g string
	err := db.pool.QueryRow(ctx, `SELECT coalesce((SELECT max(id) FROM articles), 0) || '.' ||
		coalesce((SELECT max(id) FROM statements), 0) || '.' || coalesce((SELECT max(id) FROM figures), 0) || '.' ||
		coalesce((SELECT max(id) FROM mentions), 0) || '.' || coalesce((SELECT max(id) FROM dates), 0)`).Scan(&g)
	if err != nil {
		return "", fmt.Errorf("store: generation: %w", err)
	}
	return g, nil
}
