package pgstore

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// migrationFiles are the schema's versions in order, NNN_name.sql: file i takes the schema from
// version i to i+1, as SQLite's store/migrations do (the numbers match: version 6 here has the
// tables of SQLite's user_version 6). Append only; never edit one that has shipped.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

func migrations() []string {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		panic(err) // a constant pattern: a build defect
	}
	sort.Strings(names)
	return names
}

// SchemaVersion is the version a fully migrated database has.
func SchemaVersion() int { return len(migrations()) }

// versionTable holds the schema version (SQLite keeps it in PRAGMA user_version).
const versionTable = `CREATE TABLE IF NOT EXISTS armswatch_schema (
    one     boolean PRIMARY KEY DEFAULT true CHECK (one),
    version integer NOT NULL)`

// migrate applies the migrations the database lacks, each in its own transaction with its
// version bump. A transaction-scoped advisory lock serializes processes that open a new
// database at once (the second waits and then finds the work done).
func (db *DB) migrate(ctx context.Context) error {
	for {
		done, err := db.migrateOne(ctx)
		if err != nil || done {
			return err
		}
	}
}

func (db *DB) migrateOne(ctx context.Context) (done bool, err error) {
	all := migrations()
	err = db.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('armswatch migrate ' || current_schema()))`); err != nil {
			return fmt.Errorf("migrate: lock: %w", err)
		}
		if _, err := tx.Exec(ctx, versionTable); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		v, err := version(ctx, tx)
		if err != nil {
			return err
		}
		if v > len(all) {
			return fmt.Errorf("schema version %d is newer than this armswatch knows (%d): upgrade armswatch", v, len(all))
		}
		if v == len(all) {
			done = true
			return nil
		}
		src, err := migrationFiles.ReadFile(all[v])
		if err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		if _, err := tx.Exec(ctx, string(src)); err != nil {
			return fmt.Errorf("migrate to version %d (%s): %w", v+1, all[v], err)
		}
		_, err = tx.Exec(ctx, `INSERT INTO armswatch_schema (version) VALUES ($1)
			ON CONFLICT (one) DO UPDATE SET version = excluded.version`, v+1)
		return err
	})
	return done, err
}

type querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

func version(ctx context.Context, q querier) (int, error) {
	var v int
	err := q.QueryRow(ctx, `SELECT version FROM armswatch_schema`).Scan(&v)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}

// checkVersion refuses a database that is not an armswatch database at the current schema.
func (db *DB) checkVersion(ctx context.Context) error {
	v, err := version(ctx, db.pool)
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "42P01" { // undefined_table
		v, err = 0, nil
	}
	if err != nil {
		return err
	}
	n := SchemaVersion()
	switch {
	case v == 0:
		return fmt.Errorf("not an armswatch database (no schema version): run armswatch crawl or migrate --to first")
	case v > n:
		return fmt.Errorf("schema version %d is newer than this armswatch knows (%d): upgrade armswatch", v, n)
	case v < n:
		return fmt.Errorf("schema version %d is older than this armswatch's (%d): run any writing command (armswatch crawl or reextract) to migrate it", v, n)
	}
	return nil
}
