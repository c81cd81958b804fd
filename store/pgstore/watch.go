package pgstore

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/armswatch/armswatch/store"
)

// Watches on PostgreSQL (store.WatchStore), as store/watch.go keeps them on SQLite: the same
// article_changes log (a trigger, migration 5), cursors in watch_state and deliveries claimed
// by one run at a time. Two runs at once are safe here too: a claim is an UPDATE of rows still
// pending, and a second run's UPDATE waits for the first's row locks, then finds the rows
// "sending" and leaves them (READ COMMITTED re-checks the condition on the row it waited for).

// WatchHead is the latest article_changes.seq.
func (db *DB) WatchHead(ctx context.Context) (int64, error) {
	var n int64
	if err := db.pool.QueryRow(ctx, "SELECT coalesce(max(seq), 0) FROM article_changes").Scan(&n); err != nil {
		return 0, fmt.Errorf("store: watch head: %w", err)
	}
	return n, nil
}

// watchItemsSQL lists the statements then figures of the articles in ch, article by article,
// with their article's fields (store's watchItemsSQL; the article is joined, not read apart).
// %s is the ch CTE: (article_id, seq) of the articles to read.
const watchItemsSQL = `
WITH ch AS (%s)
SELECT i.type, i.id, i.article_id, i.seq, i.kind, i.text, i.speaker, i.speaker_role, i.cue, i.treaty,
       i.sentence, i.value, i.value_max, i.comparator, i.unit, i.category, i.group_key,
       a.title, a.url, a.source, coalesce(a.published, ''),
       substr(coalesce(a.published, a.fetched_at), 1, 10), a.first_seen_at
FROM (
    SELECT 'statement' AS type, s.id, s.article_id, ch.seq, s.kind, s.text, s.speaker, s.speaker_role,
           s.cue, s.treaty, '' AS sentence, NULL::double precision AS value,
           NULL::double precision AS value_max, '' AS comparator, '' AS unit, '' AS category,
           coalesce((SELECT g.match_key || chr(31) || g.text || chr(31) || substr(g.first_at, 1, 10)
                     FROM statement_groups g WHERE g.id = s.group_id), '') AS group_key,
           0 AS type_order, s.seq AS item_seq
    FROM ch JOIN statements s ON s.article_id = ch.article_id
    UNION ALL
    SELECT 'figure', f.id, f.article_id, ch.seq, '', f.text,
           coalesce((SELECT s.speaker FROM statements s WHERE s.article_id = f.article_id
                     AND s.byte_start <= f.byte_start AND s.byte_end >= f.byte_end ORDER BY s.id LIMIT 1), ''),
           '', '', f.treaty, f.sentence, f.value, f.value_max, f.comparator, f.unit, f.category,
           coalesce((SELECT g.match_key FROM figure_groups g WHERE g.id = f.group_id), ''), 1, f.seq
    FROM ch JOIN figures f ON f.article_id = ch.article_id
) i JOIN articles a ON a.id = i.article_id
ORDER BY i.article_id, i.type_order, i.item_seq`

// WatchItems streams the statements and figures of the articles stored or changed after
// article_changes.seq after, up to upTo (every stored article's, ChangeSeq 0, with after < 0).
func (db *DB) WatchItems(ctx context.Context, after, upTo int64, fn func(*store.WatchItem) error) error {
	ch := `SELECT article_id, max(seq) AS seq FROM article_changes WHERE seq > $1 AND seq <= $2 GROUP BY article_id`
	args := []any{after, upTo}
	if after < 0 {
		ch, args = `SELECT id AS article_id, 0::bigint AS seq FROM articles`, nil
	}
	var it store.WatchItem
	var fnErr error // fn's own error, returned as it is
	err := db.each(ctx, fmt.Sprintf(watchItemsSQL, ch), args, func(rows pgx.Rows) error {
		if err := rows.Scan(&it.Type, &it.ID, &it.ArticleID, &it.ChangeSeq, &it.Kind, &it.Text, &it.Speaker,
			&it.Role, &it.Cue, &it.Treaty, &it.Sentence, &it.Value, &it.ValueMax, &it.Comparator, &it.Unit,
			&it.Category, &it.GroupKey, &it.Title, &it.URL, &it.Source, &it.Published, &it.Date, &it.FirstSeen); err != nil {
			return err
		}
		fnErr = fn(&it)
		return fnErr
	})
	if fnErr != nil {
		return fnErr
	}
	if err != nil {
		return fmt.Errorf("store: watch items: %w", err)
	}
	return nil
}

