package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"
)

// WatchItem is a statement or figure of a stored article, as watches match it (watch/).
type WatchItem struct {
	Type       string // "statement" or "figure"
	ID         int64  // statements.id or figures.id: changes when the article is saved again
	ArticleID  int64
	ChangeSeq  int64  // the article's latest article_changes.seq; 0 when read without changes
	Kind       string // statement kind; "" for a figure
	Text       string
	Speaker    string // a figure's is the speaker of the statement it stands in, if any
	Role       string
	Cue        string
	Treaty     string
	Sentence   string   // a figure's sentence
	Value      *float64 // figures only
	ValueMax   *float64
	Comparator string
	Unit       string
	Category   string
	Title      string
	URL        string
	Source     string
	Published  string // as the page gives it; "" when unknown
	Date       string // the article's own date, else the fetch date (YYYY-MM-DD)
	FirstSeen  string // when armswatch first stored the article (UTC)
	// GroupKey names the statement or figure group (migration 006) the item belongs to: the
	// same quote or figure carried by several outlets has one key. "" when it has no group.
	GroupKey string
}

// WatchHead is the latest article_changes.seq: watches evaluated up to it have seen every
// article committed so far.
func (db *DB) WatchHead(ctx context.Context) (int64, error) {
	var n int64
	if err := db.sql.QueryRowContext(ctx, "SELECT coalesce(max(seq), 0) FROM article_changes").Scan(&n); err != nil {
		return 0, fmt.Errorf("store: watch head: %w", err)
	}
	return n, nil
}

// watchItemsSQL lists the statements then figures of the articles in ch, article by article.
// %s is the ch CTE: (article_id, seq) of the articles to read.
const watchItemsSQL = `
WITH ch AS (%s)
SELECT i.* FROM (
    SELECT 'statement' AS type, s.id, s.article_id, ch.seq, s.kind, s.text, s.speaker, s.speaker_role,
           s.cue, s.treaty, '' AS sentence, NULL AS value, NULL AS value_max, '' AS comparator,
           '' AS unit, '' AS category,
           coalesce((SELECT g.match_key || char(31) || g.text || char(31) || substr(g.first_at, 1, 10)
                     FROM statement_groups g WHERE g.id = s.group_id), '') AS group_key,
           0 AS type_order, s.seq AS item_seq
    FROM ch JOIN statements s ON s.article_id = ch.article_id
    UNION ALL
    SELECT 'figure', f.id, f.article_id, ch.seq, '', f.text,
           coalesce((SELECT s.speaker FROM statements s WHERE s.article_id = f.article_id
                     AND s.byte_start <= f.byte_start AND s.byte_end >= f.byte_end LIMIT 1), ''),
           '', '', f.treaty, f.sentence, f.value, f.value_max, f.comparator, f.unit, f.category,
           coalesce((SELECT g.match_key FROM figure_groups g WHERE g.id = f.group_id), ''), 1, f.seq
    FROM ch JOIN figures f ON f.article_id = ch.article_id
) i ORDER BY i.article_id, i.type_order, i.item_seq`

// WatchItems streams the statements and figures of the articles stored or changed after
// article_changes.seq after, up to upTo, oldest change first within each article id. With after
// < 0 it streams every stored article's (ChangeSeq 0): a watch's backfill and `watch test`.
func (db *DB) WatchItems(ctx context.Context, after, upTo int64, fn func(*WatchItem) error) error {
	ch := `SELECT article_id, max(seq) AS seq FROM article_changes WHERE seq > ? AND seq <= ? GROUP BY article_id`
	args := []any{after, upTo}
	if after < 0 {
		ch, args = `SELECT id AS article_id, 0 AS seq FROM articles`, nil
	}
	rows, err := db.sql.QueryContext(ctx, fmt.Sprintf(watchItemsSQL, ch), args...)
	if err != nil {
		return fmt.Errorf("store: watch items: %w", err)
	}
	defer rows.Close()
	articles := map[int64]*WatchItem{} // article fields, read once per article
	var it WatchItem
	for rows.Next() {
		var order, seq int64
		if err := rows.Scan(&it.Type, &it.ID, &it.ArticleID, &it.ChangeSeq, &it.Kind, &it.Text, &it.Speaker,
			&it.Role, &it.Cue, &it.Treaty, &it.Sentence, &it.Value, &it.ValueMax, &it.Comparator, &it.Unit,
			&it.Category, &it.GroupKey, &order, &seq); err != nil {
			return fmt.Errorf("store: watch items: %w", err)
		}
		a, ok := articles[it.ArticleID]
		if !ok {
			clear(articles) // items come article by article
			if a, err = db.watchArticle(ctx, it.ArticleID); err != nil {
				return err
			}
			articles[it.ArticleID] = a
		}
		it.Title, it.URL, it.Source, it.Published, it.Date, it.FirstSeen = a.Title, a.URL, a.Source, a.Published, a.Date, a.FirstSeen
		if err := fn(&it); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: watch items: %w", err)
	}
	return nil
}

