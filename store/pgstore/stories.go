package pgstore

import (
	"cmp"
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

// The lock is held to the commit, so the work done under it bounds how many saves a second all
// workers together make. Grouping therefore reads the article's own rows and computes its
// fingerprint and keys before it takes the lock (no other transaction can change them: the
// save holds the article's row lock), and sends what it does under the lock in a few batches,
// a round trip each: the lock and the candidate copies; a new story's row; the story's writes
// and the statements' candidate groups; new groups' ids; every group write. Each round trip
// waits for the server to be scheduled, several milliseconds on a loaded machine.

// groupStmt is a statement of the article being grouped.
type groupStmt struct {
	id            int64
	speaker, text string
	keys          []int64
}

// groupFig is a figure of the article being grouped, with the speaker of the statement it
// stands in.
type groupFig struct {
	id                         int64
	text, speaker              string
	value                      float64
	valueMax                   *float64
	comparator, unit, category string
}

// groupInput is what grouping reads of the article itself.
type groupInput struct {
	at, date string // its instant (published, else first seen) and its own date
	story    *int64 // its story; nil for none
	old      stories.Fingerprint
	hadOld   bool // it has a stored fingerprint (old)
	stmts    []groupStmt
	figs     []groupFig
}

// readGroupInput reads the article's times, story, fingerprint, statements and figures in one
// round trip.
func readGroupInput(ctx context.Context, tx pgx.Tx, id int64) (*groupInput, error) {
	in := &groupInput{}
	b := &pgx.Batch{}
	b.Queue(`SELECT coalesce(published_utc, first_seen_at), substr(coalesce(published, fetched_at), 1, 10), story_id
		FROM articles WHERE id = $1`, id).QueryRow(func(row pgx.Row) error { return row.Scan(&in.at, &in.date, &in.story) })
	b.Queue("SELECT shingles, minhash FROM article_fingerprints WHERE article_id = $1", id).QueryRow(func(row pgx.Row) error {
		var shingles int
		var sig []byte
		err := row.Scan(&shingles, &sig)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		in.old, err = stories.Decode(sig, shingles)
		in.hadOld = err == nil
		return err
	})
	b.Queue("SELECT id, speaker, text FROM statements WHERE article_id = $1 ORDER BY seq", id).Query(func(rows pgx.Rows) error {
		var err error
		in.stmts, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (groupStmt, error) {
			var s groupStmt
			err := r.Scan(&s.id, &s.speaker, &s.text)
			return s, err
		})
		return err
	})
	b.Queue(`SELECT f.id, f.text, f.value, f.value_max, f.comparator, f.unit, f.category,
		coalesce((SELECT s.speaker FROM statements s WHERE s.article_id = f.article_id
			AND s.byte_start <= f.byte_start AND s.byte_end >= f.byte_end AND s.speaker <> '' ORDER BY s.id LIMIT 1), '')
		FROM figures f WHERE f.article_id = $1 ORDER BY f.seq`, id).Query(func(rows pgx.Rows) error {
		var err error
		in.figs, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (groupFig, error) {
			var f groupFig
			err := r.Scan(&f.id, &f.text, &f.value, &f.valueMax, &f.comparator, &f.unit, &f.category, &f.speaker)
			return f, err
		})
		return err
	})
	return in, tx.SendBatch(ctx, b).Close()
}

// groupArticle puts a just-saved article into its story and its statements and figures into
// their groups, by store's rules (store's groupArticle, assignStory, groupStatements,
// groupFigures): contentChanged is false when the body is the one already fingerprinted (the
// story is kept); old are the groups of the article's previous rows, pruned when empty.
func groupArticle(ctx context.Context, tx pgx.Tx, id int64, body, language string, contentChanged bool, old oldGroups) error {
	in, err := readGroupInput(ctx, tx, id)
	if err != nil {
		return fmt.Errorf("story: %w", err)
	}
	// The story: kept as it is, kept with a new fingerprint (a body edited but still a copy of
	// what it was), or the story of the most similar copy, else a new one.
	reuse := in.story != nil && !contentChanged
	var fp stories.Fingerprint
	var bands [stories.Bands]int64
	keep := false
	if !reuse {
		fp = stories.Of(body)
		bands = fp.BandKeys()
		keep = in.story != nil && in.hadOld && stories.Same(&fp, &in.old)
	}
	b := &pgx.Batch{}
	b.Queue("SELECT pg_advisory_xact_lock($1)", groupLock)
	queueIndexPlans(b, true)
	var best int64
	if !reuse && !keep {
		queueBestCopy(b, id, &fp, bands[:], language, in.at, &best)
	}
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("story: %w", err)
	}
	story := best
	if in.story != nil && (reuse || keep) {
		story = *in.story
	}
	if story == 0 {
		if err := tx.QueryRow(ctx, "INSERT INTO stories (language) VALUES ($1) RETURNING id", language).Scan(&story); err != nil {
			return fmt.Errorf("story: %w", err)
		}
	}
	b = &pgx.Batch{}
	if !reuse {
		queueStoryWrites(b, id, in, story, keep, &fp, bands[:], language)
	}
	groups := newStatementGroups(in, story)
	groups.queueLookups(b)
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("story and statement groups: %w", err)
	}
	if err := groups.match(ctx, tx); err != nil {
		return fmt.Errorf("statement groups: %w", err)
	}
	b = &pgx.Batch{}
	groups.queueWrites(b)
	queueFigureGroups(b, in, story)
	old.queuePrune(b)
	queueIndexPlans(b, false)
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("groups: %w", err)
	}
	return nil
}

