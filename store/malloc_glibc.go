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

// Even in two arenas, glibc hands back to the system only the free memory at the top of a
// heap; what SQLite frees below a page still in use (page-cache pages, statement and
// temporary b-tree buffers) stays resident. malloc_trim(0) releases the free pages anywhere.
static void armswatch_release_free_memory(void) {
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}
*/
import "C"

import (
	"sync"
	"time"
)

func init() { C.armswatch_limit_malloc_arenas() }

// trimEvery is how often freed C memory is handed back while a writable database is open.
// The creep it stops is slow (a few MB over thousands of pages), while each trim is dear: it
// madvises every free page of both arenas (a TLB shootdown on every core each time), most of
// which SQLite faults in again right after. Trimming twice a second cost a 1,000-page loopback
// crawl 2.3-2.8 s of its 6.8-7.3 s of system time (41,311 madvise calls); with a trim every
// 10 s (and after mallinfo2 showed glibc's free total above 4 MiB at nearly every second, so
// that a threshold on it would not thin them out) the calls are a twentieth.
const trimEvery = 10 * time.Second

var trimming sync.Once

// releaseFreedMemory starts, once per process, the trims that keep the C heap's resident size
// at what SQLite holds rather than at the most it ever held. Over a 4,000-page crawl the heap
// glibc kept grew from 15 MB (1,000 pages) to 21.5 MB while SQLite used 4 to 5 MB of it; with
// the trims, 4,000-page crawls of the soak site peaked at 71.5 and 71.7 MB RSS against 75.4
// and 75.5 without.
func releaseFreedMemory() {
	trimming.Do(func() {
		go func() {
			for range time.Tick(trimEvery) {
				C.armswatch_release_free_memory()
			}
		}()
	})
}
