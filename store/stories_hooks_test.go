package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/armswatch/armswatch/stories"
)

// FillStoriesForBench adds n articles with the given bodies (body(i)), a story each, their
// fingerprints and band keys, one every seven minutes from start: the tables a new article's
// story lookup reads, without the statements and full-text rows that make the full save path
// take an hour for 100,000 articles on a loaded machine.
func (db *DB) FillStoriesForBench(ctx context.Context, n int, start time.Time, body func(i int) string) error {
	const batch = 5000
	for lo := 0; lo < n; lo += batch {
		err := db.inTx(ctx, func(tx *sql.Tx) error {
			for i := lo; i < min(lo+batch, n); i++ {
				at := utc(start.Add(time.Duration(i) * 7 * time.Minute))
				var story, id int64
				if err := tx.QueryRowContext(ctx, `INSERT INTO stories (language, first_at, articles, sources) VALUES ('en', ?, 1, 1) RETURNING id`, at).Scan(&story); err != nil {
					return err
				}
				b := body(i)
				if err := tx.QueryRowContext(ctx, `INSERT INTO articles (url, source, language, published_utc, body, content_hash,
					first_seen_at, fetched_at, analyzer_version, story_id) VALUES (?, 'tass', 'en', ?, ?, ?, ?, ?, 'bench', ?) RETURNING id`,
					fmt.Sprintf("https://bench.example/%d", i), at, b, fmt.Sprint(i), at, at, story).Scan(&id); err != nil {
					return err
				}
				fp := stories.Of(b)
				if _, err := tx.ExecContext(ctx, `INSERT INTO article_fingerprints (article_id, language, at, shingles, minhash) VALUES (?, 'en', ?, ?, ?)`,
					id, at, fp.Shingles, fp.Bytes()); err != nil {
					return err
				}
				keys := fp.BandKeys()
				args := make([]any, 0, 2*len(keys))
				for _, k := range keys {
					args = append(args, k, id)
				}
				if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO story_bands (key, article_id) VALUES "+
					strings.TrimSuffix(strings.Repeat("(?,?),", len(keys)), ","), args...); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// SaveInTxForBench saves a in tx (the caller rolls it back), then groups it once more on its
// own and returns how long that took: the regrouping (out of its story and groups, and back)
// bounds from above what grouping adds to a save.
func SaveInTxForBench(ctx context.Context, tx *sql.Tx, a *Article) (time.Duration, error) {
	res, err := saveTx(ctx, tx, nil, a)
	if err != nil {
		return 0, err
	}
	start := time.Now()
	old, err := readOldGroups(ctx, tx, res.ArticleID)
	if err != nil {
		return 0, err
	}
	err = groupArticle(ctx, tx, res.ArticleID, a.Analysis.Body, a.Analysis.Language, true, old)
	return time.Since(start), err
}

// SetBackfillBatchForTest makes the story backfill group n articles per transaction, until
// the returned function restores it.
func SetBackfillBatchForTest(n int) (restore func()) {
	old := backfillBatch
	backfillBatch = n
	return func() { backfillBatch = old }
}
