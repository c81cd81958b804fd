package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/armswatch/armswatch/stories"
)

// How close in time copies must be. A story's copies are looked for within StoryWindow of the
// article's time (published, else first seen): syndication runs over hours or days, and a
// window keeps a yearly templated item ("the annual report says ...") out of last year's story.
// A statement repeated more than StatementWindow apart is said again, not copied.
const (
	StoryWindow     = 7 * 24 * time.Hour
	StatementWindow = 3 * 24 * time.Hour
)

// groupArticle puts a just-saved article into its story and its statements and figures into
// their groups. contentChanged is false when the body is the one already fingerprinted, and
// then the story is kept. oldGroups are the groups the article's previous rows belonged to,
// pruned when nothing is left in them.
func groupArticle(ctx context.Context, tx querier, id int64, body, language string, contentChanged bool, old oldGroups) error {
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

// articleTimes reads an article's instant (published, else first seen, UTC text) and date
// (its own calendar date, as the views compute it).
func articleTimes(ctx context.Context, tx querier, id int64) (at, date string, story sql.NullInt64, err error) {
	err = tx.QueryRowContext(ctx, `SELECT coalesce(published_utc, first_seen_at),
		substr(coalesce(published, fetched_at), 1, 10), story_id FROM articles WHERE id = ?`, id).
		Scan(&at, &date, &story)
	return at, date, story, err
}

func shift(at string, d time.Duration) string {
	t, err := time.Parse(timeLayout, at)
	if err != nil {
		return at
	}
	return utc(t.Add(d))
}

// assignStory fingerprints the body and joins the story of the most similar copy among the
// candidates the band index gives (same language, within StoryWindow), else starts a story.
func assignStory(ctx context.Context, tx querier, id int64, body, language string, contentChanged bool) (int64, error) {
	at, _, story, err := articleTimes(ctx, tx, id)
	if err != nil {
		return 0, err
	}
	if story.Valid && !contentChanged {
		return story.Int64, nil
	}
	fp := stories.Of(body)
	keys := fp.BandKeys()
	// A body that changed but is still a copy of what it was (a typo fixed, a paragraph added)
	// stays in its story: only its fingerprint is renewed.
	old, hadOld, err := storedFingerprint(ctx, tx, id)
	if err != nil {
		return 0, err
	}
	keep := story.Valid && hadOld && stories.Same(&fp, &old)
	if keep {
		story.Valid = false // unassign only the fingerprint
	}
	if err := unassignStory(ctx, tx, id, story); err != nil {
		return 0, err
	}
	var best int64
	if keep {
		best = story.Int64
	} else if best, err = bestCopy(ctx, tx, id, &fp, keys[:], language, at); err != nil {
		return 0, err
	}
	if best == 0 {
		if err := tx.QueryRowContext(ctx, "INSERT INTO stories (language) VALUES (?) RETURNING id", language).Scan(&best); err != nil {
			return 0, err
		}
	}
	if _, err := tx.ExecContext(ctx, "UPDATE articles SET story_id = ? WHERE id = ?", best, id); err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO article_fingerprints (article_id, language, at, shingles, minhash)
		VALUES (?,?,?,?,?)`, id, language, at, fp.Shingles, fp.Bytes()); err != nil {
		return 0, err
	}
	args := make([]any, 0, 2*len(keys))
	for _, k := range keys {
		args = append(args, k, id)
	}
	if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO story_bands (key, article_id) VALUES "+
		strings.TrimSuffix(strings.Repeat("(?,?),", len(keys)), ","), args...); err != nil {
		return 0, err
	}
	if keep {
		// Still in its story, but its time or title may have changed with the body.
		return best, refreshStory(ctx, tx, best)
	}
	return best, joinStory(ctx, tx, best, id)
}

// joinStory updates a story's counts and first article for one article that just joined it,
// from that article and the story's row alone: recounting the story's articles on every save
// made a crawl's cost grow with the square of its biggest story.
func joinStory(ctx context.Context, tx querier, story, id int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE stories SET
		articles = articles + 1,
		sources = sources + NOT EXISTS (SELECT 1 FROM articles o, articles a WHERE a.id = ?1
			AND o.story_id = ?2 AND o.source = a.source AND o.id <> a.id)
		WHERE id = ?2`, id, story)
	if err != nil {
		return err
	}
	// The article is the story's first when none is recorded (a new story) or it comes before
	// the recorded one, in the order refreshStory uses.
	_, err = tx.ExecContext(ctx, `UPDATE stories SET (first_article_id, first_source, first_at, title) = (
			SELECT a.id, a.source, coalesce(a.published_utc, a.first_seen_at), a.title FROM articles a WHERE a.id = ?1)
		WHERE id = ?2 AND (first_article_id IS NULL OR EXISTS (SELECT 1 FROM articles a
			WHERE a.id = ?1 AND (coalesce(a.published_utc, a.first_seen_at) < stories.first_at
				OR (coalesce(a.published_utc, a.first_seen_at) = stories.first_at AND a.id < stories.first_article_id))))`,
		id, story)
	return err
}

