// Package pgstore keeps armswatch's data in PostgreSQL (github.com/jackc/pgx/v5): the same
// tables, views and columns as the SQLite store (package store), versioned migrations of its
// own (migrations/*.sql, applied on open), full-text search with tsvector. It implements
// store.Store; the conformance suite in store/storetest runs the same tests against both.
// docs/schema.md ("PostgreSQL") says where the two differ.
package pgstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/armswatch/armswatch/store"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
)

// DB is an open armswatch database on a PostgreSQL server.
type DB struct {
	pool     *pgxpool.Pool
	sql      *sql.DB // the same pool through database/sql, for the *sql.Rows of query and stories
	readOnly bool

	mu  sync.Mutex
	txs []*sql.Tx // read-only transactions of Query, ended by Close
}

var _ store.Store = (*DB)(nil)

// IsURL tells whether a database setting names a PostgreSQL server rather than a SQLite file.
func IsURL(database string) bool {
	d := strings.ToLower(database)
	return strings.HasPrefix(d, "postgres://") || strings.HasPrefix(d, "postgresql://")
}

// Open connects to the database at url, creating and migrating the schema if needed.
func Open(ctx context.Context, url string) (*DB, error) {
	db, err := connect(ctx, url, false)
	if err != nil {
		return nil, err
	}
	if err := db.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("pgstore: %s: %w", Redact(url), err)
	}
	return db, nil
}

// OpenReadOnly connects for reading: every transaction of its connections is READ ONLY
// (default_transaction_read_only), and Query runs users' SQL in a transaction begun READ ONLY,
// which no statement inside can lift.
func OpenReadOnly(ctx context.Context, url string) (*DB, error) {
	db, err := connect(ctx, url, true)
	if err != nil {
		return nil, err
	}
	if err := db.checkVersion(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("pgstore: %s: %w", Redact(url), err)
	}
	return db, nil
}

func connect(ctx context.Context, url string, readOnly bool) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("pgstore: %s: %w", Redact(url), err)
	}
	if readOnly {
		cfg.ConnConfig.RuntimeParams["default_transaction_read_only"] = "on"
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("pgstore: %s: %w", Redact(url), err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("pgstore: %s: %w", Redact(url), err)
	}
	return &DB{pool: pool, sql: stdlib.OpenDBFromPool(pool), readOnly: readOnly}, nil
}

// Redact is url without its password, for messages.
func Redact(url string) string {
	cfg, err := pgconn.ParseConfig(url)
	if err != nil || cfg.Password == "" {
		return url
	}
	return strings.Replace(url, ":"+cfg.Password+"@", ":***@", 1)
}

// Close ends Query's transactions and closes the connections.
func (db *DB) Close() error {
	db.mu.Lock()
	for _, tx := range db.txs {
		tx.Rollback()
	}
	db.txs = nil
	db.mu.Unlock()
	err := db.sql.Close()
	db.pool.Close()
	return err
}

// Query runs SQL and returns its rows. On a database opened with OpenReadOnly it runs in a READ
// ONLY transaction (ended by Close), so a statement that would write fails with an error for
// which IsReadOnlyError is true.
func (db *DB) Query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if !db.readOnly {
		return db.sql.QueryContext(ctx, query, args...)
	}
	tx, err := db.sql.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		tx.Rollback()
		return nil, err
	}
	db.mu.Lock()
	db.txs = append(db.txs, tx)
	db.mu.Unlock()
	return rows, nil
}

// IsReadOnlyError tells whether err is PostgreSQL refusing a write in a read-only transaction
// (SQLSTATE 25006).
func IsReadOnlyError(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "25006"
}

// inTx runs fn in a transaction, committed when fn returns nil.
func (db *DB) inTx(ctx context.Context, fn func(pgx.Tx) error) error {
	if db.readOnly {
		return errors.New("database opened read-only")
	}
	return pgx.BeginFunc(ctx, db.pool, fn)
}
