package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/pgstore"
)

// databaseEnv overrides the config's database key (a --db flag overrides both): how a
// container or a systemd unit points armswatch at PostgreSQL without a config edit.
const databaseEnv = "ARMSWATCH_DATABASE"

// openRead opens the database a reading command names: a postgres:// or postgresql:// URL is a
// PostgreSQL database whose every transaction is READ ONLY, anything else a SQLite file opened
// read-only.
func openRead(ctx context.Context, database string) (store.Store, error) {
	if pgstore.IsURL(database) {
		return pgstore.OpenReadOnly(ctx, database)
	}
	db, err := store.OpenReadOnly(database)
	if err != nil && errors.Is(err, store.ErrNoDatabase) {
		return nil, usageError("%v", err)
	}
	return db, err
}

// openWrite opens, creating and migrating it if needed, the database a writing command names:
// PostgreSQL for a URL, else a SQLite file (whose one-time upgrade work shows progress: openStore).
// On PostgreSQL it first groups the articles stored without a story (by a version that did not
// make stories there), once.
func openWrite(ctx context.Context, e *env, database string) (store.Store, error) {
	if pgstore.IsURL(database) {
		db, err := pgstore.Open(ctx, database)
		if err != nil {
			return nil, err
		}
		if _, err := db.GroupStored(ctx, groupingProgress(e, "as stories are now made on PostgreSQL")); err != nil {
			db.Close()
			return nil, err
		}
		return db, nil
	}
	return openStore(ctx, e, database)
}

// databaseName names a database in messages: a SQLite file's path, a PostgreSQL URL without
// its password.
func databaseName(database string) string {
	if pgstore.IsURL(database) {
		return pgstore.Redact(database)
	}
	return database
}

// isReadOnlyError tells a write refused by a read-only database, SQLite's or PostgreSQL's.
func isReadOnlyError(err error) bool {
	return store.IsReadOnlyError(err) || pgstore.IsReadOnlyError(err)
}

// unlocker is a held crawl lock.
type unlocker interface{ Unlock() error }

// lockDB takes the database's run lock (a lock file beside a SQLite file, an advisory lock on
// PostgreSQL); another run holding it is exit status 3.
func lockDB(ctx context.Context, database string) (unlocker, error) {
	var lock unlocker
	var err error
	if pgstore.IsURL(database) {
		lock, err = pgstore.LockDB(ctx, database)
	} else {
		lock, err = store.LockDB(database)
	}
	if err != nil {
		var le *store.LockedError
		if errors.As(err, &le) {
			return nil, &exitError{code: exitLocked, err: err}
		}
		return nil, err
	}
	return lock, nil
}

// databaseExists is false for a SQLite file that does not exist (reextract refuses to create
// one); a PostgreSQL URL is checked when it is opened.
func databaseExists(database string) error {
	if pgstore.IsURL(database) {
		return nil
	}
	_, err := os.Stat(database)
	if err != nil {
		return fmt.Errorf("%s: no such database", database)
	}
	return nil
}