func (db *DB) watchArticle(ctx context.Context, id int64) (*WatchItem, error) {
	var a WatchItem
	var published sql.NullString
	err := db.sql.QueryRowContext(ctx, `SELECT title, url, source, published,
		substr(coalesce(published, fetched_at), 1, 10), first_seen_at FROM articles WHERE id = ?`, id).
		Scan(&a.Title, &a.URL, &a.Source, &published, &a.Date, &a.FirstSeen)
	if err != nil {
		return nil, fmt.Errorf("store: watch items: article %d: %w", id, err)
	}
	a.Published = published.String
	return &a, nil
}

// StatementsMatching returns the ids, from minID to maxID, of the statements whose text or
// speaker matches the full-text query (FTS5 syntax; plain words are ANDed, as in Search).
func (db *DB) StatementsMatching(ctx context.Context, query string, minID, maxID int64) (map[int64]bool, error) {
	if !db.fts {
		return nil, ErrNoFTS
	}
	match := query
	if !usesSyntax(match) {
		match = quoteTerms(match)
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT rowid FROM statements_fts
		WHERE statements_fts MATCH ? AND rowid BETWEEN ? AND ?`, match, minID, maxID)
	if err != nil {
		return nil, fmt.Errorf("store: watch query %q: %w (FTS5 query syntax: https://www.sqlite.org/fts5.html#full_text_query_syntax)", query, err)
	}
	defer rows.Close()
	ids := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: watch query %q: %w", query, err)
		}
		ids[id] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: watch query %q: %w", query, err)
	}
	return ids, nil
}

// WatchState is a watch's row of watch_state.
type WatchState struct {
	Watch     string
	CreatedAt time.Time
	ChangeSeq int64
	LastRun   *time.Time
	LastError string
}

// WatchStates returns the state of every watch that has run, by name.
func (db *DB) WatchStates(ctx context.Context) (map[string]WatchState, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT watch, created_at, change_seq, last_run_at, last_error FROM watch_state`)
	if err != nil {
		return nil, fmt.Errorf("store: watch states: %w", err)
	}
	defer rows.Close()
	out := map[string]WatchState{}
	for rows.Next() {
		var s WatchState
		var created string
		var last sql.NullString
		if err := rows.Scan(&s.Watch, &created, &s.ChangeSeq, &last, &s.LastError); err != nil {
			return nil, fmt.Errorf("store: watch states: %w", err)
		}
		s.CreatedAt, _ = time.Parse(timeLayout, created)
		if last.Valid {
			t, _ := time.Parse(timeLayout, last.String)
			s.LastRun = &t
		}
		out[s.Watch] = s
	}
	return out, rows.Err()
}

// Delivery is one item to send to one notifier of one watch.
type Delivery struct {
	Watch, Channel, Item string
	Payload              string // JSON of the item; ClaimDeliveries leaves it empty (see Payloads)
	Attempts             int    // including the one a claim starts
	MatchedAt            time.Time
}

// EnqueueDeliveries records new matches as pending (an item already recorded for the watch and
// notifier is left as it is: it is sent once) and moves each watch in cursors to its
// article_changes.seq, in one transaction: a crash before the commit leaves both undone, so
// the next run finds the same matches again; after it, they wait in deliveries.
func (db *DB) EnqueueDeliveries(ctx context.Context, ds []Delivery, cursors map[string]int64) error {
	now := utc(time.Now())
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		ins, err := tx.PrepareContext(ctx, `INSERT INTO deliveries (watch, channel, item, seq, matched_at)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`)
		if err != nil {
			return err
		}
		defer ins.Close()
		item, err := tx.PrepareContext(ctx, `INSERT INTO watch_items (item, payload) VALUES (?, ?) ON CONFLICT DO NOTHING`)
		if err != nil {
			return err
		}
		defer item.Close()
		stored := map[string]bool{}
		// seq orders the matches; a later run's are later (two runs at once interleave, harmlessly).
		base := time.Now().UnixMicro() * 1000
		for i, d := range ds {
			if _, err := ins.ExecContext(ctx, d.Watch, d.Channel, d.Item, base+int64(i), now); err != nil {
				return err
			}
			if !stored[d.Item] {
				stored[d.Item] = true
				if _, err := item.ExecContext(ctx, d.Item, d.Payload); err != nil {
					return err
				}
			}
		}
		for w, seq := range cursors {
			// max(): a run that started earlier and commits later never moves a cursor back.
			if _, err := tx.ExecContext(ctx, `INSERT INTO watch_state (watch, created_at, change_seq) VALUES (?, ?, ?)
				ON CONFLICT (watch) DO UPDATE SET change_seq = max(change_seq, excluded.change_seq)`, w, now, seq); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: enqueue deliveries: %w", err)
	}
	return nil
}

