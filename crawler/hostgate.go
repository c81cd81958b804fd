package crawler

import (
	"context"
	"time"
)

// HostGate spaces the requests to each host: the per-host delay (Options.Delay or robots.txt's
// Crawl-delay, the larger) between any two requests, and Retry-After pauses. Options.Hosts nil
// keeps both in the run's own process (colly's limit rules and a map), which is all one
// armswatch crawl needs; workers on several machines share one kept in the database, so that
// politeness holds across processes and not just within each. Implementations must be safe
// for concurrent use.
type HostGate interface {
	// Take waits until a request to host may be sent, at least interval after the last one
	// any sharer of the gate took, and reserves that moment for the caller.
	Take(ctx context.Context, host string, interval time.Duration) error
	// Pause keeps every sharer from sending host anything for d (the server's Retry-After).
	Pause(ctx context.Context, host string, d time.Duration) error
}
