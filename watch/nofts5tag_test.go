//go:build !sqlite_fts5

package watch

const builtWithFTS5 = false
