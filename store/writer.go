package store

import (
	"database/sql"
	"fmt"

	"github.com/mattn/go-sqlite3"
)

// writeDriver is go-sqlite3 for writable databases, with temp_store = MEMORY on every
// connection (go-sqlite3's DSN has no parameter for it). Saving an article runs statements that
// change many rows (its analysis rows replaced, the full-text triggers), each with a statement
// journal; past 64 KiB SQLite spilled that journal to a deleted file in /var/tmp, one file per
// article and a pwrite per page: over a 300-page loopback crawl 297 such files and 34,124 of the
// 137,009 reads and writes the process made. In memory the journal costs no system call; it
// lives only for the statement.
const writeDriver = "sqlite3_armswatch_rw"

func init() {
	sql.Register(writeDriver, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		if _, err := c.Exec("PRAGMA temp_store = MEMORY", nil); err != nil {
			return fmt.Errorf("writable connection: temp_store: %w", err)
		}
		return nil
	}})
}

// writeIdleConns is how many idle connections a writable database keeps. database/sql keeps 2
// by default, but a crawl's fetchers read (HasArticle, DuplicateOf) while one of them saves:
// the third and fourth connections were closed as soon as they went idle and opened again on
// the next page (39 opens over a 300-page crawl), each with a cold page cache whose pages it read
// again from the WAL and statements it prepared again.
const writeIdleConns = 6
