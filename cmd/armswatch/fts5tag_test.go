//go:build sqlite_fts5 || fts5

package main

// builtWithFTS5: built with the tag that compiles FTS5 in, so search tests must run.
const builtWithFTS5 = true
