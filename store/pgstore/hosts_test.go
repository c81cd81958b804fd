package pgstore_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/armswatch/armswatch/store/pgstore"
)

// TestHostGateSharedAcrossConnections: takes of one host from two databases opened apart (as
// two workers do) are spaced by the interval between them all; a pause holds every taker.
func TestHostGateSharedAcrossConnections(t *testing.T) {
	ctx := context.Background()
	_, u := openTemp(t)
	var gates []pgstore.HostGate
	for range 2 {
		db, err := pgstore.Open(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		g, err := db.Hosts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		gates = append(gates, g)
	}
	const interval, perGate = 50 * time.Millisecond, 6
	start := time.Now()
	var wg sync.WaitGroup
	for _, g := range gates {
		for range 2 { // two takers per database too (a worker's parallel fetches)
			wg.Go(func() {
				for range perGate / 2 {
					if err := g.Take(ctx, "news.example:443", interval); err != nil {
						t.Error(err)
					}
				}
			})
		}
	}
	wg.Wait()
	// 12 takes, the first at once and each later one at least 50 ms after the one before: a
	// lower bound, so a loaded machine cannot make it fail.
	if took := time.Since(start); took < 11*interval {
		t.Fatalf("12 takes 50 ms apart done in %s, want at least %s", took, 11*interval)
	}
	// Another host is not held by this one.
	other := time.Now()
	if err := gates[0].Take(ctx, "other.example", time.Hour); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(other); d > 10*time.Second {
		t.Fatalf("a new host waited %s", d)
	}

	if err := gates[0].Pause(ctx, "news.example:443", 400*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	// A shorter pause never shortens a longer one.
	if err := gates[1].Pause(ctx, "news.example:443", time.Millisecond); err != nil {
		t.Fatal(err)
	}
	paused := time.Now()
	if err := gates[1].Take(ctx, "news.example:443", 0); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(paused); d < 300*time.Millisecond {
		t.Fatalf("a take after a 400 ms pause waited %s", d)
	}

	cctx, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if err := gates[0].Pause(ctx, "news.example:443", time.Hour); err != nil {
		t.Fatal(err)
	}
	if err := gates[0].Take(cctx, "news.example:443", 0); err == nil {
		t.Fatal("a take during an hour's pause returned without waiting")
	}
}
