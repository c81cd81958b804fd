package pgstore

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/stories"
)

// Stories and statement and figure groups on PostgreSQL, made as articles are saved, by
// store/stories.go's rules (the comments there say why each step is as it is): an article joins
// the story of its most similar copy among the band index's candidates, within
// store.StoryWindow; a statement joins the group of the same words by the same speaker within
// store.StatementWindow; a figure the group of the same figure, day and speaker.
//
// SQLite runs one writer at a time; here crawl workers save at once, and two copies saved
// together would each miss the other and start two stories. So grouping takes a transaction
// advisory lock (groupLock) first: saves group one at a time, each seeing the ones committed
// before it, as on SQLite. The lock is held to the commit; the rest of a save runs in parallel.

// groupLock is the advisory lock key grouping serializes on ("armswatch stories").
const groupLock int64 = 0x61776772707374

// lockGroups waits for the grouping lock, held until tx ends.
func lockGroups(ctx context.Context, tx pgx.Tx) error {
	_, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", groupLock)
	return err
}

// groupArticle puts a just-saved article into its story and its statements and figures into
// their groups (store's groupArticle). The caller holds the grouping lock.
func groupArticle(ctx context.Context, tx pgx.Tx, id int64, body, language string, contentChanged bool, old oldGroups) error {
	if err := indexPlans(ctx, tx, true); err != nil {
		return err
	}
	if err := groupArticleRows(ctx, tx, id, body, language, contentChanged, old); err != nil {
		return err
	}
	return indexPlans(ctx, tx, false)
}

// indexPlans turns the planner's scans and hash and merge joins off (on) for the rest of the
// transaction. Every query of grouping looks rows up by key through an index, a few at a time;
// but the tables a crawl fills have no statistics until autovacuum's next ANALYZE, and without
// them the planner hashed whole tables (every group, every fingerprint) for a lookup, a cost
// that grew with the store: saves of a fresh database slowed from 17 to 42 ms each within 900
// articles.
func indexPlans(ctx context.Context, tx pgx.Tx, only bool) error {
	v := "on"
	if only {
		v = "off"
	}
	_, err := tx.Exec(ctx, `SELECT set_config('enable_seqscan', $1, true), set_config('enable_hashjoin', $1, true),
		set_config('enable_mergejoin', $1, true)`, v)
	return err
}

// groupArticleRows is groupArticle's work.
func groupArticleRows(ctx context.Context, tx pgx.Tx, id int64, body, language string, contentChanged bool, old oldGroups) error {
	at, date, current, err := articleTimes(ctx, tx, id)
	if err != nil {
		return fmt.Errorf("story: %w", err)
	}
	story, err := assignStory(ctx, tx, id, body, language, contentChanged, at, current)
	if err != nil {
		return fmt.Errorf("story: %w", err)
	}
	if err := groupStatements(ctx, tx, id, story, at); err != nil {
		return fmt.Errorf("statement groups: %w", err)
	}
	if err := groupFigures(ctx, tx, id, story, date); err != nil {
		return fmt.Errorf("figure groups: %w", err)
	}
	return old.prune(ctx, tx)
}

// articleTimes reads an article's instant (published, else first seen, UTC text), its date
// and its story (nil: none).
func articleTimes(ctx context.Context, tx pgx.Tx, id int64) (at, date string, story *int64, err error) {
	err = tx.QueryRow(ctx, `SELECT coalesce(published_utc, first_seen_at),
		substr(coalesce(published, fetched_at), 1, 10), story_id FROM articles WHERE id = $1`, id).
		Scan(&at, &date, &story)
	return at, date, story, err
}

func shift(at string, d time.Duration) string {
	t, err := time.Parse(store.TimeLayout, at)
	if err != nil {
		return at
	}
	return store.FormatTime(t.Add(d))
}