// ClaimDeliveries marks the pending and failed deliveries of a watch's notifier as being sent by
// claim and returns them (without payloads), oldest match first. The claim commits before anything is sent, and a
// row is claimed by one run only (writes are serialized), so two runs at once never send an item
// twice. Rows left sending by a run that died are claimed again only when claimed before
// reclaimBefore (zero: never): for notifiers whose output is rebuilt, not appended to.
func (db *DB) ClaimDeliveries(ctx context.Context, watch, channel, claim string, reclaimBefore time.Time) ([]Delivery, error) {
	var out []Delivery
	reclaim := "" // claimed_at is never NULL for sending rows: '' reclaims nothing
	if !reclaimBefore.IsZero() {
		reclaim = utc(reclaimBefore)
	}
	type row struct {
		seq int64
		d   Delivery
	}
	var rs []row
	claimWhere := func(tx *sql.Tx, where string, args ...any) error {
		rows, err := tx.QueryContext(ctx, `UPDATE deliveries SET state = 'sending', claim = ?, claimed_at = ?,
			attempts = attempts + 1 WHERE watch = ? AND channel = ? AND `+where+`
			RETURNING seq, item, attempts, matched_at`, append([]any{claim, utc(time.Now()), watch, channel}, args...)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			r := row{d: Delivery{Watch: watch, Channel: channel}}
			var matched string
			if err := rows.Scan(&r.seq, &r.d.Item, &r.d.Attempts, &matched); err != nil {
				return err
			}
			r.d.MatchedAt, _ = time.Parse(timeLayout, matched)
			rs = append(rs, r)
		}
		return rows.Err()
	}
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if err := claimWhere(tx, "state IN ('pending', 'failed')"); err != nil {
			return err
		}
		if reclaim == "" {
			return nil
		}
		return claimWhere(tx, "state = 'sending' AND claimed_at < ? AND claim <> ?", reclaim, claim)
	})
	// RETURNING gives no order: seq is the order of matching.
	slices.SortFunc(rs, func(a, b row) int { return cmp.Compare(a.seq, b.seq) })
	for _, r := range rs {
		out = append(out, r.d)
	}
	if err != nil {
		return nil, fmt.Errorf("store: claim deliveries of %s/%s: %w", watch, channel, err)
	}
	return out, nil
}

// FinishDeliveries records the outcome of sending items of what claim holds of a watch's
// notifier (all of it when items is nil): sent, or failed with the error (failed rows are
// claimed again by the next run).
func (db *DB) FinishDeliveries(ctx context.Context, watch, channel, claim string, items []string, sendErr error) error {
	state, sentAt, msg := "sent", any(utc(time.Now())), ""
	if sendErr != nil {
		state, sentAt, msg = "failed", nil, sendErr.Error()
	}
	const set = `UPDATE deliveries SET state = ?, sent_at = coalesce(?, sent_at), last_error = ?
		WHERE state = 'sending' AND watch = ? AND channel = ? AND claim = ?`
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if items == nil {
			_, err := tx.ExecContext(ctx, set, state, sentAt, msg, watch, channel, claim)
			return err
		}
		up, err := tx.PrepareContext(ctx, set+" AND item = ?")
		if err != nil {
			return err
		}
		defer up.Close()
		for _, item := range items {
			if _, err := up.ExecContext(ctx, state, sentAt, msg, watch, channel, claim, item); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: finish deliveries of %s/%s: %w", watch, channel, err)
	}
	return nil
}

