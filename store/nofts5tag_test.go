//go:build !sqlite_fts5 && !fts5

package store_test

const builtWithFTS5 = false
