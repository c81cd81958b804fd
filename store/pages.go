package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// StoredPage is a stored article's raw page and what reextract needs to analyze it again.
type StoredPage struct {
	ID              int64
	URL             string
	Source          string
	Profile         string
	PublishedHint   time.Time // the feed's or sitemap's publication time; zero if none
	FetchedAt       time.Time
	AnalyzerVersion string
	HTML            []byte // decompressed; nil when no page was stored
}

// StaleArticles returns the ids of articles whose analyzer_version differs from version (all
// articles when all is true), oldest first. Only ids are held, so the caller can write while it
// walks them.
func (db *DB) StaleArticles(ctx context.Context, version string, all bool) ([]int64, error) {
	q := "SELECT id FROM articles WHERE analyzer_version <> ? ORDER BY id"
	if all {
		q = "SELECT id FROM articles WHERE ? IS NOT NULL ORDER BY id"
	}
	rows, err := db.sql.QueryContext(ctx, q, version)
	if err != nil {
		return nil, fmt.Errorf("store: stale articles: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: stale articles: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// Page loads article id's stored page, decompressed.
func (db *DB) Page(ctx context.Context, id int64) (*StoredPage, error) {
	p := &StoredPage{ID: id}
	var raw []byte
	var hint sql.NullString
	var fetched string
	err := db.sql.QueryRowContext(ctx, `SELECT url, source, profile, published_hint, fetched_at,
		analyzer_version, raw_html FROM articles WHERE id = ?`, id).
		Scan(&p.URL, &p.Source, &p.Profile, &hint, &fetched, &p.AnalyzerVersion, &raw)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: no article %d", id)
	}
	if err != nil {
		return nil, fmt.Errorf("store: article %d: %w", id, err)
	}
	if hint.Valid {
		p.PublishedHint, _ = time.Parse(time.RFC3339, hint.String)
	}
	p.FetchedAt, _ = time.Parse(timeLayout, fetched)
	if raw != nil {
		if p.HTML, err = DecompressPageWith(ctx, sqlDicts{db.sql}, raw); err != nil {
			return nil, fmt.Errorf("store: article %d: %w", id, err)
		}
	}
	return p, nil
}