// StatementsMatching returns the ids, from minID to maxID, of the statements whose text or
// speaker matches the full-text query, read as Search reads it (tsText, websearch_to_tsquery;
// plain words are ANDed phrases).
func (db *DB) StatementsMatching(ctx context.Context, query string, minID, maxID int64) (map[int64]bool, error) {
	text := tsText(query)
	ids := map[int64]bool{}
	err := db.each(ctx, `SELECT f.statement_id FROM statements_fts f WHERE `+matches+`
		AND f.statement_id BETWEEN $2 AND $3`, []any{text, minID, maxID}, func(rows pgx.Rows) error {
		var id int64
		err := rows.Scan(&id)
		ids[id] = true
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: watch query %q: %w", query, err)
	}
	return ids, nil
}

// StatementIDRange returns the lowest and highest statement ids of the articles WatchItems(after,
// upTo) would read (every statement when after < 0); ok is false when there are none.
func (db *DB) StatementIDRange(ctx context.Context, after, upTo int64) (lo, hi int64, ok bool, err error) {
	q := `SELECT min(s.id), max(s.id) FROM statements s WHERE s.article_id IN
		(SELECT article_id FROM article_changes WHERE seq > $1 AND seq <= $2)`
	args := []any{after, upTo}
	if after < 0 {
		q, args = `SELECT min(id), max(id) FROM statements`, nil
	}
	var l, h *int64
	if err := db.pool.QueryRow(ctx, q, args...).Scan(&l, &h); err != nil {
		return 0, 0, false, fmt.Errorf("store: statement id range: %w", err)
	}
	if l == nil || h == nil {
		return 0, 0, false, nil
	}
	return *l, *h, true, nil
}

// parseTime reads a time the store wrote (store.TimeLayout); the zero time for anything else.
func parseTime(s string) time.Time {
	t, _ := time.Parse(store.TimeLayout, s)
	return t
}

// WatchStates returns the state of every watch that has run, by name.
func (db *DB) WatchStates(ctx context.Context) (map[string]store.WatchState, error) {
	out := map[string]store.WatchState{}
	err := db.each(ctx, `SELECT watch, created_at, change_seq, last_run_at, last_error FROM watch_state`, nil,
		func(rows pgx.Rows) error {
			var s store.WatchState
			var created string
			var last *string
			if err := rows.Scan(&s.Watch, &created, &s.ChangeSeq, &last, &s.LastError); err != nil {
				return err
			}
			s.CreatedAt = parseTime(created)
			if last != nil {
				t := parseTime(*last)
				s.LastRun = &t
			}
			out[s.Watch] = s
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("store: watch states: %w", err)
	}
	return out, nil
}

// EnqueueDeliveries records new matches as pending (an item already recorded for the watch and
// notifier is left as it is) and moves each watch in cursors to its article_changes.seq, in one
// transaction, as on SQLite.
func (db *DB) EnqueueDeliveries(ctx context.Context, ds []store.Delivery, cursors map[string]int64) error {
	now := now()
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		b := &pgx.Batch{}
		stored := map[string]bool{}
		// seq orders the matches; a later run's are later (two runs at once interleave, harmlessly).
		base := time.Now().UnixMicro() * 1000
		for i, d := range ds {
			b.Queue(`INSERT INTO deliveries (watch, channel, item, seq, matched_at) VALUES ($1, $2, $3, $4, $5)
				ON CONFLICT DO NOTHING`, d.Watch, d.Channel, d.Item, base+int64(i), now)
			if !stored[d.Item] {
				stored[d.Item] = true
				b.Queue(`INSERT INTO watch_items (item, payload) VALUES ($1, $2) ON CONFLICT DO NOTHING`, d.Item, d.Payload)
			}
		}
		for w, seq := range cursors {
			// greatest(): a run that started earlier and commits later never moves a cursor back.
			b.Queue(`INSERT INTO watch_state (watch, created_at, change_seq) VALUES ($1, $2, $3)
				ON CONFLICT (watch) DO UPDATE SET change_seq = greatest(watch_state.change_seq, excluded.change_seq)`, w, now, seq)
		}
		return tx.SendBatch(ctx, b).Close()
	})
	if err != nil {
		return fmt.Errorf("store: enqueue deliveries: %w", err)
	}
	return nil
}

