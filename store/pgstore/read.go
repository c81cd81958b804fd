package pgstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/armswatch/armswatch/store"

	"github.com/jackc/pgx/v5"
)

// The reading side: export, digest, stories, and reextract's pages. Orders match SQLite's:
// NULLs first in ascending order (SQLite's rule, not PostgreSQL's), and text compared by bytes
// (COLLATE "C", SQLite's BINARY) rather than by the server's locale.

// articleTime is the instant a Period compares against (store's articleTime).
const articleTime = "coalesce(a.published_utc, a.fetched_at)"

// where appends p's conditions on expr, numbering parameters after args.
func where(p store.Period, expr string, conds []string, args []any) ([]string, []any) {
	if !p.Since.IsZero() {
		args = append(args, store.FormatTime(p.Since))
		conds = append(conds, fmt.Sprintf("%s >= $%d", expr, len(args)))
	}
	if !p.Until.IsZero() {
		args = append(args, store.FormatTime(p.Until))
		conds = append(conds, fmt.Sprintf("%s < $%d", expr, len(args)))
	}
	return conds, args
}

func whereClause(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(conds, " AND ")
}

// exports are store's exports (the same columns, in the same order: store.ExportColumns) in
// PostgreSQL's SQL.
var exports = map[string]struct{ from, order string }{
	"statements": {
		from: `SELECT s.id, s.article_id, a.published, a.source, a.url, a.title, s.kind, s.speaker,
			s.speaker_role, s.speaker_kind, s.cue, s.text, s.treaty, s.paragraph, s.byte_start,
			s.byte_end FROM statements s JOIN articles a ON a.id = s.article_id`,
		order: "a.published_utc COLLATE \"C\" NULLS FIRST, a.id, s.seq",
	},
	"figures": {
		from: `SELECT f.id, f.article_id, a.published, a.source, a.url, a.title, f.text, f.value,
			f.value_max, f.comparator, f.unit, f.category, f.treaty, f.sentence, f.paragraph,
			f.byte_start, f.byte_end FROM figures f JOIN articles a ON a.id = f.article_id`,
		order: "a.published_utc COLLATE \"C\" NULLS FIRST, a.id, f.seq",
	},
	"articles": {
		from: `SELECT a.id, a.url, a.canonical_url, a.source, a.published, a.modified, a.title,
			a.subtitle, (SELECT string_agg(v, '; ') FROM json_array_elements_text(a.authors::json) v), a.section,
			a.language, a.dateline_text, a.relevance,
			(SELECT count(*) FROM statements s WHERE s.article_id = a.id),
			(SELECT count(*) FROM figures f WHERE f.article_id = a.id),
			a.analyzer_version, a.first_seen_at, a.fetched_at, a.body FROM articles a`,
		order: "a.published_utc COLLATE \"C\" NULLS FIRST, a.id",
	},
}

// Export streams the rows of an export kind within period, oldest article first (store.DB's
// Export: the same columns and cells).
func (db *DB) Export(ctx context.Context, kind string, p store.Period, fn func(row []string) error) error {
	e, ok := exports[kind]
	if !ok {
		_, err := store.ExportColumns(kind)
		return err
	}
	conds, args := where(p, articleTime, nil, nil)
	rows, err := db.pool.Query(ctx, e.from+whereClause(conds)+" ORDER BY "+e.order, args...)
	if err != nil {
		return fmt.Errorf("store: export %s: %w", kind, err)
	}
	defer rows.Close()
	var row []string
	for rows.Next() {
		vals, err := rows.Values()
		if err != nil {
			return fmt.Errorf("store: export %s: %w", kind, err)
		}
		row = row[:0]
		for _, v := range vals {
			row = append(row, store.CellText(v))
		}
		if err := fn(row); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: export %s: %w", kind, err)
	}
	return nil
}