// queueIndexPlans turns the planner's scans and hash and merge joins off (on) for the rest of
// the transaction. Every query of grouping looks rows up by key through an index, a few at a
// time; but the tables a crawl fills have no statistics until autovacuum's next ANALYZE, and
// without them the planner hashed whole tables (every group, every fingerprint) for a lookup, a
// cost that grew with the store: saves of a fresh database slowed from 17 to 42 ms each within
// 900 articles.
func queueIndexPlans(b *pgx.Batch, only bool) {
	v := "on"
	if only {
		v = "off"
	}
	b.Queue(`SELECT set_config('enable_seqscan', $1, true), set_config('enable_hashjoin', $1, true),
		set_config('enable_mergejoin', $1, true)`, v)
}

func shift(at string, d time.Duration) string {
	t, err := time.Parse(store.TimeLayout, at)
	if err != nil {
		return at
	}
	return store.FormatTime(t.Add(d))
}

// queueStoryWrites takes the article out of the band index and, unless keep, out of its old
// story; then records its story, fingerprint and band keys and updates the story's row (store's
// assignStory, unassignStory, joinStory, refreshStory).
func queueStoryWrites(b *pgx.Batch, id int64, in *groupInput, story int64, keep bool, fp *stories.Fingerprint, bands []int64, language string) {
	if in.hadOld {
		oldBands := in.old.BandKeys()
		b.Queue("DELETE FROM story_bands WHERE key = ANY($1) AND article_id = $2", oldBands[:], id)
		b.Queue("DELETE FROM article_fingerprints WHERE article_id = $1", id)
	}
	if in.story != nil && !keep {
		b.Queue("UPDATE articles SET story_id = NULL WHERE id = $1", id)
		queueRefreshStory(b, *in.story)
	}
	b.Queue("UPDATE articles SET story_id = $1 WHERE id = $2", story, id)
	b.Queue(`INSERT INTO article_fingerprints (article_id, language, at, shingles, minhash) VALUES ($1, $2, $3, $4, $5)`,
		id, language, in.at, fp.Shingles, fp.Bytes())
	b.Queue(`INSERT INTO story_bands (key, article_id) SELECT k, $2 FROM unnest($1::bigint[]) k ON CONFLICT DO NOTHING`,
		bands, id)
	if keep {
		// Still in its story, but its time or title may have changed with the body.
		queueRefreshStory(b, story)
		return
	}
	// The story's counts and first article, from the article that joins and the story's row
	// alone (store's joinStory: a recount made a crawl's cost grow with its biggest story).
	b.Queue(`UPDATE stories SET
		articles = articles + 1,
		sources = sources + (NOT EXISTS (SELECT 1 FROM articles o, articles a WHERE a.id = $1
			AND o.story_id = $2 AND o.source = a.source AND o.id <> a.id))::int
		WHERE id = $2`, id, story)
	b.Queue(`UPDATE stories SET (first_article_id, first_source, first_at, title) = (
			SELECT a.id, a.source, coalesce(a.published_utc, a.first_seen_at), a.title FROM articles a WHERE a.id = $1)
		WHERE id = $2 AND (first_article_id IS NULL OR EXISTS (SELECT 1 FROM articles a
			WHERE a.id = $1 AND (coalesce(a.published_utc, a.first_seen_at) COLLATE "C" < stories.first_at
				OR (coalesce(a.published_utc, a.first_seen_at) = stories.first_at AND a.id < stories.first_article_id))))`,
		id, story)
}

