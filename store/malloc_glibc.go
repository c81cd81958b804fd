//go:build linux && cgo

package store

/*
#include <malloc.h>

// glibc gives every thread that calls malloc its own arena, up to 8 per core, and each keeps
// the memory it freed. SQLite is called from whichever Go threads run the queries, so a long
// crawl's C memory crept up as more threads touched more arenas (3 MB to 8 MB over a
// 5,000-page crawl, against 1 to 2 MB in one arena). Two arenas keep it flat; SQLite's calls
// are serialized by its own locks anyway, so they hardly contend. musl has no arenas (and no
// M_ARENA_MAX): nothing to do there.
static void armswatch_limit_malloc_arenas(void) {
#ifdef M_ARENA_MAX
	mallopt(M_ARENA_MAX, 2);
#endif
}
*/
import "C"

func init() { C.armswatch_limit_malloc_arenas() }
