package pgstore_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/armswatch/armswatch/store/pgstore"

	"github.com/jackc/pgx/v5"
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
					release, err := g.Take(ctx, "news.example:443", interval, time.Minute)
					if err != nil {
						t.Error(err)
						return
					}
					release()
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
	if _, err := gates[0].Take(ctx, "other.example", time.Hour, time.Hour); err != nil {
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
	release, err := gates[1].Take(ctx, "news.example:443", 0, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	release()
	if d := time.Since(paused); d < 300*time.Millisecond {
		t.Fatalf("a take after a 400 ms pause waited %s", d)
	}

	cctx, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if err := gates[0].Pause(ctx, "news.example:443", time.Hour); err != nil {
		t.Fatal(err)
	}
	if _, err := gates[0].Take(cctx, "news.example:443", 0, time.Minute); err == nil {
		t.Fatal("a take during an hour's pause returned without waiting")
	}
}

// TestHostGateHoldsUntilTheAnswer: while one worker holds a host (its request in flight) no
// other may take it, however long the answer takes; the delay runs from the release; and a
// hold whose holder died (never released) runs out.
func TestHostGateHoldsUntilTheAnswer(t *testing.T) {
	ctx := context.Background()
	db, u := openTemp(t)
	// A table from before held_until, as an older armswatch made it: Hosts adds the column.
	conn, err := pgx.Connect(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `CREATE TABLE armswatch_hosts (host text PRIMARY KEY, next_fetch_at timestamptz NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	g, err := db.Hosts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Another process's gate: its takers do not queue on this one's local lock.
	g2, err := db.Hosts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	const interval, answer = 50 * time.Millisecond, 300 * time.Millisecond
	release, err := g.Take(ctx, "slow.example", interval, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		time.Sleep(answer)
		release()
	}()
	start := time.Now()
	release2, err := g2.Take(ctx, "slow.example", interval, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	release2()
	// Lower bounds: the second take came after the first's release and its delay.
	if d := time.Since(start); d < answer+interval {
		t.Fatalf("a take %s after another whose answer took %s and delay is %s", d, answer, interval)
	}

	// A taker of this process waiting behind a local one whose context ends gives up, and the
	// host is free for the next once the holder releases it.
	hold, err := g.Take(ctx, "local.example", 0, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	wctx, wcancel := context.WithTimeout(ctx, 100*time.Millisecond)
	if _, err := g.Take(wctx, "local.example", 0, time.Minute); err == nil {
		t.Fatal("a take of a held host returned before its context ended")
	}
	wcancel()
	hold()
	next, err := g.Take(ctx, "local.example", 0, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	next()

	// A dead holder's hold of 200 ms runs out; its late release does not free the next hold.
	dead, err := g.Take(ctx, "dead.example", 0, 200*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	if _, err := g2.Take(ctx, "dead.example", 0, time.Hour); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 150*time.Millisecond {
		t.Fatalf("a held host taken after %s, before its 200 ms hold ran out", d)
	}
	dead()
	g3, err := db.Hosts(ctx) // a third process (g2's own takers wait for its local lock)
	if err != nil {
		t.Fatal(err)
	}
	cctx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	if _, err := g3.Take(cctx, "dead.example", 0, time.Hour); err == nil {
		t.Fatal("a stale release freed the hold of the worker after it")
	}
}

// TestHostGateNextIn: the time until a host's next slot, as a job deciding whether to wait for
// it sees it.
func TestHostGateNextIn(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	g, err := db.Hosts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if d, err := g.NextIn(ctx, "new.example"); err != nil || d != 0 {
		t.Fatalf("an unknown host: %s, %v; want 0", d, err)
	}
	if err := g.Pause(ctx, "busy.example", time.Hour); err != nil {
		t.Fatal(err)
	}
	if d, err := g.NextIn(ctx, "busy.example"); err != nil || d < 59*time.Minute || d > time.Hour {
		t.Fatalf("a host paused for an hour: %s, %v", d, err)
	}
}