// digestSQL is store's digest query in PostgreSQL's SQL.
const digestSQL = `
WITH new AS (SELECT * FROM articles a WHERE a.first_seen_at >= $1 AND a.first_seen_at < $2),
names AS (SELECT entity_id, max(name) AS name FROM mentions WHERE type = 'treaty' GROUP BY entity_id),
items AS (
    SELECT s.treaty, s.speaker, s.speaker_role AS role, 'statement' AS type, s.kind, s.text,
           '' AS context, s.cue, substr(coalesce(a.published, a.fetched_at), 1, 10) AS date,
           a.source, a.title, a.url, a.published_utc, a.id AS article_id, 0 AS type_order, s.seq,
           s.group_id,
           row_number() OVER (PARTITION BY coalesce(s.group_id, -s.id)
                              ORDER BY a.published_utc COLLATE "C" NULLS FIRST, a.id, s.seq) AS nth
    FROM statements s JOIN new a ON a.id = s.article_id
    UNION ALL
    SELECT f.treaty,
           coalesce((SELECT s.speaker FROM statements s WHERE s.article_id = f.article_id
                     AND s.byte_start <= f.byte_start AND s.byte_end >= f.byte_end ORDER BY s.id LIMIT 1), ''),
           '', 'figure', f.category, f.text, f.sentence, '',
           substr(coalesce(a.published, a.fetched_at), 1, 10), a.source, a.title, a.url,
           a.published_utc, a.id, 1, f.seq, f.group_id,
           row_number() OVER (PARTITION BY coalesce(f.group_id, -f.id)
                              ORDER BY a.published_utc COLLATE "C" NULLS FIRST, a.id, f.seq)
    FROM figures f JOIN new a ON a.id = f.article_id
)
SELECT i.treaty, coalesce(names.name, i.treaty), i.speaker, i.role, i.type, i.kind, i.text,
       i.context, i.cue, i.date, i.source, i.title, i.url,
       coalesce(CASE WHEN i.type = 'statement' THEN
           (SELECT string_agg(src, ', ' ORDER BY src COLLATE "C") FROM (SELECT DISTINCT a2.source AS src FROM statements s2
            JOIN articles a2 ON a2.id = s2.article_id WHERE s2.group_id = i.group_id AND a2.source <> i.source) o)
       ELSE
           (SELECT string_agg(src, ', ' ORDER BY src COLLATE "C") FROM (SELECT DISTINCT a2.source AS src FROM figures f2
            JOIN articles a2 ON a2.id = f2.article_id WHERE f2.group_id = i.group_id AND a2.source <> i.source) o)
       END, '')
FROM items i LEFT JOIN names ON names.entity_id = i.treaty
WHERE i.nth = 1
ORDER BY i.treaty = '', i.treaty COLLATE "C", i.speaker = '', i.speaker COLLATE "C", i.type_order,
         i.published_utc COLLATE "C" NULLS FIRST, i.article_id, i.seq`

// Digest streams the statements and figures of the articles first stored in period, in digest
// order (store.DB's Digest).
func (db *DB) Digest(ctx context.Context, p store.Period, fn func(*store.DigestItem) error) error {
	until := p.Until
	if until.IsZero() {
		until = time.Now().Add(time.Minute)
	}
	rows, err := db.pool.Query(ctx, digestSQL, store.FormatTime(p.Since), store.FormatTime(until))
	if err != nil {
		return fmt.Errorf("store: digest: %w", err)
	}
	defer rows.Close()
	var it store.DigestItem
	for rows.Next() {
		var date *string
		if err := rows.Scan(&it.Treaty, &it.TreatyName, &it.Speaker, &it.Role, &it.Type, &it.Kind,
			&it.Text, &it.Context, &it.Cue, &date, &it.Source, &it.Title, &it.URL, &it.AlsoReportedBy); err != nil {
			return fmt.Errorf("store: digest: %w", err)
		}
		it.Date = ""
		if date != nil {
			it.Date = *date
		}
		if err := fn(&it); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: digest: %w", err)
	}
	return nil
}

