package serve

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// aggregates caches the answers that read a whole speaker's or treaty's rows (timelines, top
// speakers, the treaty list): a few hundred milliseconds each on millions of statements, and
// the same until a crawl stores something. Entries belong to the database's generation (its
// newest row ids, store.DB.Generation) and are dropped when it moves, or after maxAge in any
// case (a deletion does not move it).
type aggregates struct {
	mu      sync.Mutex
	gen     string
	born    time.Time
	entries map[string]any
}

const (
	cacheMaxAge     = 10 * time.Minute
	cacheMaxEntries = 1000
)

// cached returns the cached answer for key in the database's current generation, computing
// and keeping it when absent. With s.opt.NoCache it always computes.
func cached[T any](ctx context.Context, s *Server, key string, compute func() (T, error)) (T, error) {
	if s.opt.NoCache {
		return compute()
	}
	gen, err := s.db.Generation(ctx)
	if err != nil {
		var zero T
		return zero, err
	}
	c := &s.cache
	c.mu.Lock()
	if c.gen != gen || time.Since(c.born) > cacheMaxAge || len(c.entries) >= cacheMaxEntries {
		c.gen, c.born, c.entries = gen, time.Now(), map[string]any{}
	}
	v, ok := c.entries[key]
	c.mu.Unlock()
	if ok {
		return v.(T), nil
	}
	out, err := compute()
	if err != nil {
		return out, err
	}
	c.mu.Lock()
	if c.gen == gen {
		c.entries[key] = out
	}
	c.mu.Unlock()
	return out, nil
}

// cacheKey builds a key from a query's name and arguments.
func cacheKey(name string, args ...any) string { return fmt.Sprintf("%s%q", name, args) }