// assignStory fingerprints the body and joins the story of the most similar copy, else starts
// a story (store's assignStory); at and story are the article's time and current story.
func assignStory(ctx context.Context, tx pgx.Tx, id int64, body, language string, contentChanged bool, at string, story *int64) (int64, error) {
	if story != nil && !contentChanged {
		return *story, nil
	}
	fp := stories.Of(body)
	keys := fp.BandKeys()
	old, hadOld, err := storedFingerprint(ctx, tx, id)
	if err != nil {
		return 0, err
	}
	keep := story != nil && hadOld && stories.Same(&fp, &old)
	leave := story
	if keep {
		leave = nil // unassign only the fingerprint
	}
	if err := unassignStory(ctx, tx, id, leave); err != nil {
		return 0, err
	}
	var best int64
	if keep {
		best = *story
	} else if best, err = bestCopy(ctx, tx, id, &fp, keys[:], language, at); err != nil {
		return 0, err
	}
	if best == 0 {
		if err := tx.QueryRow(ctx, "INSERT INTO stories (language) VALUES ($1) RETURNING id", language).Scan(&best); err != nil {
			return 0, err
		}
	}
	b := &pgx.Batch{}
	b.Queue("UPDATE articles SET story_id = $1 WHERE id = $2", best, id)
	b.Queue(`INSERT INTO article_fingerprints (article_id, language, at, shingles, minhash) VALUES ($1, $2, $3, $4, $5)`,
		id, language, at, fp.Shingles, fp.Bytes())
	b.Queue(`INSERT INTO story_bands (key, article_id) SELECT k, $2 FROM unnest($1::bigint[]) k ON CONFLICT DO NOTHING`,
		keys[:], id)
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return 0, err
	}
	if keep {
		return best, refreshStory(ctx, tx, best)
	}
	return best, joinStory(ctx, tx, best, id)
}

// joinStory updates a story's counts and first article for one article that just joined it.
func joinStory(ctx context.Context, tx pgx.Tx, story, id int64) error {
	_, err := tx.Exec(ctx, `UPDATE stories SET
		articles = articles + 1,
		sources = sources + (NOT EXISTS (SELECT 1 FROM articles o, articles a WHERE a.id = $1
			AND o.story_id = $2 AND o.source = a.source AND o.id <> a.id))::int
		WHERE id = $2`, id, story)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `UPDATE stories SET (first_article_id, first_source, first_at, title) = (
			SELECT a.id, a.source, coalesce(a.published_utc, a.first_seen_at), a.title FROM articles a WHERE a.id = $1)
		WHERE id = $2 AND (first_article_id IS NULL OR EXISTS (SELECT 1 FROM articles a
			WHERE a.id = $1 AND (coalesce(a.published_utc, a.first_seen_at) COLLATE "C" < stories.first_at
				OR (coalesce(a.published_utc, a.first_seen_at) = stories.first_at AND a.id < stories.first_article_id))))`,
		id, story)
	return err
}

// bandCandidates is how many articles of one band key bestCopy compares (store's).
const bandCandidates = 16

// bestCopy returns the story of the stored article most similar to fp that is a copy of it,
// 0 when none is. Candidates are the newest bandCandidates articles of each band key.
func bestCopy(ctx context.Context, tx pgx.Tx, id int64, fp *stories.Fingerprint, keys []int64, language, at string) (int64, error) {
	// Each candidate's fingerprint and article read by primary key (LATERAL): a join of the
	// candidates with the fingerprints was planned as a scan of every fingerprint in the window.
	rows, err := tx.Query(ctx, `SELECT x.shingles, x.minhash, x.story_id
		FROM (SELECT DISTINCT c.article_id FROM unnest($1::bigint[]) k,
			LATERAL (SELECT article_id FROM story_bands WHERE key = k AND article_id <> $2
				ORDER BY article_id DESC LIMIT `+strconv.Itoa(bandCandidates)+`) c) c,
		LATERAL (SELECT f.shingles, f.minhash, a.story_id FROM article_fingerprints f JOIN articles a ON a.id = f.article_id
			WHERE f.article_id = c.article_id AND f.language = $3 AND f.at COLLATE "C" BETWEEN $4 AND $5
			AND a.story_id IS NOT NULL) x
		ORDER BY c.article_id`,
		keys, id, language, shift(at, -store.StoryWindow), shift(at, store.StoryWindow))
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var best int64
	bestJ := -1.0
	for rows.Next() {
		var shingles int
		var sig []byte
		var story int64
		if err := rows.Scan(&shingles, &sig, &story); err != nil {
			return 0, err
		}
		other, err := stories.Decode(sig, shingles)
		if err != nil {
			return 0, err
		}
		if !stories.Same(fp, &other) {
			continue
		}
		if j, _ := stories.Similarity(fp, &other); j > bestJ {
			best, bestJ = story, j
		}
	}
	return best, rows.Err()
}

// storedFingerprint reads an article's fingerprint; ok is false when it has none.
func storedFingerprint(ctx context.Context, tx pgx.Tx, id int64) (fp stories.Fingerprint, ok bool, err error) {
	var shingles int
	var sig []byte
	err = tx.QueryRow(ctx, "SELECT shingles, minhash FROM article_fingerprints WHERE article_id = $1", id).Scan(&shingles, &sig)
	if errors.Is(err, pgx.ErrNoRows) {
		return fp, false, nil
	}
	if err != nil {
		return fp, false, err
	}
	fp, err = stories.Decode(sig, shingles)
	return fp, err == nil, err
}

