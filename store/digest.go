package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// DigestItem is one new statement or figure of a digest.
type DigestItem struct {
	Treaty     string // lexicon id, "" for none
	TreatyName string // as the articles name it, else the id
	Speaker    string // a figure's speaker is the speaker of the statement it stands in, if any
	Role       string
	Type       string // "statement" or "figure"
	Kind       string // statement kind, or the figure's category
	Text       string // the statement, or the figure's text
	Context    string // the sentence a figure stands in ("" for statements)
	Cue        string
	Date       string // the article's own date (YYYY-MM-DD)
	Source     string
	Title      string
	URL        string
	// AlsoReportedBy are the other sources that carried the same statement or figure (its
	// group: copies in other outlets' articles), comma-separated; "" when none did.
	AlsoReportedBy string
}

// DigestSummary counts what a period brought.
type DigestSummary struct {
	Articles, Statements, Figures int
	Stories                       int // the new articles' stories: copies of one article count once
}

// digestSQL lists the new items of articles first seen in [?, ?), grouped by treaty then
// speaker (the empty ones last), statements before figures, oldest first within a group. A
// statement or figure carried by several new articles (a statement or figure group) is listed
// once, from its earliest report, with the other sources that carried it.
const digestSQL = `
WITH new AS (SELECT * FROM articles a WHERE a.first_seen_at >= ? AND a.first_seen_at < ?),
names AS (SELECT entity_id, max(name) AS name FROM mentions WHERE type = 'treaty' GROUP BY entity_id),
items AS (
    SELECT s.treaty, s.speaker, s.speaker_role AS role, 'statement' AS type, s.kind, s.text,
           '' AS context, s.cue, substr(coalesce(a.published, a.fetched_at), 1, 10) AS date,
           a.source, a.title, a.url, a.published_utc, a.id AS article_id, 0 AS type_order, s.seq,
           s.group_id,
           row_number() OVER (PARTITION BY coalesce(s.group_id, -s.id)
                              ORDER BY a.published_utc, a.id, s.seq) AS nth
    FROM statements s JOIN new a ON a.id = s.article_id
    UNION ALL
    SELECT f.treaty,
           coalesce((SELECT s.speaker FROM statements s WHERE s.article_id = f.article_id
                     AND s.byte_start <= f.byte_start AND s.byte_end >= f.byte_end LIMIT 1), ''),
           '', 'figure', f.category, f.text, f.sentence, '',
           substr(coalesce(a.published, a.fetched_at), 1, 10), a.source, a.title, a.url,
           a.published_utc, a.id, 1, f.seq, f.group_id,
           row_number() OVER (PARTITION BY coalesce(f.group_id, -f.id)
                              ORDER BY a.published_utc, a.id, f.seq)
    FROM figures f JOIN new a ON a.id = f.article_id
)
SELECT i.treaty, coalesce(names.name, i.treaty), i.speaker, i.role, i.type, i.kind, i.text,
       i.context, i.cue, i.date, i.source, i.title, i.url,
       coalesce(CASE WHEN i.type = 'statement' THEN
           (SELECT group_concat(src, ', ') FROM (SELECT DISTINCT a2.source AS src FROM statements s2
            JOIN articles a2 ON a2.id = s2.article_id WHERE s2.group_id = i.group_id AND a2.source <> i.source ORDER BY src))
       ELSE
           (SELECT group_concat(src, ', ') FROM (SELECT DISTINCT a2.source AS src FROM figures f2
            JOIN articles a2 ON a2.id = f2.article_id WHERE f2.group_id = i.group_id AND a2.source <> i.source ORDER BY src))
       END, '')
FROM items i LEFT JOIN names ON names.entity_id = i.treaty
WHERE i.nth = 1
ORDER BY i.treaty = '', i.treaty, i.speaker = '', i.speaker, i.type_order, i.published_utc,
         i.article_id, i.seq`

// Digest streams the statements and figures of the articles first stored in period (by
// first_seen_at, so a late crawl of old news still shows up once), in digest order.
func (db *DB) Digest(ctx context.Context, p Period, fn func(*DigestItem) error) error {
	since, until := p.Since, p.Until
	if until.IsZero() {
		until = time.Now().Add(time.Minute)
	}
	rows, err := db.sql.QueryContext(ctx, digestSQL, utc(since), utc(until))
	if err != nil {
		return fmt.Errorf("store: digest: %w", err)
	}
	defer rows.Close()
	var it DigestItem
	for rows.Next() {
		var date sql.NullString
		if err := rows.Scan(&it.Treaty, &it.TreatyName, &it.Speaker, &it.Role, &it.Type, &it.Kind,
			&it.Text, &it.Context, &it.Cue, &date, &it.Source, &it.Title, &it.URL, &it.AlsoReportedBy); err != nil {
			return fmt.Errorf("store: digest: %w", err)
		}
		it.Date = date.String
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
// statements and figures by group (a statement carried by three of them counts once).
func (db *DB) DigestCounts(ctx context.Context, p Period) (DigestSummary, error) {
	until := p.Until
	if until.IsZero() {
		until = time.Now().Add(time.Minute)
	}
	var s DigestSummary
	err := db.sql.QueryRowContext(ctx, `WITH new AS (SELECT id, story_id FROM articles a
		WHERE a.first_seen_at >= ? AND a.first_seen_at < ?)
		SELECT (SELECT count(*) FROM new), (SELECT count(DISTINCT coalesce(story_id, -id)) FROM new),
		(SELECT count(DISTINCT coalesce(s.group_id, -s.id)) FROM statements s JOIN new ON new.id = s.article_id),
		(SELECT count(DISTINCT coalesce(f.group_id, -f.id)) FROM figures f JOIN new ON new.id = f.article_id)`,
		utc(p.Since), utc(until)).Scan(&s.Articles, &s.Stories, &s.Statements, &s.Figures)
	if err != nil {
		return s, fmt.Errorf("store: digest counts: %w", err)
	}
	return s, nil
}
