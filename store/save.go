package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/armswatch/armswatch/extract"
)

// SaveArticle stores an article and replaces its analysis rows, in one transaction. The article
// row keeps its id across saves (an upsert, not a delete and insert), so ids in exports stay
// stable; its statements, dates, figures and mentions are deleted and written again.
func (db *DB) SaveArticle(ctx context.Context, a *Article) (SaveResult, error) {
	var res SaveResult
	err := db.inTxOf(ctx, true, func(tx *sql.Tx) error {
		var err error
		res, err = saveTx(ctx, tx, &db.stmts, a)
		return err
	})
	if err != nil {
		return SaveResult{}, fmt.Errorf("store: save %s: %w", a.URL, err)
	}
	return res, nil
}

// SaveArticles stores many articles in one transaction: for bulk loads (imports, benchmarks),
// where one commit per article would dominate the time.
func (db *DB) SaveArticles(ctx context.Context, as []*Article) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		for _, a := range as {
			if _, err := saveTx(ctx, tx, &db.stmts, a); err != nil {
				return fmt.Errorf("store: save %s: %w", a.URL, err)
			}
		}
		return nil
	})
}

func (db *DB) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	return db.inTxOf(ctx, false, fn)
}

// inTxOf is inTx; article counts the write as an article's save towards a batch (BatchWrites).
func (db *DB) inTxOf(ctx context.Context, article bool, fn func(*sql.Tx) error) error {
	if db.readOnly {
		return errors.New("database opened read-only")
	}
	return db.w.write(ctx, article, fn)
}

// saveTx saves a in tx, with stmts' prepared statements (nil: prepared in tx, for this save).
func saveTx(ctx context.Context, tx *sql.Tx, stmts *stmtCache, a *Article) (SaveResult, error) {
	an := a.Analysis
	if an == nil {
		return SaveResult{}, errors.New("no analysis")
	}
	if a.URL == "" {
		return SaveResult{}, errors.New("no URL")
	}
	var res SaveResult
	var oldHash, oldFetched string
	sel, err := stmts.in(ctx, tx, "SELECT id, content_hash, fetched_at FROM articles WHERE url = ?")
	if err != nil {
		return res, err
	}
	err = sel.QueryRowContext(ctx, a.URL).Scan(&res.ArticleID, &oldHash, &oldFetched)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		res.New = true
	case err != nil:
		return res, err
	case Superseded(a, oldFetched):
		res.Superseded = true
		return res, nil
	}
	hash := contentHash(an)
	res.Changed = !res.New && hash != oldHash
	raw, err := CompressPageFor(ctx, sqlDicts{tx}, a.URL, a.HTML, time.Now())
	if err != nil {
		return res, err
	}
	fetched := a.FetchedAt
	if fetched.IsZero() {
		fetched = time.Now()
	}
	id, err := upsertArticle(ctx, tx, stmts, a, hash, raw, utc(fetched))
	if err != nil {
		return res, err
	}
	res.ArticleID = id
	var old oldGroups
	if !res.New {
		if old, err = readOldGroups(ctx, cachedTx{tx, stmts}, id); err != nil {
			return res, err
		}
	}
	if err := replaceAnalysis(ctx, tx, stmts, id, an); err != nil {
		return res, err
	}
	if err := groupArticle(ctx, cachedTx{tx, stmts}, id, an.Body, an.Language, res.New || res.Changed, old); err != nil {
		return res, err
	}
	return res, nil
}

// contentHash fingerprints what a reader sees (title, subtitle, body), so that a page whose ads
// or markup change is not reported as a changed article.
func contentHash(an *extract.Analysis) string {
	h := sha256.New()
	for _, s := range []string{an.Title, an.Subtitle, an.Body} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil || string(b) == "null" {
		return "[]"
	}
	return string(b)
}

const upsertSQL = `
INSERT INTO articles (url, canonical_url, source, profile, title, subtitle, authors, section,
    language, published, published_utc, modified, dateline_text, dateline_place, dateline_date,
    dateline_agency, dateline_start, dateline_end, body, relevance, raw_html, content_hash,
    first_seen_at, fetched_at, analyzer_version, warnings, published_hint)
VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
ON CONFLICT (url) DO UPDATE SET
    canonical_url = excluded.canonical_url, source = excluded.source, profile = excluded.profile,
    title = excluded.title, subtitle = excluded.subtitle, authors = excluded.authors,
    section = excluded.section, language = excluded.language, published = excluded.published,
    published_utc = excluded.published_utc, modified = excluded.modified,
    dateline_text = excluded.dateline_text, dateline_place = excluded.dateline_place,
    dateline_date = excluded.dateline_date, dateline_agency = excluded.dateline_agency,
    dateline_start = excluded.dateline_start, dateline_end = excluded.dateline_end,
    body = excluded.body, relevance = excluded.relevance,
    raw_html = coalesce(excluded.raw_html, raw_html), content_hash = excluded.content_hash,
    fetched_at = excluded.fetched_at, analyzer_version = excluded.analyzer_version,
    warnings = excluded.warnings, published_hint = coalesce(excluded.published_hint, published_hint)
RETURNING id`

func upsertArticle(ctx context.Context, tx *sql.Tx, stmts *stmtCache, a *Article, hash string, raw []byte, fetched string) (int64, error) {
	st, err := stmts.in(ctx, tx, upsertSQL)
	if err != nil {
		return 0, fmt.Errorf("article row: %w", err)
	}
	var id int64
	if err := st.QueryRowContext(ctx, ArticleArgs(a, hash, raw, fetched)...).Scan(&id); err != nil {
		return 0, fmt.Errorf("article row: %w", err)
	}
	return id, nil
}

// ArticleArgs are the values of an articles row in the order of the upsert's parameters, which
// every backend's upsert keeps, so that both store the same values for the same article. raw nil
// keeps the stored page.
func ArticleArgs(a *Article, hash string, raw []byte, fetched string) []any {
	an := a.Analysis
	source := an.Source
	if a.Source != "" {
		source = a.Source
	}
	var dl struct {
		text, place, date, agency any
		start, end                any
	}
	if d := an.Dateline; d != nil {
		dl.text, dl.place, dl.agency, dl.start, dl.end = d.Text, d.Place, d.Agency, d.Start, d.End
		if d.Date != nil {
			dl.date = *d.Date
		}
	}
	var rawArg, hint any
	if raw != nil {
		rawArg = raw
	}
	if !a.PublishedHint.IsZero() {
		hint = a.PublishedHint.Format(time.RFC3339) // the feed's offset kept: the analyzer may print it
	}
	return []any{a.URL, an.CanonicalURL, source, an.Profile, an.Title, an.Subtitle, jsonText(an.Authors),
		an.Section, an.Language, timeText(an.Published), publishedUTC(an.Published), timeText(an.Modified),
		dl.text, dl.place, dl.date, dl.agency, dl.start, dl.end, an.Body, an.Relevance, rawArg, hash,
		fetched, fetched, an.AnalyzerVersion, jsonText(an.Warnings), hint}
}

func nullable(s *string) any {
	if s == nil || *s == "" {
		return nil
	}
	return *s
}

// timeText is a page's time as the contract writes it (RFC 3339 with the page's offset, or a
// bare date); NULL when there is none.
func timeText(t *extract.Time) any {
	if t == nil || t.IsZero() {
		return nil
	}
	return t.String()
}

// publishedUTC is the publication instant in UTC, text that sorts and compares; a bare date is
// midnight UTC.
func publishedUTC(t *extract.Time) any {
	if t == nil || t.IsZero() {
		return nil
	}
	return utc(t.Time)
}
