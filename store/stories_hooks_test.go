package store

import (
	"context"
	"database/sql"
	"time"
)

// SaveInTxForBench saves a in tx (the caller rolls it back), then groups it once more on its
// own and returns how long that took: the regrouping (out of its story and groups, and back)
// bounds from above what grouping adds to a save.
func SaveInTxForBench(ctx context.Context, tx *sql.Tx, a *Article) (time.Duration, error) {
	res, err := saveTx(ctx, tx, a)
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
