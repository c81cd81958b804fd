//go:build !(linux && cgo)

package store

// releaseFreedMemory has nothing to do without glibc's malloc (see malloc_glibc.go).
func releaseFreedMemory() {}