// DigestCounts counts the articles first stored in period, their stories, and their
// statements and figures by group.
func (db *DB) DigestCounts(ctx context.Context, p store.Period) (store.DigestSummary, error) {
	until := p.Until
	if until.IsZero() {
		until = time.Now().Add(time.Minute)
	}
	var s store.DigestSummary
	err := db.pool.QueryRow(ctx, `WITH new AS (SELECT id, story_id FROM articles a
		WHERE a.first_seen_at >= $1 AND a.first_seen_at < $2)
		SELECT (SELECT count(*) FROM new), (SELECT count(DISTINCT coalesce(story_id, -id)) FROM new),
		(SELECT count(DISTINCT coalesce(s.group_id, -s.id)) FROM statements s JOIN new ON new.id = s.article_id),
		(SELECT count(DISTINCT coalesce(f.group_id, -f.id)) FROM figures f JOIN new ON new.id = f.article_id)`,
		store.FormatTime(p.Since), store.FormatTime(until)).Scan(&s.Articles, &s.Stories, &s.Statements, &s.Figures)
	if err != nil {
		return s, fmt.Errorf("store: digest counts: %w", err)
	}
	return s, nil
}

// storiesSQL is store's stories query in PostgreSQL's SQL.
const storiesSQL = `
SELECT st.id AS story_id, st.first_at, st.first_source, st.articles,
       (SELECT string_agg(source, ', ' ORDER BY at COLLATE "C", source COLLATE "C") FROM (
            SELECT a.source, min(coalesce(a.published_utc, a.first_seen_at)) AS at FROM articles a
            WHERE a.story_id = st.id GROUP BY a.source) o) AS sources,
       st.language, st.title,
       (SELECT url FROM articles WHERE id = st.first_article_id) AS first_url
FROM stories st
WHERE st.first_at >= $1 AND st.articles >= $2
ORDER BY st.first_at COLLATE "C" DESC, st.id DESC`

// Stories returns the rows of the stories first published since since, newest first (saves
// make them: stories.go).
func (db *DB) Stories(ctx context.Context, since time.Time, all bool) (*sql.Rows, error) {
	minArticles := 2
	if all {
		minArticles = 1
	}
	rows, err := db.Query(ctx, storiesSQL, store.FormatTime(since), minArticles)
	if err != nil {
		return nil, fmt.Errorf("store: stories: %w", err)
	}
	return rows, nil
}

// StaleArticles returns the ids of articles whose analyzer_version differs from version (all
// when all is true), oldest first.
func (db *DB) StaleArticles(ctx context.Context, version string, all bool) ([]int64, error) {
	q := "SELECT id FROM articles WHERE analyzer_version <> $1 ORDER BY id"
	if all {
		q = "SELECT id FROM articles WHERE $1::text IS NOT NULL ORDER BY id"
	}
	rows, err := db.pool.Query(ctx, q, version)
	if err != nil {
		return nil, fmt.Errorf("store: stale articles: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("store: stale articles: %w", err)
	}
	return ids, nil
}

// Page loads article id's stored page, decompressed.
func (db *DB) Page(ctx context.Context, id int64) (*store.StoredPage, error) {
	p := &store.StoredPage{ID: id}
	var raw []byte
	var hint *string
	var fetched string
	err := db.pool.QueryRow(ctx, `SELECT url, source, profile, published_hint, fetched_at,
		analyzer_version, raw_html FROM articles WHERE id = $1`, id).
		Scan(&p.URL, &p.Source, &p.Profile, &hint, &fetched, &p.AnalyzerVersion, &raw)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("store: no article %d", id)
	}
	if err != nil {
		return nil, fmt.Errorf("store: article %d: %w", id, err)
	}
	if hint != nil {
		p.PublishedHint, _ = time.Parse(time.RFC3339, *hint)
	}
	p.FetchedAt, _ = time.Parse(store.TimeLayout, fetched)
	if raw != nil {
		if p.HTML, err = store.DecompressPageWith(ctx, pgDicts{db.pool}, raw); err != nil {
			return nil, fmt.Errorf("store: article %d: %w", id, err)
		}
	}
	return p, nil
}
