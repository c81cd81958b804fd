package store

import (
	"context"
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
CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, subtitle, body ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, subtitle, body) VALUES ('delete', old.id, old.title, old.subtitle, old.body);
    INSERT INTO articles_fts(rowid, title, subtitle, body) VALUES (new.id, new.title, new.subtitle, new.body);
END;
INSERT INTO statements_fts(statements_fts) VALUES ('rebuild');
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
`

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
		return nil
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
