package store

import "database/sql"

// SQLForTest exposes the handle to tests that need raw writes (cascade checks).
func (db *DB) SQLForTest() *sql.DB { return db.sql }
