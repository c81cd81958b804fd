package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Full-text search uses SQLite FTS5, which github.com/mattn/go-sqlite3 compiles in only with the
// build tag sqlite_fts5. The FTS tables are therefore not a numbered migration: a binary built
// without the tag must still open, crawl into and query a database. syncFTS, run on every
// read-write open, brings them in line with what the binary can do:
//   - with FTS5: create the tables and triggers if missing and fill them from the base tables
//     (a fresh database, or one last written by a binary without FTS5);
//   - without: drop the triggers (they would make every write fail with "no such module: fts5"),
//     leaving the tables stale until an FTS5 binary opens the database again.

// ftsTriggers are the names of the triggers that keep the FTS tables in sync.
var ftsTriggers = []string{
	"statements_fts_ai", "statements_fts_ad", "statements_fts_au",
	"articles_fts_ai", "articles_fts_ad", "articles_fts_au",
}

// ftsSchema creates the external-content FTS5 tables (they index the base tables' columns
// without a second copy of the text) and the triggers that keep them in step.
const ftsSchema = `
CREATE VIRTUAL TABLE IF NOT EXISTS statements_fts USING fts5(
    text, speaker, content='statements', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, subtitle, body, content='articles', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER statements_fts_ai AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts(rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
END;
CREATE TRIGGER statements_fts_ad AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, text, speaker) VALUES ('delete', old.id, old.text, old.speaker);
END;
CREATE TRIGGER statements_fts_au AFTER UPDATE OF text, speaker ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, text, speaker) VALUES ('delete', old.id, old.text, old.speaker);
    INSERT INTO statements_fts(rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
END;
CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, subtitle, body) VALUES (new.id, new.title, new.subtitle, new.body);
END;
CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, subtitle, body) VALUES ('delete', old.id, old.title, old.subtitle, old.body);
END;
` + articlesFTSUpdate + `
INSERT INTO statements_fts(statements_fts) VALUES ('rebuild');
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
`

// articlesFTSUpdate re-indexes an article only when its indexed text changed. Every save of a
// stored article (a crawl's refetch, reextract) sets title, subtitle and body, mostly to what
// they were; without the WHEN clause each such save added a delete and an insert of the whole
// body to the index, which FTS5 keeps until its segments merge: one reextract of a 1,000-page
// crawl that changed nothing grew articles_fts from 3.5 to 6.3 MiB.
const articlesFTSUpdate = `CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, subtitle, body ON articles
WHEN ` + articlesFTSChanged + ` BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, subtitle, body) VALUES ('delete', old.id, old.title, old.subtitle, old.body);
    INSERT INTO articles_fts(rowid, title, subtitle, body) VALUES (new.id, new.title, new.subtitle, new.body);
END;`

// articlesFTSChanged is the update trigger's condition; a database whose trigger lacks it (made
// before it) gets the trigger anew on its next read-write open.
const articlesFTSChanged = `old.title IS NOT new.title OR old.subtitle IS NOT new.subtitle OR old.body IS NOT new.body`

// FTS5Available tells whether this binary's SQLite has FTS5 (built with -tags sqlite_fts5).
func (db *DB) FTS5Available(ctx context.Context) (bool, error) {
	var on int
	err := db.sql.QueryRowContext(ctx, "SELECT sqlite_compileoption_used('ENABLE_FTS5')").Scan(&on)
	if err != nil {
		return false, fmt.Errorf("check FTS5: %w", err)
	}
	return on == 1, nil
}

func (db *DB) syncFTS(ctx context.Context) error {
	avail, err := db.FTS5Available(ctx)
	if err != nil {
		return err
	}
	n, err := db.countFTSTriggers(ctx)
	if err != nil {
		return err
	}
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("full-text index: %w", err)
	}
	defer tx.Rollback()
	switch {
	case avail && n == len(ftsTriggers):
		db.fts = true
		return db.upgradeFTSTriggers(ctx, tx)
	case avail:
		for _, t := range ftsTriggers {
			if _, err := tx.ExecContext(ctx, "DROP TRIGGER IF EXISTS "+t); err != nil {
				return fmt.Errorf("full-text index: %w", err)
			}
		}
		if _, err := tx.ExecContext(ctx, ftsSchema); err != nil {
			return fmt.Errorf("full-text index: build: %w", err)
		}
		db.fts = true
	case n > 0:
		for _, t := range ftsTriggers {
			if _, err := tx.ExecContext(ctx, "DROP TRIGGER IF EXISTS "+t); err != nil {
				return fmt.Errorf("full-text index: %w", err)
			}
		}
	default:
		return nil
	}
	return tx.Commit()
}

// upgradeFTSTriggers replaces an articles_fts_au trigger of an earlier version (one that
// re-indexed every saved article) with articlesFTSUpdate. The index itself is right as it is:
// no rebuild, which would take minutes on a large database.
func (db *DB) upgradeFTSTriggers(ctx context.Context, tx *sql.Tx) error {
	var current int
	err := tx.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = 'articles_fts_au' AND instr(sql, ?) > 0",
		articlesFTSChanged).Scan(&current)
	if err != nil {
		return fmt.Errorf("full-text index: %w", err)
	}
	if current == 1 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, "DROP TRIGGER articles_fts_au; "+articlesFTSUpdate); err != nil {
		return fmt.Errorf("full-text index: upgrade trigger: %w", err)
	}
	return tx.Commit()
}

func (db *DB) countFTSTriggers(ctx context.Context) (int, error) {
	var n int
	err := db.sql.QueryRowContext(ctx,
		"SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%\\_fts\\_a_' ESCAPE '\\'").Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("full-text index: %w", err)
	}
	return n, nil
}

// hasFTSTables tells a read-only connection whether search can work: FTS5 compiled in and the
// index maintained by triggers.
func (db *DB) hasFTSTables(ctx context.Context) (bool, error) {
	avail, err := db.FTS5Available(ctx)
	if err != nil || !avail {
		return false, err
	}
	n, err := db.countFTSTriggers(ctx)
	return n == len(ftsTriggers), err
}