// unassignStory takes an article out of the band index and, when story is not nil, out of
// that story.
func unassignStory(ctx context.Context, tx pgx.Tx, id int64, story *int64) error {
	old, ok, err := storedFingerprint(ctx, tx, id)
	if err != nil {
		return err
	}
	if ok {
		keys := old.BandKeys()
		if _, err := tx.Exec(ctx, "DELETE FROM story_bands WHERE key = ANY($1) AND article_id = $2", keys[:], id); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "DELETE FROM article_fingerprints WHERE article_id = $1", id); err != nil {
			return err
		}
	}
	if story == nil {
		return nil
	}
	if _, err := tx.Exec(ctx, "UPDATE articles SET story_id = NULL WHERE id = $1", id); err != nil {
		return err
	}
	return refreshStory(ctx, tx, *story)
}

// refreshStory recomputes a story's first article, counts and title from its articles, and
// deletes it when none is left.
func refreshStory(ctx context.Context, tx pgx.Tx, story int64) error {
	_, err := tx.Exec(ctx, `DELETE FROM stories WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM articles WHERE story_id = $1)`, story)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `UPDATE stories SET
		(first_article_id, first_source, first_at, title) = (
			SELECT a.id, a.source, coalesce(a.published_utc, a.first_seen_at), a.title FROM articles a
			WHERE a.story_id = stories.id ORDER BY coalesce(a.published_utc, a.first_seen_at) COLLATE "C", a.id LIMIT 1),
		articles = (SELECT count(*) FROM articles a WHERE a.story_id = stories.id),
		sources = (SELECT count(DISTINCT a.source) FROM articles a WHERE a.story_id = stories.id)
		WHERE id = $1`, story)
	return err
}

