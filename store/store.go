// Package store keeps armswatch's data in SQLite (github.com/mattn/go-sqlite3): a versioned
// schema migrated on open, one transaction per article. It knows nothing of HTML.
package store

import (
	"context"
	"time"

	"armswatch/extract"
)

// Article is one fetched page with its analysis, as the crawler and reextract hand it over.
type Article struct {
	URL       string
	Source    string
	FetchedAt time.Time
	HTML      []byte // raw page, stored compressed
	Analysis  *extract.Analysis
}

// SaveResult says what saving did.
type SaveResult struct {
	ArticleID int64
	New       bool // the URL was not stored before
	Changed   bool // stored before with another content hash
}

// DB is an open armswatch database.
type DB struct{}

// Open opens (creating and migrating if needed) the database at path for reading and writing.
func Open(path string) (*DB, error) { return &DB{}, nil }

// OpenReadOnly opens an existing database read-only (mode=ro, query_only).
func OpenReadOnly(path string) (*DB, error) { return &DB{}, nil }

// Close closes the database.
func (db *DB) Close() error { return nil }

// SaveArticle stores an article and replaces its analysis rows, in one transaction.
func (db *DB) SaveArticle(ctx context.Context, a *Article) (SaveResult, error) {
	return SaveResult{}, nil
}
