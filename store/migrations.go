package store

import (
	"context"
	"embed"
	"fmt"
)

// migrations are the schema's versions in order: migrations[i] takes the database from
// PRAGMA user_version i to i+1. Append only; never edit one that has shipped.
var migrations = []string{
	"migrations/001_initial.sql",
	"migrations/002_crawlstate.sql",
	"migrations/003_published_hint.sql",
	"migrations/004_serve.sql",
	"migrations/005_watches.sql",
	"migrations/006_stories.sql",
	"migrations/007_story_sources.sql",
	"migrations/008_page_dicts.sql",
}

//go:embed migrations/*.sql
var migrationFiles embed.FS

// SchemaVersion is the user_version a fully migrated database has.
func SchemaVersion() int { return len(migrations) }

// migrate applies the migrations the database lacks, each in its own transaction with its
// user_version bump, so a crash leaves the database at a version it really has. The version is
// read inside the (immediate) transaction so two processes opening a new file do not both migrate.
func (db *DB) migrate(ctx context.Context) error {
	for {
		done, err := db.migrateOne(ctx)
		if err != nil || done {
			return err
		}
	}
}

func (db *DB) migrateOne(ctx context.Context) (done bool, err error) {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()
	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return false, fmt.Errorf("migrate: read user_version: %w", err)
	}
	if v > len(migrations) {
		return false, fmt.Errorf("schema version %d is newer than this armswatch knows (%d): upgrade armswatch", v, len(migrations))
	}
	if v == len(migrations) {
		return true, nil
	}
	src, err := migrationFiles.ReadFile(migrations[v])
	if err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	if _, err := tx.ExecContext(ctx, string(src)); err != nil {
		return false, fmt.Errorf("migrate to version %d (%s): %w", v+1, migrations[v], err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
		return false, fmt.Errorf("migrate: set user_version: %w", err)
	}
	return false, tx.Commit()
}

// checkVersion refuses a database that is not an armswatch database at the current schema
// (read-only connections cannot migrate it).
func (db *DB) checkVersion(ctx context.Context) error {
	var v int
	if err := db.sql.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	switch {
	case v == 0:
		return fmt.Errorf("not an armswatch database (schema version 0)")
	case v > len(migrations):
		return fmt.Errorf("schema version %d is newer than this armswatch knows (%d): upgrade armswatch", v, len(migrations))
	case v < len(migrations):
		return fmt.Errorf("schema version %d is older than this armswatch's (%d): run any writing command (armswatch crawl or reextract) to migrate it", v, len(migrations))
	}
	return nil
}