// SentDeliveries returns the deliveries of a watch's notifier sent last, with their payloads,
// newest first, at most limit: what a feed file keeps besides the run's new items.
func (db *DB) SentDeliveries(ctx context.Context, watch, channel string, limit int) ([]Delivery, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT d.item, i.payload, d.matched_at FROM deliveries d
		JOIN watch_items i ON i.item = d.item
		WHERE d.watch = ? AND d.channel = ? AND d.state = 'sent' ORDER BY d.seq DESC LIMIT ?`, watch, channel, limit)
	if err != nil {
		return nil, fmt.Errorf("store: sent deliveries of %s/%s: %w", watch, channel, err)
	}
	defer rows.Close()
	var out []Delivery
	for rows.Next() {
		d := Delivery{Watch: watch, Channel: channel}
		var matched string
		if err := rows.Scan(&d.Item, &d.Payload, &matched); err != nil {
			return nil, fmt.Errorf("store: sent deliveries of %s/%s: %w", watch, channel, err)
		}
		d.MatchedAt, _ = time.Parse(timeLayout, matched)
		out = append(out, d)
	}
	return out, rows.Err()
}

// Payloads returns the stored JSON of items, by item.
func (db *DB) Payloads(ctx context.Context, items []string) (map[string]string, error) {
	out := make(map[string]string, len(items))
	for _, item := range items {
		var p string
		err := db.sql.QueryRowContext(ctx, `SELECT payload FROM watch_items WHERE item = ?`, item).Scan(&p)
		if err != nil {
			return nil, fmt.Errorf("store: payload of %s: %w", item, err)
		}
		out[item] = p
	}
	return out, nil
}

// FinishWatchRun records that a watch ran, with its delivery errors ("" when all went).
func (db *DB) FinishWatchRun(ctx context.Context, watch, errText string) error {
	now := utc(time.Now())
	_, err := db.exec(ctx, `INSERT INTO watch_state (watch, created_at, last_run_at, last_error) VALUES (?, ?, ?, ?)
		ON CONFLICT (watch) DO UPDATE SET last_run_at = excluded.last_run_at, last_error = excluded.last_error`,
		watch, now, now, errText)
	if err != nil {
		return fmt.Errorf("store: finish watch run %s: %w", watch, err)
	}
	return nil
}

// WatchHealth is how a watch's deliveries stand, for `armswatch status`.
type WatchHealth struct {
	Watch       string
	LastRun     *time.Time
	Sent        int // deliveries sent (an item counts once per notifier)
	Pending     int // waiting for the next run: new, or failed and to be retried
	Failed      int // of Pending, those that failed at least once
	Interrupted int // left sending by a run that died: maybe sent; not sent again (watch run --resend-interrupted)
	LastError   string
}

// WatchHealth returns every watch that has run, by name.
func (db *DB) WatchHealth(ctx context.Context) ([]WatchHealth, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT w.watch, w.last_run_at,
		(SELECT count(*) FROM deliveries d WHERE d.watch = w.watch AND d.state = 'sent'),
		(SELECT count(*) FROM deliveries d WHERE d.watch = w.watch AND d.state IN ('pending', 'failed')),
		(SELECT count(*) FROM deliveries d WHERE d.watch = w.watch AND d.state = 'failed'),
		(SELECT count(*) FROM deliveries d WHERE d.watch = w.watch AND d.state = 'sending' AND d.channel <> 'feed'),
		w.last_error
		FROM watch_state w ORDER BY w.watch`)
	if err != nil {
		if strings.Contains(err.Error(), "no such table") {
			return nil, nil // a database older than watches, opened read-only
		}
		return nil, fmt.Errorf("store: watch health: %w", err)
	}
	defer rows.Close()
	var out []WatchHealth
	for rows.Next() {
		var h WatchHealth
		var last sql.NullString
		if err := rows.Scan(&h.Watch, &last, &h.Sent, &h.Pending, &h.Failed, &h.Interrupted, &h.LastError); err != nil {
			return nil, fmt.Errorf("store: watch health: %w", err)
		}
		if last.Valid {
			t, _ := time.Parse(timeLayout, last.String)
			h.LastRun = &t
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// StatementIDRange returns the lowest and highest statement ids of the articles WatchItems(after,
// upTo) would read (every statement when after < 0), to bound a watch's full-text query; ok is
// false when there are none.
func (db *DB) StatementIDRange(ctx context.Context, after, upTo int64) (lo, hi int64, ok bool, err error) {
	q := `SELECT min(s.id), max(s.id) FROM statements s WHERE s.article_id IN
		(SELECT article_id FROM article_changes WHERE seq > ? AND seq <= ?)`
	args := []any{after, upTo}
	if after < 0 {
		q, args = `SELECT min(id), max(id) FROM statements`, nil
	}
	var l, h sql.NullInt64
	if err := db.sql.QueryRowContext(ctx, q, args...).Scan(&l, &h); err != nil {
		return 0, 0, false, fmt.Errorf("store: statement id range: %w", err)
	}
	return l.Int64, h.Int64, l.Valid, nil
}