// bandCandidates is how many articles of one band key bestCopy compares: the newest, as the
// copies a new article joins are the latest of its story. Without the cap, every save into a
// story of N copies read and decoded N fingerprints, so a run's work and garbage grew with the
// square of a big story (the soak's near-identical pages: a 4,000-page crawl took 4m53s against
// 25s for 1,000, and peaked 12% higher in RSS, 77.0 MB against 68.6). 48 keys of 16 bound a
// save to 768 rows; a copy still finds its story through its newest members.
const bandCandidates = 16

// bestCopy returns the story of the stored article most similar to fp that is a copy of it,
// 0 when none is. Candidates are the newest bandCandidates articles of each band key (the
// primary-key index answers each), so the cost grows neither with the store nor with the
// story.
func bestCopy(ctx context.Context, tx querier, id int64, fp *stories.Fingerprint, keys []int64, language, at string) (int64, error) {
	args := make([]any, 0, 2*len(keys)+3)
	for _, k := range keys {
		args = append(args, k, id)
	}
	args = append(args, language, shift(at, -StoryWindow), shift(at, StoryWindow))
	rows, err := tx.QueryContext(ctx, `SELECT f.shingles, f.minhash, a.story_id
		FROM article_fingerprints f JOIN articles a ON a.id = f.article_id
		WHERE f.article_id IN (`+bandCandidatesSQL(len(keys))+`)
		AND likely(f.language = ?) AND f.at BETWEEN ? AND ? AND a.story_id IS NOT NULL`, args...)
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

// bandCandidatesSQL selects the newest bandCandidates articles other than the one being
// matched under each of n band keys; its arguments are each key followed by the article's id.
// Each term is a descending range of the primary key that stops at its limit.
//
// The equalities on bound values are wrapped in likely() (which returns its argument) so that
// the prepared statement stays prepared. When SQLite's planner estimates the rows a `col = ?`
// filter keeps, it looks whether the bound value is 0 or 1 and marks the statement to be
// prepared again when that parameter changes; past the 31st parameter one mark covers them all,
// and go-sqlite3 clears the bindings after every run, which expires a marked statement. So the
// 48-way query was compiled again on every save: 1.07 ms of CPU a run against 0.07 ms with
// the hint (a likelihood given replaces that estimate), on the bench's crawled database. The
// plan is the same: each term a search of story_bands' primary key.
func bandCandidatesSQL(n int) string {
	term := "SELECT article_id FROM (SELECT article_id FROM story_bands WHERE likely(key = ?) AND article_id <> ? ORDER BY article_id DESC LIMIT " +
		strconv.Itoa(bandCandidates) + ")"
	return strings.TrimSuffix(strings.Repeat(term+" UNION ", n), " UNION ")
}

// storedFingerprint reads an article's fingerprint; ok is false when it has none.
func storedFingerprint(ctx context.Context, tx querier, id int64) (fp stories.Fingerprint, ok bool, err error) {
	var shingles int
	var sig []byte
	err = tx.QueryRowContext(ctx, "SELECT shingles, minhash FROM article_fingerprints WHERE article_id = ?", id).Scan(&shingles, &sig)
	if errors.Is(err, sql.ErrNoRows) {
		return fp, false, nil
	}
	if err != nil {
		return fp, false, err
	}
	fp, err = stories.Decode(sig, shingles)
	return fp, err == nil, err
}

// unassignStory takes an article out of the band index and, when story is valid, out of
// that story.
func unassignStory(ctx context.Context, tx querier, id int64, story sql.NullInt64) error {
	old, ok, err := storedFingerprint(ctx, tx, id)
	switch {
	case err != nil:
		return err
	case ok:
		for _, k := range old.BandKeys() {
			if _, err := tx.ExecContext(ctx, "DELETE FROM story_bands WHERE key = ? AND article_id = ?", k, id); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM article_fingerprints WHERE article_id = ?", id); err != nil {
			return err
		}
	}
	if !story.Valid {
		return nil
	}
	if _, err := tx.ExecContext(ctx, "UPDATE articles SET story_id = NULL WHERE id = ?", id); err != nil {
		return err
	}
	return refreshStory(ctx, tx, story.Int64)
}

// refreshStory recomputes a story's first article, counts and title from its articles, and
// deletes it when none is left.
func refreshStory(ctx context.Context, tx querier, story int64) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM stories WHERE id = ?
		AND NOT EXISTS (SELECT 1 FROM articles WHERE story_id = ?)`, story, story)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE stories SET
		(first_article_id, first_source, first_at, title) = (
			SELECT a.id, a.source, coalesce(a.published_utc, a.first_seen_at), a.title FROM articles a
			WHERE a.story_id = stories.id ORDER BY coalesce(a.published_utc, a.first_seen_at), a.id LIMIT 1),
		articles = (SELECT count(*) FROM articles a WHERE a.story_id = stories.id),
		sources = (SELECT count(DISTINCT a.source) FROM articles a WHERE a.story_id = stories.id)
		WHERE id = ?`, story)
	return err
}