// groupStatements puts each statement of the article into the group of the same words by the
// same speaker (for unattributed words: in the same story) reported within
// store.StatementWindow, else into a new group: store's groupStatements, in four round trips
// to the server rather than three per statement (under the grouping lock, every saving worker
// waits for them). The candidate groups of every statement are read at once; a statement that
// joins or starts a group adds it, under its keys, to the candidates of the ones after it (as
// store's per-statement query would find it); new groups take their ids from the identity's
// sequence first, so that they are written in one batch.
func groupStatements(ctx context.Context, tx pgx.Tx, id, story int64, at string) error {
	type stmt struct {
		id            int64
		speaker, text string
		keys          []int64
	}
	rows, err := tx.Query(ctx, "SELECT id, speaker, text FROM statements WHERE article_id = $1 ORDER BY seq", id)
	if err != nil {
		return err
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (stmt, error) {
		var s stmt
		err := r.Scan(&s.id, &s.speaker, &s.text)
		return s, err
	})
	if err != nil || len(list) == 0 {
		return err
	}
	var allKeys []int64
	for i := range list {
		key := list[i].speaker
		if key == "" {
			key = "story:" + strconv.FormatInt(story, 10)
		}
		list[i].keys = stories.StatementKeys(key, list[i].text)
		allKeys = append(allKeys, list[i].keys...)
	}
	// The candidates: the groups sharing a key, reported within the window.
	type group struct {
		id                int64 // 0 for a new group until its id is drawn
		text              string
		firstAt           string
		matchKey, speaker string
		isNew             bool
		joined            bool // an existing group a statement joined: its times are refit
	}
	var groups []*group
	byKey := map[int64][]*group{}
	byID := map[int64]*group{}
	from, to := shift(at, -store.StatementWindow), shift(at, store.StatementWindow)
	// One query per key, all in one batch (one round trip). A single key's query is planned
	// through the primary keys' indexes even before the tables have statistics; one join of
	// every key was planned as a hash of every group, a cost that grew with the store.
	b := &pgx.Batch{}
	for _, k := range slices.Compact(slices.Sorted(slices.Values(allKeys))) {
		b.Queue(`SELECT g.id, g.text, g.first_at FROM statement_keys k JOIN statement_groups g ON g.id = k.group_id
			WHERE k.key = $1 AND g.last_at COLLATE "C" >= $2 AND g.first_at COLLATE "C" <= $3`, k, from, to).
			Query(func(rows pgx.Rows) error {
				for rows.Next() {
					var gid int64
					var text, firstAt string
					if err := rows.Scan(&gid, &text, &firstAt); err != nil {
						return err
					}
					g := byID[gid]
					if g == nil {
						g = &group{id: gid, text: text, firstAt: firstAt}
						byID[gid] = g
					}
					byKey[k] = append(byKey[k], g)
				}
				return rows.Err()
			})
	}
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return err
	}
	member := make([]*group, len(list))
	for i, s := range list {
		// store's order: the earliest group first, then the oldest id (new groups last, in order).
		var cands []*group
		seen := map[*group]bool{}
		for _, k := range s.keys {
			for _, g := range byKey[k] {
				if !seen[g] {
					seen[g] = true
					cands = append(cands, g)
				}
			}
		}
		slices.SortStableFunc(cands, func(a, b *group) int {
			if c := strings.Compare(a.firstAt, b.firstAt); c != 0 {
				return c
			}
			switch {
			case a.isNew && b.isNew:
				return 0 // stable: in order of creation
			case a.isNew:
				return 1
			case b.isNew:
				return -1
			}
			return int(a.id - b.id)
		})
		var g *group
		for _, c := range cands {
			if stories.SameStatement(s.text, c.text) {
				g = c
				break
			}
		}
		if g == nil {
			key := s.speaker
			if key == "" {
				key = "story:" + strconv.FormatInt(story, 10)
			}
			g = &group{text: s.text, firstAt: at, matchKey: key, speaker: s.speaker, isNew: true}
			groups = append(groups, g)
		} else {
			g.joined = !g.isNew
			g.firstAt = min(g.firstAt, at)
		}
		member[i] = g
		for _, k := range s.keys {
			if !slices.Contains(byKey[k], g) {
				byKey[k] = append(byKey[k], g)
			}
		}
	}
	if len(groups) > 0 {
		rows, err := tx.Query(ctx, `SELECT nextval(pg_get_serial_sequence('statement_groups', 'id')) FROM generate_series(1, $1)`, len(groups))
		if err != nil {
			return err
		}
		ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
		if err != nil {
			return err
		}
		for i, g := range groups {
			g.id = ids[i]
		}
	}
	b = &pgx.Batch{}
	for _, g := range groups {
		b.Queue(`INSERT INTO statement_groups (id, speaker, match_key, text, first_at, last_at) VALUES ($1, $2, $3, $4, $5, $5)`,
			g.id, g.speaker, g.matchKey, g.text, at)
	}
	for _, g := range byID {
		if g.joined {
			b.Queue(`UPDATE statement_groups SET first_at = least(first_at COLLATE "C", $1),
				last_at = greatest(last_at COLLATE "C", $1) WHERE id = $2`, at, g.id)
		}
	}
	// One statement per row, by primary key (a join with an unnest was planned as a scan of
	// every statement); the batch is still one round trip.
	for i, s := range list {
		b.Queue("UPDATE statements SET group_id = $1 WHERE id = $2", member[i].id, s.id)
		b.Queue(`INSERT INTO statement_keys (key, group_id) SELECT k, $2 FROM unnest($1::bigint[]) k
			ON CONFLICT DO NOTHING`, s.keys, member[i].id)
	}
	return tx.SendBatch(ctx, b).Close()
}

// groupFigures puts each figure into the group of the same figure on the same day from the
// same speaker (the statement it stands in), or, outside any statement, from the same story:
// store's groupFigures, every figure's upsert in one batch. The key is store's: the numbers in
// Go's shortest form, "" for no value_max.
func groupFigures(ctx context.Context, tx pgx.Tx, id, story int64, date string) error {
	rows, err := tx.Query(ctx, `SELECT f.id, f.text, f.value, f.value_max, f.comparator,
		f.unit, f.category, coalesce((SELECT s.speaker FROM statements s WHERE s.article_id = f.article_id
			AND s.byte_start <= f.byte_start AND s.byte_end >= f.byte_end AND s.speaker <> '' ORDER BY s.id LIMIT 1), '')
		FROM figures f WHERE f.article_id = $1 ORDER BY f.seq`, id)
	if err != nil {
		return err
	}
	b := &pgx.Batch{}
	for rows.Next() {
		var fid int64
		var text, speaker string
		var value float64
		var valueMax *float64
		var cmp, unit, cat string
		if err := rows.Scan(&fid, &text, &value, &valueMax, &cmp, &unit, &cat, &speaker); err != nil {
			rows.Close()
			return err
		}
		who := "story:" + strconv.FormatInt(story, 10)
		if speaker != "" {
			who = "speaker:" + speaker
		}
		key := strings.Join([]string{who, date, cat, cmp, strconv.FormatFloat(value, 'g', -1, 64), maxText(valueMax), unit}, "|")
		b.Queue(`WITH g AS (INSERT INTO figure_groups (match_key, speaker, date, text) VALUES ($1, $2, $3, $4)
				ON CONFLICT (match_key) DO UPDATE SET match_key = excluded.match_key RETURNING id)
			UPDATE figures SET group_id = (SELECT id FROM g) WHERE id = $5`, key, speaker, date, text, fid)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if b.Len() == 0 {
		return nil
	}
	return tx.SendBatch(ctx, b).Close()
}

// maxText is a figure's value_max in its group key: "" for none.
func maxText(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'g', -1, 64)
}

