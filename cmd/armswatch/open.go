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

// open opens the database a command names: a postgres:// or postgresql:// URL is a PostgreSQL
// database (created and migrated by a writing command), anything else a SQLite file. readOnly
// is for the reading commands: SQLite opens the file read-only, PostgreSQL runs every
// transaction READ ONLY.
func open(ctx context.Context, database string, readOnly bool) (store.Store, error) {
	switch {
	case pgstore.IsURL(database) && readOnly:
		return pgstore.OpenReadOnly(ctx, database)
	case pgstore.IsURL(database):
		return pgstore.Open(ctx, database)
	case readOnly:
		db, err := store.OpenReadOnly(database)
		if err != nil && errors.Is(err, store.ErrNoDatabase) {
			return nil, usageError("%v", err)
		}
		return db, err
	}
	return store.Open(database)
}

// sqliteOnly stops a command that does not work on PostgreSQL yet, with a message naming it.
func sqliteOnly(command, database string) error {
	if pgstore.IsURL(database) {
		return usageError("%s: not available on PostgreSQL yet (%s); it works on a SQLite database (--db FILE)",
			command, pgstore.Redact(database))
	}
	return nil
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
