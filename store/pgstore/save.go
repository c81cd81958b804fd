package pgstore

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/armswatch/armswatch/extract"
	"github.com/armswatch/armswatch/store"

	"github.com/jackc/pgx/v5"
)

// SaveArticle stores an article and replaces its analysis rows in one transaction, as the
// SQLite store does: the article row keeps its id (an upsert), its statements, dates, figures
// and mentions are deleted and written again, and the article joins its story and its
// statements and figures their groups (stories.go).
func (db *DB) SaveArticle(ctx context.Context, a *store.Article) (store.SaveResult, error) {
	var res store.SaveResult
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		var err error
		res, err = saveTx(ctx, tx, a)
		return err
	})
	if err != nil {
		return store.SaveResult{}, fmt.Errorf("store: save %s: %w", a.URL, err)
	}
	return res, nil
}

// SaveArticles stores many articles in one transaction (bulk loads).
func (db *DB) SaveArticles(ctx context.Context, as []*store.Article) error {
	return db.inTx(ctx, func(tx pgx.Tx) error {
		for _, a := range as {
			if _, err := saveTx(ctx, tx, a); err != nil {
				return fmt.Errorf("store: save %s: %w", a.URL, err)
			}
		}
		return nil
	})
}

func saveTx(ctx context.Context, tx pgx.Tx, a *store.Article) (store.SaveResult, error) {
	an := a.Analysis
	if an == nil {
		return store.SaveResult{}, errors.New("no analysis")
	}
	if a.URL == "" {
		return store.SaveResult{}, errors.New("no URL")
	}
	var res store.SaveResult
	var oldHash, oldFetched string
	// FOR UPDATE: a crawl saving a newer fetch of the page waits for this save, or this one for
	// it, so a re-analysis never writes over the newer page's analysis
	err := tx.QueryRow(ctx, "SELECT id, content_hash, fetched_at FROM articles WHERE url = $1 FOR UPDATE", a.URL).Scan(&res.ArticleID, &oldHash, &oldFetched)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		res.New = true
	case err != nil:
		return res, err
	case store.Superseded(a, oldFetched):
		res.Superseded = true
		return res, nil
	}
	hash := store.ContentHash(an)
	res.Changed = !res.New && hash != oldHash
	raw, err := store.CompressPageFor(ctx, pgDicts{tx}, a.URL, a.HTML, time.Now())
	if err != nil {
		return res, err
	}
	fetched := a.FetchedAt
	if fetched.IsZero() {
		fetched = time.Now()
	}
	if res.ArticleID, err = upsertArticle(ctx, tx, a, hash, raw, store.FormatTime(fetched)); err != nil {
		return res, err
	}
	var old oldGroups
	if !res.New {
		if old, err = readOldGroups(ctx, tx, res.ArticleID); err != nil {
			return res, err
		}
	}
	if err := replaceAnalysis(ctx, tx, res.ArticleID, an); err != nil {
		return res, err
	}
	return res, groupArticle(ctx, tx, res.ArticleID, an.Body, an.Language, res.New || res.Changed, old)
}

const upsertSQL = `
INSERT INTO articles (url, canonical_url, source, profile, title, subtitle, authors, section,
    language, published, published_utc, modified, dateline_text, dateline_place, dateline_date,
    dateline_agency, dateline_start, dateline_end, body, relevance, raw_html, content_hash,
    first_seen_at, fetched_at, analyzer_version, warnings, published_hint)
VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26,$27)
ON CONFLICT (url) DO UPDATE SET
    canonical_url = excluded.canonical_url, source = excluded.source, profile = excluded.profile,
    title = excluded.title, subtitle = excluded.subtitle, authors = excluded.authors,
    section = excluded.section, language = excluded.language, published = excluded.published,
    published_utc = excluded.published_utc, modified = excluded.modified,
    dateline_text = excluded.dateline_text, dateline_place = excluded.dateline_place,
    dateline_date = excluded.dateline_date, dateline_agency = excluded.dateline_agency,
    dateline_start = excluded.dateline_start, dateline_end = excluded.dateline_end,
    body = excluded.body, relevance = excluded.relevance,
    raw_html = coalesce(excluded.raw_html, articles.raw_html), content_hash = excluded.content_hash,
    fetched_at = excluded.fetched_at, analyzer_version = excluded.analyzer_version,
    warnings = excluded.warnings, published_hint = coalesce(excluded.published_hint, articles.published_hint)
RETURNING id`

