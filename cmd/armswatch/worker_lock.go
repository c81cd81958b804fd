package main

import (
	"context"
	"sync"
	"time"

	"github.com/armswatch/armswatch/store/pgstore"
)

// lockLinger is how long a worker keeps its share of the crawl lock after its last crawl job
// ended, so that a busy worker does not connect again for every article job.
const lockLinger = 2 * time.Second

// crawlLock is a worker's share of the database's crawl lock (pgstore.LockShared), held while
// any of its crawl jobs (a source's crawl, a discovery, an article) runs: any number of workers
// crawl at once, but an armswatch crawl or reextract, which take the lock alone, is refused
// (exit 3) while one of them runs, and their jobs wait while one of those runs. One connection
// holds it for all the worker's jobs, rather than one per article job.
type crawlLock struct {
	database string
	linger   time.Duration

	mu    sync.Mutex
	jobs  int           // jobs holding it
	held  *pgstore.Lock // nil when not held
	timer *time.Timer   // releases it linger after the last job
}

// acquire takes the lock for one job; the error is a *store.LockedError when an armswatch
// crawl or reextract holds it alone.
func (c *crawlLock) acquire(ctx context.Context) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.timer != nil {
		c.timer.Stop()
		c.timer = nil
	}
	if c.held == nil {
		l, err := pgstore.LockShared(ctx, c.database)
		if err != nil {
			return err
		}
		c.held = l
	}
	c.jobs++
	return nil
}

// release ends one job's hold; the lock itself is released linger after the last.
func (c *crawlLock) release() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.jobs--
	if c.jobs == 0 {
		c.timer = time.AfterFunc(c.linger, c.idle)
	}
}

// idle releases the lock if no job took it again since the timer was set.
func (c *crawlLock) idle() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.jobs == 0 && c.held != nil {
		c.held.Unlock()
		c.held = nil
	}
}

// close releases the lock when the worker stops.
func (c *crawlLock) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.timer != nil {
		c.timer.Stop()
	}
	if c.held != nil {
		c.held.Unlock()
		c.held = nil
	}
}
