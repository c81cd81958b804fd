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
}

// DigestSummary counts what a period brought.
type DigestSummary struct {
	Articles, Statements, Figures int
}

// digestSQL lists the new items of articles first seen in [?, ?), grouped by treaty then
// speaker (the empty ones last), statements before figures, oldest first within a group.
const digestSQL = `
WITH new AS (SELECT * FROM articles a WHERE a.first_seen_at >= ? AND a.first_seen_at < ?),
names AS (SELECT entity_id, max(name) AS name FROM mentions WHERE type = 'treaty' GROUP BY entity_id)
SELECT i.treaty, coalesce(names.name, i.treaty), i.speaker, i.role, i.type, i.kind, i.text,
       i.context, i.cue, i.date, i.source, i.title, i.url
FROM (
    SELECT s.treaty, s.speaker, s.speaker_role AS role, 'statement' AS type, s.kind, s.text,
           '' AS context, s.cue, substr(coalesce(a.published, a.fetched_at), 1, 10) AS date,
           a.source, a.title, a.url, a.published_utc, a.id AS article_id, 0 AS type_order, s.seq
    FROM statements s JOIN new a ON a.id = s.article_id
    UNION ALL
    SELECT f.treaty,
           coalesce((SELECT s.speaker FROM statements s WHERE s.article_id = f.article_id
                     AND s.byte_start <= f.byte_start AND s.byte_end >= f.byte_end LIMIT 1), ''),
           '', 'figure', f.category, f.text, f.sentence, '',
           substr(coalesce(a.published, a.fetched_at), 1, 10), a.source, a.title, a.url,
           a.published_utc, a.id, 1, f.seq
    FROM figures f JOIN new a ON a.id = f.article_id
) i LEFT JOIN names ON names.entity_id = i.treaty
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
			&it.Text, &it.Context, &it.Cue, &date, &it.Source, &it.Title, &it.URL); err != nil {
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

// DigestCounts counts the articles first stored in period and their statements and figures.
func (db *DB) DigestCounts(ctx context.Context, p Period) (DigestSummary, error) {
	until := p.Until
	if until.IsZero() {
		until = time.Now().Add(time.Minute)
	}
	var s DigestSummary
	err := db.sql.QueryRowContext(ctx, `SELECT count(*),
		coalesce(sum((SELECT count(*) FROM statements s WHERE s.article_id = a.id)), 0),
		coalesce(sum((SELECT count(*) FROM figures f WHERE f.article_id = a.id)), 0)
		FROM articles a WHERE a.first_seen_at >= ? AND a.first_seen_at < ?`,
		utc(p.Since), utc(until)).Scan(&s.Articles, &s.Statements, &s.Figures)
	if err != nil {
		return s, fmt.Errorf("store: digest counts: %w", err)
	}
	return s, nil
}
