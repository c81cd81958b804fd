package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/armswatch/armswatch/extract"
)

// The crawler's persistent state: the frontier of article URLs, the HTTP validators of feeds,
// sitemaps and start pages, and the feeds found on start pages. Every method is one statement
// or one transaction, so a crawl killed at any point leaves a state the next run resumes from.
// The crawler package defines the interface; cmd/armswatch adapts these methods to it, so that
// store does not depend on the crawler.

// FrontierItem is one frontier URL with the publication time its feed or sitemap gave.
type FrontierItem struct {
	URL       string
	Published time.Time // zero when unknown
	Seq       int64     // its place in the frontier (rowid), set by Pending: where the next page starts
}

// Frontier states (frontier.state).
const (
	FrontierPending = "pending"
	FrontierDone    = "done"
	FrontierFailed  = "failed"
	FrontierGone    = "gone"
)

// Validators returns the ETag and Last-Modified recorded for a document ("" when none).
func (db *DB) Validators(ctx context.Context, url string) (etag, lastModified string, err error) {
	err = db.w.read(ctx, func(q querier) error {
		return q.QueryRowContext(ctx, `SELECT etag, last_modified FROM http_cache WHERE url = ?`, url).Scan(&etag, &lastModified)
	})
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", nil
	}
	if err != nil {
		return "", "", fmt.Errorf("store: validators of %s: %w", url, err)
	}
	return etag, lastModified, nil
}

// SaveValidators records a document's validators.
func (db *DB) SaveValidators(ctx context.Context, url, etag, lastModified string) error {
	_, err := db.exec(ctx, `INSERT INTO http_cache (url, etag, last_modified, checked_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, checked_at = excluded.checked_at`,
		url, etag, lastModified, utc(time.Now()))
	if err != nil {
		return fmt.Errorf("store: save validators of %s: %w", url, err)
	}
	return nil
}

// Enqueue adds URLs to source's frontier in one transaction and returns how many were new.
// Known URLs keep their state, except that refresh makes them pending again.
func (db *DB) Enqueue(ctx context.Context, source string, items []FrontierItem, refresh bool) (int, error) {
	n := 0
	now := utc(time.Now())
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		for _, it := range items {
			var pub any
			if !it.Published.IsZero() {
				pub = it.Published.Format(time.RFC3339) // keeps the feed's offset, as the page would give it
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO frontier (url, source, discovered_at, published) VALUES (?, ?, ?, ?)
				ON CONFLICT (url) DO NOTHING`, it.URL, source, now, pub)
			if err != nil {
				return err
			}
			if k, _ := res.RowsAffected(); k > 0 {
				n++
			} else if refresh {
				if _, err := tx.ExecContext(ctx, `UPDATE frontier SET state = 'pending', attempts = 0, next_attempt = NULL
					WHERE url = ? AND state <> 'pending'`, it.URL); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: enqueue: %w", err)
	}
	return n, nil
}

// pendingSQL selects source's frontier entries to fetch now: pending ones, and failed ones
// whose next attempt is due.
const pendingSQL = `FROM frontier WHERE source = ? AND (state = 'pending'
	OR (state = 'failed' AND (next_attempt IS NULL OR next_attempt <= ?)))`

// Pending lists source's frontier URLs to fetch now, in discovery order, from the entry after
// the one whose Seq is after (0: the first); limit <= 0 means all.
func (db *DB) Pending(ctx context.Context, source string, after int64, limit int) ([]FrontierItem, error) {
	if limit <= 0 {
		limit = -1
	}
	var out []FrontierItem
	err := db.w.read(ctx, func(q querier) error {
		rows, err := q.QueryContext(ctx, `SELECT rowid, url, coalesce(published, '') `+pendingSQL+`
			AND rowid > ? ORDER BY rowid LIMIT ?`, source, utc(time.Now()), after, limit)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var it FrontierItem
			var pub string
			if err := rows.Scan(&it.Seq, &it.URL, &pub); err != nil {
				return err
			}
			it.Published, _ = time.Parse(time.RFC3339, pub)
			out = append(out, it)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("store: pending: %w", err)
	}
	return out, nil
}

// CountPending counts the entries Pending lists from the first.
func (db *DB) CountPending(ctx context.Context, source string) (int, error) {
	var n int
	err := db.w.read(ctx, func(q querier) error {
		return q.QueryRowContext(ctx, `SELECT count(*) `+pendingSQL, source, utc(time.Now())).Scan(&n)
	})
	if err != nil {
		return 0, fmt.Errorf("store: count pending: %w", err)
	}
	return n, nil
}

// retryDelay spaces a failed page's later attempts: 15 minutes, then doubling, so a page that
// keeps failing costs the site less and less until it is given up.
func retryDelay(attempts int) time.Duration {
	return 15 * time.Minute << min(attempts-1, 8)
}

// Finish records the outcome of fetching url. A failure counts an attempt; after giveUpAfter
// attempts the URL is gone.
func (db *DB) Finish(ctx context.Context, url, state, detail string, giveUpAfter int) error {
	err := db.w.write(ctx, false, func(c *sql.Tx) error {
		if state != FrontierFailed {
			_, err := c.ExecContext(ctx, `INSERT INTO frontier (url, discovered_at, state, last_error) VALUES (?, ?, ?, ?)
				ON CONFLICT (url) DO UPDATE SET state = excluded.state, last_error = excluded.last_error, next_attempt = NULL`,
				url, utc(time.Now()), state, detail)
			return err
		}
		_, err := c.ExecContext(ctx, `INSERT INTO frontier (url, discovered_at) VALUES (?, ?) ON CONFLICT (url) DO NOTHING`, url, utc(time.Now()))
		if err != nil {
			return err
		}
		var attempts int
		if err := c.QueryRowContext(ctx, `UPDATE frontier SET attempts = attempts + 1, last_error = ?,
			state = CASE WHEN attempts + 1 >= ? THEN 'gone' ELSE 'failed' END
			WHERE url = ? RETURNING attempts`, detail, max(giveUpAfter, 1), url).Scan(&attempts); err != nil {
			return err
		}
		_, err = c.ExecContext(ctx, `UPDATE frontier SET next_attempt = ? WHERE url = ?`,
			utc(time.Now().Add(retryDelay(attempts))), url)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: finish %s: %w", url, err)
	}
	return nil
}

// HasArticle reports whether an article is stored under url, as its URL or canonical URL.
func (db *DB) HasArticle(ctx context.Context, url string) (bool, error) {
	var one int
	err := db.w.read(ctx, func(q querier) error {
		return q.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE url = ? UNION ALL
			SELECT 1 FROM articles WHERE canonical_url = ? LIMIT 1`, url, url).Scan(&one)
	})
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("store: has article %s: %w", url, err)
	}
	return true, nil
}

