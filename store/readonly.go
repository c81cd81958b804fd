package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/mattn/go-sqlite3"
)

// readOnlyDriver is go-sqlite3 with two more locks for connections that run users' SQL: mode=ro
// and query_only stop writes to the database, but ATTACH and VACUUM INTO could still create
// other files, and "PRAGMA query_only = 0" could lift the pragma. The authorizer refuses those.
//
// Its connections also read the file through mmap (up to SQLite's 2 GB cap): serve's pages and
// searches look up tens of thousands of rows by id, and reading each page with a read() into
// SQLite's small page cache cost as much system time as the query's own work (the statements
// half of a filtered search for a common word on a million statements: 90 ms user and 88 ms
// system time with read(), 70 ms and nothing with mmap). The mapped pages are the OS's file cache,
// shared and reclaimable, not the process's heap. Writers keep read(): armswatch never shrinks
// the file (no VACUUM), so a mapped reader cannot fault on a truncated page.
const readOnlyDriver = "sqlite3_armswatch_ro"

// readOnlyMmap is the most SQLite maps on Linux (SQLITE_MAX_MMAP_SIZE); it caps larger values.
const readOnlyMmap = 2147418112

func init() {
	sql.Register(readOnlyDriver, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		c.SetLimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0) // also stops VACUUM INTO, which attaches its target
		if _, err := c.Exec(fmt.Sprintf("PRAGMA mmap_size = %d", readOnlyMmap), nil); err != nil {
			return fmt.Errorf("read-only connection: mmap: %w", err)
		}
		c.RegisterAuthorizer(authorizeReadOnly)
		return nil
	}})
}

func authorizeReadOnly(op int, arg1, arg2, _ string) int {
	switch op {
	case sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH:
		return sqlite3.SQLITE_DENY
	case sqlite3.SQLITE_PRAGMA:
		if arg2 != "" && (strings.EqualFold(arg1, "query_only") || strings.EqualFold(arg1, "writable_schema")) {
			return sqlite3.SQLITE_DENY
		}
	}
	return sqlite3.SQLITE_OK
}

// IsReadOnlyError tells whether err is SQLite refusing a write, or a statement that could write
// (ATTACH, VACUUM INTO), on a read-only connection.
func IsReadOnlyError(err error) bool {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return false
	}
	switch se.Code {
	case sqlite3.ErrReadonly, sqlite3.ErrAuth:
		return true
	}
	return strings.Contains(se.Error(), "too many attached databases")
}