// queueRefreshStory recomputes a story's first article, counts and title from its articles, and
// deletes it when none is left.
func queueRefreshStory(b *pgx.Batch, story int64) {
	b.Queue(`DELETE FROM stories WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM articles WHERE story_id = $1)`, story)
	b.Queue(`UPDATE stories SET
		(first_article_id, first_source, first_at, title) = (
			SELECT a.id, a.source, coalesce(a.published_utc, a.first_seen_at), a.title FROM articles a
			WHERE a.story_id = stories.id ORDER BY coalesce(a.published_utc, a.first_seen_at) COLLATE "C", a.id LIMIT 1),
		articles = (SELECT count(*) FROM articles a WHERE a.story_id = stories.id),
		sources = (SELECT count(DISTINCT a.source) FROM articles a WHERE a.story_id = stories.id)
		WHERE id = $1`, story)
}

// bandCandidates is how many articles of one band key bestCopy compares (store's).
const bandCandidates = 16

// queueBestCopy sets *best to the story of the stored article most similar to fp that is a
// copy of it (left 0 when none is). Candidates are the newest bandCandidates articles of each
// band key, within store.StoryWindow of at, in the same language.
func queueBestCopy(b *pgx.Batch, id int64, fp *stories.Fingerprint, keys []int64, language, at string, best *int64) {
	b.Queue(`SELECT x.shingles, x.minhash, x.story_id
		FROM (SELECT DISTINCT c.article_id FROM unnest($1::bigint[]) k,
			LATERAL (SELECT article_id FROM story_bands WHERE key = k AND article_id <> $2
				ORDER BY article_id DESC LIMIT `+strconv.Itoa(bandCandidates)+`) c) c,
		LATERAL (SELECT f.shingles, f.minhash, a.story_id FROM article_fingerprints f JOIN articles a ON a.id = f.article_id
			WHERE f.article_id = c.article_id AND f.language = $3 AND f.at COLLATE "C" BETWEEN $4 AND $5
			AND a.story_id IS NOT NULL) x
		ORDER BY c.article_id`,
		keys, id, language, shift(at, -store.StoryWindow), shift(at, store.StoryWindow)).Query(func(rows pgx.Rows) error {
		bestJ := -1.0
		for rows.Next() {
			var shingles int
			var sig []byte
			var story int64
			if err := rows.Scan(&shingles, &sig, &story); err != nil {
				return err
			}
			other, err := stories.Decode(sig, shingles)
			if err != nil {
				return err
			}
			if !stories.Same(fp, &other) {
				continue
			}
			if j, _ := stories.Similarity(fp, &other); j > bestJ {
				*best, bestJ = story, j
			}
		}
		return rows.Err()
	})
}

// statementGroup is a group a statement of the article may join or start.
type statementGroup struct {
	id                int64 // 0 for a new group until its id is drawn
	text, firstAt     string
	matchKey, speaker string // a new group's
	isNew             bool
	joined            bool // an existing group a statement joined: its times are refit
}

// statementGroups puts each statement of the article into the group of the same words by the
// same speaker (for unattributed words: in the same story) reported within
// store.StatementWindow, else into a new group (store's groupStatements). The candidate groups
// of every statement's keys are read in one batch; a statement that joins or starts a group
// adds it, under its keys, to the candidates of the ones after it (as store's per-statement
// query would find it); new groups take their ids from the identity's sequence, so that every
// write goes in one batch.
type statementGroups struct {
	in       *groupInput
	byKey    map[int64][]*statementGroup
	byID     map[int64]*statementGroup
	created  []*statementGroup
	member   []*statementGroup // each statement's group
	story    int64
	from, to string
}

func newStatementGroups(in *groupInput, story int64) *statementGroups {
	g := &statementGroups{in: in, byKey: map[int64][]*statementGroup{}, byID: map[int64]*statementGroup{}, story: story,
		from: shift(in.at, -store.StatementWindow), to: shift(in.at, store.StatementWindow)}
	for i := range in.stmts {
		s := &in.stmts[i]
		s.keys = stories.StatementKeys(statementKey(s.speaker, story), s.text)
	}
	return g
}

// statementKey is whose words a statement's group holds: its speaker, or for unattributed
// words its story.
func statementKey(speaker string, story int64) string {
	if speaker == "" {
		return "story:" + strconv.FormatInt(story, 10)
	}
	return speaker
}

// queueLookups reads the groups sharing each key within the window: one query per key, all in
// one batch. A single key's query is planned through the primary keys' indexes.
func (g *statementGroups) queueLookups(b *pgx.Batch) {
	var keys []int64
	for _, s := range g.in.stmts {
		keys = append(keys, s.keys...)
	}
	for _, k := range slices.Compact(slices.Sorted(slices.Values(keys))) {
		b.Queue(`SELECT g.id, g.text, g.first_at FROM statement_keys k JOIN statement_groups g ON g.id = k.group_id
			WHERE k.key = $1 AND g.last_at COLLATE "C" >= $2 AND g.first_at COLLATE "C" <= $3`, k, g.from, g.to).
			Query(func(rows pgx.Rows) error {
				for rows.Next() {
					var gid int64
					var text, firstAt string
					if err := rows.Scan(&gid, &text, &firstAt); err != nil {
						return err
					}
					sg := g.byID[gid]
					if sg == nil {
						sg = &statementGroup{id: gid, text: text, firstAt: firstAt}
						g.byID[gid] = sg
					}
					g.byKey[k] = append(g.byKey[k], sg)
				}
				return rows.Err()
			})
	}
}