// groupStatements puts each statement of the article into the group of the same words by
// the same speaker (for unattributed words: in the same story) reported within
// StatementWindow, else into a new group.
func groupStatements(ctx context.Context, tx querier, id, story int64) error {
	at, _, _, err := articleTimes(ctx, tx, id)
	if err != nil {
		return err
	}
	type stmt struct {
		id            int64
		speaker, text string
	}
	var list []stmt
	rows, err := tx.QueryContext(ctx, "SELECT id, speaker, text FROM statements WHERE article_id = ? ORDER BY seq", id)
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
	from, to := shift(at, -StatementWindow), shift(at, StatementWindow)
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
			err = tx.QueryRowContext(ctx, `INSERT INTO statement_groups (speaker, match_key, text, first_at, last_at)
				VALUES (?,?,?,?,?) RETURNING id`, s.speaker, key, s.text, at, at).Scan(&g)
		} else {
			_, err = tx.ExecContext(ctx, `UPDATE statement_groups SET first_at = min(first_at, ?),
				last_at = max(last_at, ?) WHERE id = ?`, at, at, g)
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE statements SET group_id = ? WHERE id = ?", g, s.id); err != nil {
			return err
		}
		for _, k := range keys {
			if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO statement_keys (key, group_id) VALUES (?, ?)", k, g); err != nil {
				return err
			}
		}
	}
	return nil
}

// sameStatementGroup finds the group of key reported in [from, to] whose words are text's,
// among the groups sharing one of its StatementKeys.
func sameStatementGroup(ctx context.Context, tx querier, keys []int64, text, from, to string) (int64, error) {
	if len(keys) == 0 {
		return 0, nil
	}
	args := make([]any, 0, len(keys)+2)
	for _, k := range keys {
		args = append(args, k)
	}
	args = append(args, from, to)
	rows, err := tx.QueryContext(ctx, `SELECT id, text FROM statement_groups
		WHERE id IN (SELECT group_id FROM statement_keys WHERE key IN (?`+strings.Repeat(",?", len(keys)-1)+`))
		AND last_at >= ? AND first_at <= ? ORDER BY first_at, id`, args...)
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

// groupFigures puts each figure into the group of the same figure (value, range, comparator,
// unit, category) on the same day from the same speaker (the statement it stands in), or, for
// a figure outside any statement, from the same story.
func groupFigures(ctx context.Context, tx querier, id, story int64) error {
	_, date, _, err := articleTimes(ctx, tx, id)
	if err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT f.id, f.text, f.value, coalesce(f.value_max, ''), f.comparator,
		f.unit, f.category, coalesce((SELECT s.speaker FROM statements s WHERE s.article_id = f.article_id
			AND s.byte_start <= f.byte_start AND s.byte_end >= f.byte_end AND s.speaker <> '' LIMIT 1), '')
		FROM figures f WHERE f.article_id = ? ORDER BY f.seq`, id)
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
		var valueMax, cmp, unit, cat string
		if err := rows.Scan(&f.id, &f.text, &value, &valueMax, &cmp, &unit, &cat, &f.speaker); err != nil {
			rows.Close()
			return err
		}
		who := "story:" + strconv.FormatInt(story, 10)
		if f.speaker != "" {
			who = "speaker:" + f.speaker
		}
		f.key = strings.Join([]string{who, date, cat, cmp, strconv.FormatFloat(value, 'g', -1, 64), valueMax, unit}, "|")
		list = append(list, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, f := range list {
		var g int64
		err := tx.QueryRowContext(ctx, `INSERT INTO figure_groups (match_key, speaker, date, text) VALUES (?,?,?,?)
			ON CONFLICT (match_key) DO UPDATE SET match_key = excluded.match_key RETURNING id`,
			f.key, f.speaker, date, f.text).Scan(&g)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE figures SET group_id = ? WHERE id = ?", g, f.id); err != nil {
			return err
		}
	}
	return nil
}

// oldGroups are the statement and figure groups of an article's rows before a save replaces
// them.
type oldGroups struct{ statements, figures []int64 }

func readOldGroups(ctx context.Context, tx querier, id int64) (oldGroups, error) {
	var o oldGroups
	for _, t := range []struct {
		table string
		ids   *[]int64
	}{{"statements", &o.statements}, {"figures", &o.figures}} {
		rows, err := tx.QueryContext(ctx, "SELECT DISTINCT group_id FROM "+t.table+" WHERE article_id = ? AND group_id IS NOT NULL", id)
		if err != nil {
			return o, err
		}
		for rows.Next() {
			var g int64
			if err := rows.Scan(&g); err != nil {
				rows.Close()
				return o, err
			}
			*t.ids = append(*t.ids, g)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return o, err
		}
	}
	return o, nil
}

// prune deletes the old groups nothing belongs to any more, and refits the times of the
// statement groups that lost members.
func (o oldGroups) prune(ctx context.Context, tx querier) error {
	for _, g := range o.statements {
		if _, err := tx.ExecContext(ctx, `DELETE FROM statement_groups WHERE id = ?
			AND NOT EXISTS (SELECT 1 FROM statements WHERE group_id = ?)`, g, g); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE statement_groups SET (first_at, last_at) = (
			SELECT min(coalesce(a.published_utc, a.first_seen_at)), max(coalesce(a.published_utc, a.first_seen_at))
			FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.group_id = statement_groups.id)
			WHERE id = ?`, g); err != nil {
			return err
		}
	}
	for _, g := range o.figures {
		if _, err := tx.ExecContext(ctx, `DELETE FROM figure_groups WHERE id = ?
			AND NOT EXISTS (SELECT 1 FROM figures WHERE group_id = ?)`, g, g); err != nil {
			return err
		}
	}
	return nil
}

