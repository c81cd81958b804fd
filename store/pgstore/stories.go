package pgstore

import (
	"context"
	"errors"
	"fmt"
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
	story, err := assignStory(ctx, tx, id, body, language, contentChanged)
	if err != nil {
		return fmt.Errorf("story: %w", err)
	}
	if err := groupStatements(ctx, tx, id, story); err != nil {
		return fmt.Errorf("statement groups: %w", err)
	}
	if err := groupFigures(ctx, tx, id, story); err != nil {
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
// a story (store's assignStory).
func assignStory(ctx context.Context, tx pgx.Tx, id int64, body, language string, contentChanged bool) (int64, error) {
	at, _, story, err := articleTimes(ctx, tx, id)
	if err != nil {
		return 0, err
	}
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
	rows, err := tx.Query(ctx, `SELECT f.shingles, f.minhash, a.story_id
		FROM article_fingerprints f JOIN articles a ON a.id = f.article_id
		WHERE f.article_id IN (SELECT c.article_id FROM unnest($1::bigint[]) k,
			LATERAL (SELECT article_id FROM story_bands WHERE key = k AND article_id <> $2
				ORDER BY article_id DESC LIMIT `+strconv.Itoa(bandCandidates)+`) c)
		AND f.language = $3 AND f.at COLLATE "C" BETWEEN $4 AND $5 AND a.story_id IS NOT NULL
		ORDER BY f.article_id`,
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
// store.StatementWindow, else into a new group.
func groupStatements(ctx context.Context, tx pgx.Tx, id, story int64) error {
	at, _, _, err := articleTimes(ctx, tx, id)
	if err != nil {
		return err
	}
	type stmt struct {
		id            int64
		speaker, text string
	}
	var list []stmt
	rows, err := tx.Query(ctx, "SELECT id, speaker, text FROM statements WHERE article_id = $1 ORDER BY seq", id)
	if err != nil {
		return err
	}
	for rows.Next() {
		var s stmt
		if err := rows.Scan(&s.id, &s.speaker, &s.text); err != nil {
			rows.Close()
			return err
		}
		list = append(list, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	from, to := shift(at, -store.StatementWindow), shift(at, store.StatementWindow)
	for _, s := range list {
		key := s.speaker
		if key == "" {
			key = "story:" + strconv.FormatInt(story, 10)
		}
		keys := stories.StatementKeys(key, s.text)
		g, err := sameStatementGroup(ctx, tx, keys, s.text, from, to)
		if err != nil {
			return err
		}
		if g == 0 {
			err = tx.QueryRow(ctx, `INSERT INTO statement_groups (speaker, match_key, text, first_at, last_at)
				VALUES ($1, $2, $3, $4, $4) RETURNING id`, s.speaker, key, s.text, at).Scan(&g)
		} else {
			_, err = tx.Exec(ctx, `UPDATE statement_groups SET first_at = least(first_at COLLATE "C", $1),
				last_at = greatest(last_at COLLATE "C", $1) WHERE id = $2`, at, g)
		}
		if err != nil {
			return err
		}
		b := &pgx.Batch{}
		b.Queue("UPDATE statements SET group_id = $1 WHERE id = $2", g, s.id)
		b.Queue(`INSERT INTO statement_keys (key, group_id) SELECT k, $2 FROM unnest($1::bigint[]) k
			ON CONFLICT DO NOTHING`, keys, g)
		if err := tx.SendBatch(ctx, b).Close(); err != nil {
			return err
		}
	}
	return nil
}

// sameStatementGroup finds the group reported in [from, to] whose words are text's, among the
// groups sharing one of its StatementKeys, earliest first.
func sameStatementGroup(ctx context.Context, tx pgx.Tx, keys []int64, text, from, to string) (int64, error) {
	if len(keys) == 0 {
		return 0, nil
	}
	rows, err := tx.Query(ctx, `SELECT id, text FROM statement_groups
		WHERE id IN (SELECT group_id FROM statement_keys WHERE key = ANY($1))
		AND last_at COLLATE "C" >= $2 AND first_at COLLATE "C" <= $3 ORDER BY first_at COLLATE "C", id`, keys, from, to)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var g int64
		var t string
		if err := rows.Scan(&g, &t); err != nil {
			return 0, err
		}
		if stories.SameStatement(text, t) {
			return g, nil
		}
	}
	return 0, rows.Err()
}

// groupFigures puts each figure into the group of the same figure on the same day from the
// same speaker (the statement it stands in), or, outside any statement, from the same story.
// The key is store's, as SQLite's: the numbers in Go's shortest form, "" for no value_max.
func groupFigures(ctx context.Context, tx pgx.Tx, id, story int64) error {
	_, date, _, err := articleTimes(ctx, tx, id)
	if err != nil {
		return err
	}
	rows, err := tx.Query(ctx, `SELECT f.id, f.text, f.value, f.value_max, f.comparator,
		f.unit, f.category, coalesce((SELECT s.speaker FROM statements s WHERE s.article_id = f.article_id
			AND s.byte_start <= f.byte_start AND s.byte_end >= f.byte_end AND s.speaker <> '' ORDER BY s.id LIMIT 1), '')
		FROM figures f WHERE f.article_id = $1 ORDER BY f.seq`, id)
	if err != nil {
		return err
	}
	type fig struct {
		id            int64
		text, speaker string
		key           string
	}
	var list []fig
	for rows.Next() {
		var f fig
		var value float64
		var valueMax *float64
		var cmp, unit, cat string
		if err := rows.Scan(&f.id, &f.text, &value, &valueMax, &cmp, &unit, &cat, &f.speaker); err != nil {
			rows.Close()
			return err
		}
		who := "story:" + strconv.FormatInt(story, 10)
		if f.speaker != "" {
			who = "speaker:" + f.speaker
		}
		f.key = strings.Join([]string{who, date, cat, cmp, strconv.FormatFloat(value, 'g', -1, 64), maxText(valueMax), unit}, "|")
		list = append(list, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, f := range list {
		var g int64
		err := tx.QueryRow(ctx, `INSERT INTO figure_groups (match_key, speaker, date, text) VALUES ($1, $2, $3, $4)
			ON CONFLICT (match_key) DO UPDATE SET match_key = excluded.match_key RETURNING id`,
			f.key, f.speaker, date, f.text).Scan(&g)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "UPDATE figures SET group_id = $1 WHERE id = $2", g, f.id); err != nil {
			return err
		}
	}
	return nil
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
