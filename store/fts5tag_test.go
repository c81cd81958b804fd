//go:build sqlite_fts5 || fts5

package store_test

// builtWithFTS5: this test binary was built with the tag that compiles FTS5 into SQLite, so
// search must work (and its tests must not skip).
const builtWithFTS5 = true