// DuplicateOf returns the URL of another stored article that is the same as the analysed page
// at url: same canonical URL, or same content (title, subtitle and body hash). "" when none.
// An empty body is never a duplicate: all pages without an article would otherwise be one.
func (db *DB) DuplicateOf(ctx context.Context, url string, an *extract.Analysis) (string, error) {
	var other string
	err := db.w.read(ctx, func(q querier) error {
		if c := an.CanonicalURL; c != "" && c != url {
			err := q.QueryRowContext(ctx, `SELECT url FROM articles WHERE (url = ? OR canonical_url = ?) AND url <> ? LIMIT 1`,
				c, c, url).Scan(&other)
			if err == nil || !errors.Is(err, sql.ErrNoRows) {
				return err
			}
		}
		if an.Body == "" {
			return nil
		}
		err := q.QueryRowContext(ctx, `SELECT url FROM articles WHERE content_hash = ? AND url <> ? LIMIT 1`,
			contentHash(an), url).Scan(&other)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		return err
	})
	return other, err
}

// DiscoveredFeeds lists the feeds found on source's start pages.
func (db *DB) DiscoveredFeeds(ctx context.Context, source string) ([]string, error) {
	var out []string
	err := db.w.read(ctx, func(q querier) error {
		rows, err := q.QueryContext(ctx, `SELECT url FROM discovered_feeds WHERE source = ? ORDER BY found_at, url`, source)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var u string
			if err := rows.Scan(&u); err != nil {
				return err
			}
			out = append(out, u)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("store: discovered feeds: %w", err)
	}
	return out, nil
}

// AddDiscoveredFeed remembers a feed found on one of source's start pages.
func (db *DB) AddDiscoveredFeed(ctx context.Context, source, url string) error {
	_, err := db.exec(ctx, `INSERT INTO discovered_feeds (source, url, found_at) VALUES (?, ?, ?)
		ON CONFLICT DO NOTHING`, source, url, utc(time.Now()))
	if err != nil {
		return fmt.Errorf("store: add feed %s: %w", url, err)
	}
	return nil
}
