package main

import (
	"context"
	"fmt"
	"time"

	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/pgstore"
)

// runMigrate copies a SQLite database into PostgreSQL, completely and resumably: a run killed
// midway goes on from its last batch when started again.
func runMigrate(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "migrate", "--to postgres://USER@HOST/DB")
	to := fs.String("to", "", "the PostgreSQL database to copy into (postgres://user@host/db); created tables if new")
	db := dbFlag(fs)
	configPath := fs.String("config", "", "config file, for its database (the SQLite file copied)")
	batch := fs.Int("batch", 500, "rows per transaction")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError("migrate: unexpected argument %q", rest[0])
	}
	if !pgstore.IsURL(*to) {
		return usageError("migrate: --to must be a PostgreSQL URL (postgres://user@host/db), not %q", *to)
	}
	if *batch <= 0 {
		return usageError("migrate: --batch must be positive")
	}
	path, err := dbPath(*db, *configPath)
	if err != nil {
		return err
	}
	if pgstore.IsURL(path) {
		return usageError("migrate: the database to copy is %s: give the SQLite file with --db FILE", pgstore.Redact(path))
	}
	return migrateInto(ctx, e, path, *to, *batch)
}

// migrateInto holds both databases' crawl locks, so that no crawl writes to either while rows
// are copied.
func migrateInto(ctx context.Context, e *env, path, to string, batch int) error {
	lock, err := lockDB(ctx, path)
	if err != nil {
		return err
	}
	defer lock.Unlock()
	src, err := store.OpenReadOnly(path)
	if err != nil {
		return usageError("migrate: %v", err)
	}
	defer src.Close()
	pgLock, err := lockDB(ctx, to)
	if err != nil {
		return err
	}
	defer pgLock.Unlock()
	dst, err := pgstore.Open(ctx, to)
	if err != nil {
		return err
	}
	defer dst.Close()
	start := time.Now()
	var tables int
	var rows, copied int64
	err = dst.CopyFromSQLite(ctx, src, batch, func(tc pgstore.TableCopy) {
		tables++
		rows += tc.Rows
		copied += tc.Copied
		fmt.Fprintf(e.stdout, "%-22s %9d rows (%d copied by this run)\n", tc.Table, tc.Rows, tc.Copied)
	})
	if err != nil {
		return fmt.Errorf("migrate: %w (run the same command again to go on)", err)
	}
	fmt.Fprintf(e.stdout, "migrated %s into %s: %d rows in %d tables, %d copied by this run, in %s\n",
		path, pgstore.Redact(to), rows, tables, copied, time.Since(start).Round(time.Millisecond))
	return nil
}
