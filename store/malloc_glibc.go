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

// armswatch_free_bytes is what glibc's arenas hold free (mallinfo2's fordblks, glibc 2.33 and
// later), or -1 when it cannot tell: the caller then trims anyway.
static long long armswatch_free_bytes(void) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
	struct mallinfo2 mi = mallinfo2();
	return (long long)mi.fordblks;
#else
	return -1;
#endif
}
*/
import "C"

import (
	"sync"
	"time"
)

func init() { C.armswatch_limit_malloc_arenas() }

// trimEvery is how often the free C memory is looked at while a writable database is open,
// and trimSlack how much of it may stay resident: a trim then hands back all of it.
//
// Trimming twice a second whatever the heap held cost a 1,000-page loopback crawl 2.3-2.8 s of
// its 6.8-7.3 s of system time (41,311 madvise calls, each a TLB shootdown on every core, and
// SQLite faulting the same pages in again right after), against the few MB it keeps down. A
// look at the free total (mallinfo2) walks the arenas' bins without a system call; the heap is
// trimmed only when the free memory it holds has grown past the slack.
const (
	trimEvery = time.Second
	trimSlack = 4 << 20
)

var trimming sync.Once

// releaseFreedMemory starts, once per process, the trims that keep the C heap's resident size
// near what SQLite holds rather than at the most it ever held. Over a 4,000-page crawl the heap
// glibc kept grew from 15 MB (1,000 pages) to 21.5 MB while SQLite used 4 to 5 MB of it; with
// the trims, 4,000-page crawls of the soak site peaked at 71.5 and 71.7 MB RSS against 75.4
// and 75.5 without.
func releaseFreedMemory() {
	trimming.Do(func() {
		go func() {
			for range time.Tick(trimEvery) {
				if shouldTrim(freeCBytes()) {
					C.armswatch_release_free_memory()
				}
			}
		}()
	})
}

// freeCBytes is the free memory glibc's arenas hold, -1 when glibc cannot tell.
func freeCBytes() int64 { return int64(C.armswatch_free_bytes()) }

// shouldTrim says whether a heap holding free bytes of free memory (-1: unknown) is worth a trim.
func shouldTrim(free int64) bool { return free < 0 || free > trimSlack }