// oldGroups are the statement and figure groups of an article's rows before a save replaces
// them.
type oldGroups struct{ statements, figures []int64 }

func readOldGroups(ctx context.Context, tx pgx.Tx, id int64) (oldGroups, error) {
	var o oldGroups
	for _, t := range []struct {
		table string
		ids   *[]int64
	}{{"statements", &o.statements}, {"figures", &o.figures}} {
		rows, err := tx.Query(ctx, "SELECT DISTINCT group_id FROM "+t.table+" WHERE article_id = $1 AND group_id IS NOT NULL ORDER BY group_id", id)
		if err != nil {
			return o, err
		}
		ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
		if err != nil {
			return o, err
		}
		*t.ids = ids
	}
	return o, nil
}

// prune deletes the old groups nothing belongs to any more, and refits the times of the
// statement groups that lost members.
func (o oldGroups) prune(ctx context.Context, tx pgx.Tx) error {
	if len(o.statements) == 0 && len(o.figures) == 0 {
		return nil
	}
	b := &pgx.Batch{}
	for _, g := range o.statements {
		b.Queue(`DELETE FROM statement_groups WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM statements WHERE group_id = $1)`, g)
		b.Queue(`UPDATE statement_groups SET (first_at, last_at) = (
			SELECT min(coalesce(a.published_utc, a.first_seen_at) COLLATE "C"), max(coalesce(a.published_utc, a.first_seen_at) COLLATE "C")
			FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.group_id = statement_groups.id)
			WHERE id = $1`, g)
	}
	for _, g := range o.figures {
		b.Queue(`DELETE FROM figure_groups WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM figures WHERE group_id = $1)`, g)
	}
	return tx.SendBatch(ctx, b).Close()
}

// backfillBatch is how many stored articles one transaction of GroupStored groups.
var backfillBatch = 500

// GroupStored groups the articles stored without a story (saved by a version that did not
// group on PostgreSQL), oldest first, as saving them would have, a batch per transaction,
// telling progress (when not nil) after each; it returns how many it grouped. With nothing to
// do it costs one indexed lookup. A batch skips the articles another process grouped
// meanwhile, so two at once do not group one twice; cancelled, the next call goes on.
func (db *DB) GroupStored(ctx context.Context, progress store.Progress) (int, error) {
	ids, err := db.ungroupedArticles(ctx)
	if err != nil || len(ids) == 0 {
		return 0, err
	}
	if progress == nil {
		progress = func(int, int) {}
	}
	progress(0, len(ids))
	for done := 0; done < len(ids); {
		batch := ids[done:min(done+backfillBatch, len(ids))]
		err := db.inTx(ctx, func(tx pgx.Tx) error {
			if err := lockGroups(ctx, tx); err != nil {
				return err
			}
			return groupStored(ctx, tx, batch)
		})
		if err != nil {
			return done, fmt.Errorf("store: group stored articles (%d of %d done; the next writing command goes on): %w", done, len(ids), err)
		}
		done += len(batch)
		progress(done, len(ids))
	}
	return len(ids), nil
}

// groupStored groups those of ids still without a story, in the order given.
func groupStored(ctx context.Context, tx pgx.Tx, ids []int64) error {
	rows, err := tx.Query(ctx, "SELECT id FROM articles WHERE id = ANY($1) AND story_id IS NULL", ids)
	if err != nil {
		return err
	}
	left, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return err
	}
	todo := map[int64]bool{}
	for _, id := range left {
		todo[id] = true
	}
	for _, id := range ids {
		if !todo[id] {
			continue
		}
		var body, lang string
		if err := tx.QueryRow(ctx, "SELECT body, language FROM articles WHERE id = $1", id).Scan(&body, &lang); err != nil {
			return err
		}
		old, err := readOldGroups(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := groupArticle(ctx, tx, id, body, lang, true, old); err != nil {
			return fmt.Errorf("article %d: %w", id, err)
		}
	}
	return nil
}

// ungroupedArticles lists the articles without a story, oldest first, as grouping wants them.
func (db *DB) ungroupedArticles(ctx context.Context) ([]int64, error) {
	rows, err := db.pool.Query(ctx, `SELECT id FROM articles WHERE story_id IS NULL
		ORDER BY coalesce(published_utc, first_seen_at) COLLATE "C", id`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[int64])
}