// match decides each statement's group, in order, and draws the new groups' ids.
func (g *statementGroups) match(ctx context.Context, tx pgx.Tx) error {
	at := g.in.at
	g.member = make([]*statementGroup, len(g.in.stmts))
	for i, s := range g.in.stmts {
		// store's order: the earliest group first, then the oldest id (new groups last, in order).
		var cands []*statementGroup
		seen := map[*statementGroup]bool{}
		for _, k := range s.keys {
			for _, c := range g.byKey[k] {
				if !seen[c] {
					seen[c] = true
					cands = append(cands, c)
				}
			}
		}
		slices.SortStableFunc(cands, func(a, b *statementGroup) int {
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
			return cmp.Compare(a.id, b.id)
		})
		var sg *statementGroup
		for _, c := range cands {
			if stories.SameStatement(s.text, c.text) {
				sg = c
				break
			}
		}
		if sg == nil {
			sg = &statementGroup{text: s.text, firstAt: at, matchKey: statementKey(s.speaker, g.story), speaker: s.speaker, isNew: true}
			g.created = append(g.created, sg)
		} else {
			sg.joined = !sg.isNew
			sg.firstAt = min(sg.firstAt, at)
		}
		g.member[i] = sg
		for _, k := range s.keys {
			if !slices.Contains(g.byKey[k], sg) {
				g.byKey[k] = append(g.byKey[k], sg)
			}
		}
	}
	if len(g.created) == 0 {
		return nil
	}
	rows, err := tx.Query(ctx, `SELECT nextval(pg_get_serial_sequence('statement_groups', 'id')) FROM generate_series(1, $1)`, len(g.created))
	if err != nil {
		return err
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return err
	}
	for i, sg := range g.created {
		sg.id = ids[i]
	}
	return nil
}

// queueWrites writes the new groups, refits the times of the joined ones, and records each
// statement's group and keys (a statement per row, by primary key).
func (g *statementGroups) queueWrites(b *pgx.Batch) {
	at := g.in.at
	for _, sg := range g.created {
		b.Queue(`INSERT INTO statement_groups (id, speaker, match_key, text, first_at, last_at) VALUES ($1, $2, $3, $4, $5, $5)`,
			sg.id, sg.speaker, sg.matchKey, sg.text, at)
	}
	for _, sg := range g.byID {
		if sg.joined {
			b.Queue(`UPDATE statement_groups SET first_at = least(first_at COLLATE "C", $1),
				last_at = greatest(last_at COLLATE "C", $1) WHERE id = $2`, at, sg.id)
		}
	}
	for i, s := range g.in.stmts {
		b.Queue("UPDATE statements SET group_id = $1 WHERE id = $2", g.member[i].id, s.id)
		b.Queue(`INSERT INTO statement_keys (key, group_id) SELECT k, $2 FROM unnest($1::bigint[]) k
			ON CONFLICT DO NOTHING`, s.keys, g.member[i].id)
	}
}

// queueFigureGroups puts each figure into the group of the same figure on the same day from
// the same speaker (the statement it stands in), or, outside any statement, from the same story
// (store's groupFigures). The key is store's: the numbers in Go's shortest form, "" for no
// value_max.
func queueFigureGroups(b *pgx.Batch, in *groupInput, story int64) {
	for _, f := range in.figs {
		who := "story:" + strconv.FormatInt(story, 10)
		if f.speaker != "" {
			who = "speaker:" + f.speaker
		}
		key := strings.Join([]string{who, in.date, f.category, f.comparator, strconv.FormatFloat(f.value, 'g', -1, 64),
			maxText(f.valueMax), f.unit}, "|")
		b.Queue(`WITH g AS (INSERT INTO figure_groups (match_key, speaker, date, text) VALUES ($1, $2, $3, $4)
				ON CONFLICT (match_key) DO UPDATE SET match_key = excluded.match_key RETURNING id)
			UPDATE figures SET group_id = (SELECT id FROM g) WHERE id = $5`, key, f.speaker, in.date, f.text, f.id)
	}
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

// queuePrune deletes the old groups nothing belongs to any more, and refits the times of the
// statement groups that lost members.
func (o oldGroups) queuePrune(b *pgx.Batch) {
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