// backfillStories groups the articles stored before schema version 6 (or by a binary that
// did not group them), oldest first, a batch per transaction, telling progress (when not nil)
// after each. It runs when a writing command opens the database; with nothing to do it costs
// one indexed lookup. Each batch commits on its own, so when ctx is cancelled the next open
// goes on with the articles still without a story.
func (db *DB) backfillStories(ctx context.Context, progress Progress) error {
	ids, err := db.ungroupedArticles(ctx)
	if err != nil {
		return fmt.Errorf("store: group stored articles: %w", err)
	}
	if progress == nil {
		progress = func(int, int) {}
	}
	if len(ids) > 0 {
		progress(0, len(ids))
	}
	// The ids are read once, in order, and grouped 500 to a transaction: asking for "the next
	// 500 without a story" each time sorted the remaining rows again, which made a first open
	// of a 100,000-article database take tens of minutes.
	for done := 0; done < len(ids); {
		batch := ids[done:min(done+backfillBatch, len(ids))]
		if err := db.inTx(ctx, func(tx *sql.Tx) error { return groupStored(ctx, cachedTx{tx, &db.stmts}, batch) }); err != nil {
			if ctx.Err() != nil {
				return fmt.Errorf("store: grouping stored articles into stories stopped after %d of %d (the next writing command goes on): %w", done, len(ids), err)
			}
			return fmt.Errorf("store: group stored articles: %w", err)
		}
		done += len(batch)
		progress(done, len(ids))
	}
	return nil
}

// backfillBatch is how many stored articles one transaction groups: a few seconds of work, so
// that an interrupted backfill loses little and others waiting for the write lock not long.
var backfillBatch = 500

// groupStored groups the stored articles ids, as saving them would have.
func groupStored(ctx context.Context, tx querier, ids []int64) error {
	for _, id := range ids {
		var body, lang string
		if err := tx.QueryRowContext(ctx, "SELECT body, language FROM articles WHERE id = ?", id).Scan(&body, &lang); err != nil {
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
	rows, err := db.sql.QueryContext(ctx, `SELECT id FROM articles WHERE story_id IS NULL
		ORDER BY coalesce(published_utc, first_seen_at), id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// storiesSQL lists stories first published at or after ?, newest first, each with its sources
// in the order they carried it. The inner query picks the stories through stories_first_at.
const storiesSQL = `
SELECT st.id AS story_id, st.first_at, st.first_source, st.articles,
       (SELECT group_concat(source, ', ') FROM (
            SELECT a.source, min(coalesce(a.published_utc, a.first_seen_at)) AS at FROM articles a
            WHERE a.story_id = st.id GROUP BY a.source ORDER BY at, a.source)) AS sources,
       st.language, st.title,
       (SELECT url FROM articles WHERE id = st.first_article_id) AS first_url
FROM stories st
WHERE st.first_at >= ? AND st.articles >= ?
ORDER BY st.first_at DESC, st.id DESC`

// Stories returns the rows of the stories first published since since (zero: all), newest
// first; only those carried by more than one article unless all is set.
func (db *DB) Stories(ctx context.Context, since time.Time, all bool) (*sql.Rows, error) {
	minArticles := 2
	if all {
		minArticles = 1
	}
	rows, err := db.sql.QueryContext(ctx, storiesSQL, utc(since), minArticles)
	if err != nil {
		return nil, fmt.Errorf("store: stories: %w", err)
	}
	return rows, nil
}