func upsertArticle(ctx context.Context, tx pgx.Tx, a *store.Article, hash string, raw []byte, fetched string) (int64, error) {
	var id int64
	if err := tx.QueryRow(ctx, upsertSQL, store.ArticleArgs(a, hash, raw, fetched)...).Scan(&id); err != nil {
		return 0, fmt.Errorf("article row: %w", err)
	}
	return id, nil
}

// replaceAnalysis deletes the article's analysis rows and writes the new ones, in one batch:
// one round trip to the server per article, however many rows it has.
func replaceAnalysis(ctx context.Context, tx pgx.Tx, id int64, an *extract.Analysis) error {
	b := &pgx.Batch{}
	for _, t := range []string{"statements", "dates", "figures", "mentions"} {
		b.Queue("DELETE FROM "+t+" WHERE article_id = $1", id)
	}
	for i, s := range an.Statements {
		b.Queue(`INSERT INTO statements (article_id, seq, kind, text, speaker, speaker_role,
			speaker_kind, cue, treaty, paragraph, byte_start, byte_end, spans)
			VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
			id, i, s.Kind, s.Text, s.Speaker, s.SpeakerRole, s.SpeakerKind, s.Cue, s.Treaty,
			s.Paragraph, s.Start, s.End, store.JSONText(s.Spans))
	}
	for i, d := range an.Dates {
		b.Queue(`INSERT INTO dates (article_id, seq, text, kind, value, value_end, granularity,
			paragraph, byte_start, byte_end) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
			id, i, d.Text, d.Kind, d.Value, store.Nullable(d.ValueEnd), d.Granularity, d.Paragraph, d.Start, d.End)
	}
	for i, f := range an.Figures {
		var max any
		if f.ValueMax != nil {
			max = *f.ValueMax
		}
		b.Queue(`INSERT INTO figures (article_id, seq, text, value, value_max, comparator, unit,
			category, treaty, paragraph, byte_start, byte_end, sentence, sentence_start, sentence_end)
			VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)`,
			id, i, f.Text, f.Value, max, f.Comparator, f.Unit, f.Category, f.Treaty, f.Paragraph,
			f.Start, f.End, f.Sentence, f.SentenceStart, f.SentenceEnd)
	}
	for i, m := range an.Mentions {
		b.Queue(`INSERT INTO mentions (article_id, seq, type, entity_id, name, text, paragraph,
			byte_start, byte_end) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
			id, i, m.Type, m.ID, m.Name, m.Text, m.Paragraph, m.Start, m.End)
	}
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("analysis rows: %w", err)
	}
	return nil
}

// DuplicateOf returns the URL of another stored article that is the same as the analysed page
// at url (same canonical URL, or same content hash); "" when none.
func (db *DB) DuplicateOf(ctx context.Context, url string, an *extract.Analysis) (string, error) {
	var other string
	if c := an.CanonicalURL; c != "" && c != url {
		err := db.pool.QueryRow(ctx, `SELECT url FROM articles WHERE (url = $1 OR canonical_url = $1) AND url <> $2 LIMIT 1`,
			c, url).Scan(&other)
		if err == nil || !errors.Is(err, pgx.ErrNoRows) {
			return other, err
		}
	}
	if an.Body == "" {
		return "", nil
	}
	err := db.pool.QueryRow(ctx, `SELECT url FROM articles WHERE content_hash = $1 AND url <> $2 LIMIT 1`,
		store.ContentHash(an), url).Scan(&other)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	return other, err
}
