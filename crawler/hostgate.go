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
//
// The gate is strict: one request to a host at a time among all its sharers, and the delay
// counted from the answer, not from the sending. Spacing the sendings alone lets a slow answer
// and a quick one arrive at the server closer than the delay.
type HostGate interface {
	// Take waits until no sharer holds host and interval has passed since its last answer,
	// then holds host for the caller until release is called (when the answer is in) or, should
	// the caller die first, for at most hold.
	Take(ctx context.Context, host string, interval, hold time.Duration) (release func(), err error)
	// Pause keeps every sharer from sending host anything for d (the server's Retry-After).
	Pause(ctx context.Context, host string, d time.Duration) error
}