// ClaimDeliveries marks the pending and failed deliveries of a watch's notifier as being sent by
// claim and returns them (without payloads), oldest match first; rows left sending by a run
// that died are claimed again only when claimed before reclaimBefore (zero: never). See
// store.DB.ClaimDeliveries.
func (db *DB) ClaimDeliveries(ctx context.Context, watch, channel, claim string, reclaimBefore time.Time) ([]store.Delivery, error) {
	type row struct {
		seq int64
		d   store.Delivery
	}
	var rs []row
	claimWhere := func(tx pgx.Tx, where string, args ...any) error {
		rows, err := tx.Query(ctx, `UPDATE deliveries SET state = 'sending', claim = $1, claimed_at = $2,
			attempts = attempts + 1 WHERE watch = $3 AND channel = $4 AND `+where+`
			RETURNING seq, item, attempts, matched_at`, append([]any{claim, now(), watch, channel}, args...)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			r := row{d: store.Delivery{Watch: watch, Channel: channel}}
			var matched string
			if err := rows.Scan(&r.seq, &r.d.Item, &r.d.Attempts, &matched); err != nil {
				return err
			}
			r.d.MatchedAt = parseTime(matched)
			rs = append(rs, r)
		}
		return rows.Err()
	}
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		if err := claimWhere(tx, "state IN ('pending', 'failed')"); err != nil {
			return err
		}
		if reclaimBefore.IsZero() {
			return nil
		}
		return claimWhere(tx, "state = 'sending' AND claimed_at < $5 AND claim <> $1", store.FormatTime(reclaimBefore))
	})
	if err != nil {
		return nil, fmt.Errorf("store: claim deliveries of %s/%s: %w", watch, channel, err)
	}
	// RETURNING gives no order: seq is the order of matching.
	slices.SortFunc(rs, func(a, b row) int { return cmp.Compare(a.seq, b.seq) })
	var out []store.Delivery
	for _, r := range rs {
		out = append(out, r.d)
	}
	return out, nil
}

// FinishDeliveries records the outcome of sending items of what claim holds of a watch's
// notifier (all of it when items is nil): sent, or failed with the error.
func (db *DB) FinishDeliveries(ctx context.Context, watch, channel, claim string, items []string, sendErr error) error {
	state, sentAt, msg := "sent", any(now()), ""
	if sendErr != nil {
		state, sentAt, msg = "failed", nil, sendErr.Error()
	}
	q := `UPDATE deliveries SET state = $1, sent_at = coalesce($2::text, sent_at), last_error = $3
		WHERE state = 'sending' AND watch = $4 AND channel = $5 AND claim = $6`
	args := []any{state, sentAt, msg, watch, channel, claim}
	if items != nil {
		q += " AND item = ANY($7)"
		args = append(args, items)
	}
	if err := db.inTx(ctx, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, q, args...)
		return err
	}); err != nil {
		return fmt.Errorf("store: finish deliveries of %s/%s: %w", watch, channel, err)
	}
	return nil
}

// SentDeliveries returns the deliveries of a watch's notifier sent last, with their payloads,
// newest first, at most limit.
func (db *DB) SentDeliveries(ctx context.Context, watch, channel string, limit int) ([]store.Delivery, error) {
	var out []store.Delivery
	err := db.each(ctx, `SELECT d.item, i.payload, d.matched_at FROM deliveries d
		JOIN watch_items i ON i.item = d.item
		WHERE d.watch = $1 AND d.channel = $2 AND d.state = 'sent' ORDER BY d.seq DESC LIMIT $3`,
		[]any{watch, channel, limit}, func(rows pgx.Rows) error {
			d := store.Delivery{Watch: watch, Channel: channel}
			var matched string
			if err := rows.Scan(&d.Item, &d.Payload, &matched); err != nil {
				return err
			}
			d.MatchedAt = parseTime(matched)
			out = append(out, d)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("store: sent deliveries of %s/%s: %w", watch, channel, err)
	}
	return out, nil
}

// Payloads returns the stored JSON of items, by item; an item with none is an error.
func (db *DB) Payloads(ctx context.Context, items []string) (map[string]string, error) {
	out := make(map[string]string, len(items))
	err := db.each(ctx, `SELECT item, payload FROM watch_items WHERE item = ANY($1)`, []any{items},
		func(rows pgx.Rows) error {
			var item, p string
			err := rows.Scan(&item, &p)
			out[item] = p
			return err
		})
	if err != nil {
		return nil, fmt.Errorf("store: payloads: %w", err)
	}
	for _, item := range items {
		if _, ok := out[item]; !ok {
			return nil, fmt.Errorf("store: payload of %s: %w", item, pgx.ErrNoRows)
		}
	}
	return out, nil
}

// FinishWatchRun records that a watch ran, with its delivery errors ("" when all went).
func (db *DB) FinishWatchRun(ctx context.Context, watch, errText string) error {
	now := now()
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO watch_state (watch, created_at, last_run_at, last_error) VALUES ($1, $2, $2, $3)
			ON CONFLICT (watch) DO UPDATE SET last_run_at = excluded.last_run_at, last_error = excluded.last_error`,
			watch, now, errText)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: finish watch run %s: %w", watch, err)
	}
	return nil
}
