package main

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

// poolProbe records what reextractAll does with fake analyses: the order of the saves, and
// how many articles were in hand (taken and not saved) at most.
type poolProbe struct {
	mu             sync.Mutex
	inHand, most   int
	saved          []int64
	analyzed       map[int64]bool
	concurrentSave int
	badSave        bool
}

func (p *poolProbe) analyze(id int64) reanalysis {
	p.mu.Lock()
	p.inHand++
	p.most = max(p.most, p.inHand)
	p.analyzed[id] = true
	p.mu.Unlock()
	// Uneven times, as pages have: every seventh is slow, so later ones finish first.
	d := 50 * time.Microsecond
	if id%7 == 0 {
		d = 2 * time.Millisecond
	}
	time.Sleep(d)
	return reanalysis{ok: true}
}

func (p *poolProbe) done(id int64, _ outcome) {
	p.mu.Lock()
	p.concurrentSave++
	if p.concurrentSave > 1 {
		p.badSave = true
	}
	p.mu.Unlock()
	time.Sleep(10 * time.Microsecond)
	p.mu.Lock()
	p.concurrentSave--
	p.inHand--
	p.saved = append(p.saved, id)
	p.mu.Unlock()
}

func newPoolProbe() *poolProbe { return &poolProbe{analyzed: map[int64]bool{}} }

func probeIDs(n int) []int64 {
	ids := make([]int64, n)
	for i := range ids {
		ids[i] = int64(100 + i)
	}
	return ids
}

// TestReextractAllSavesInOrder: whatever order the workers finish in, the articles are saved
// one at a time in the order of ids, every one of them, with at most the window in hand.
func TestReextractAllSavesInOrder(t *testing.T) {
	for _, workers := range []int{1, 2, 4} {
		p := newPoolProbe()
		ids := probeIDs(300)
		if err := reextractAll(context.Background(), ids, workers, p.analyze, p.done); err != nil {
			t.Fatal(err)
		}
		if len(p.saved) != len(ids) {
			t.Fatalf("%d workers: %d saved of %d", workers, len(p.saved), len(ids))
		}
		for i, id := range p.saved {
			if id != ids[i] {
				t.Fatalf("%d workers: save %d was article %d, want %d", workers, i, id, ids[i])
			}
		}
		if p.badSave {
			t.Errorf("%d workers: two saves at once", workers)
		}
		if limit := inOrderWindow * workers; p.most > limit {
			t.Errorf("%d workers: %d articles in hand, more than %d", workers, p.most, limit)
		}
		if workers > 1 && p.most < 2 {
			t.Errorf("%d workers: never more than one article in hand: no parallelism", workers)
		}
	}
}

// TestReextractAllStopsAndSavesWhatItTook: once ctx is done no new article is taken, every
// article taken is still saved (in order, with none skipped before it), and ctx's error comes back.
func TestReextractAllStopsAndSavesWhatItTook(t *testing.T) {
	p := newPoolProbe()
	ids := probeIDs(2000)
	ctx, cancel := context.WithCancel(context.Background())
	done := func(id int64, o outcome) {
		p.done(id, o)
		if id == ids[50] {
			cancel()
		}
	}
	err := reextractAll(ctx, ids, 3, p.analyze, done)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if len(p.saved) != len(p.analyzed) {
		t.Errorf("%d analyzed, %d saved: an article taken was not saved", len(p.analyzed), len(p.saved))
	}
	if len(p.saved) >= len(ids) || len(p.saved) > 51+inOrderWindow*3 {
		t.Errorf("%d saved: went on after the cancel", len(p.saved))
	}
	for i, id := range p.saved {
		if id != ids[i] {
			t.Fatalf("save %d was article %d, want %d", i, id, ids[i])
		}
	}
}

// TestInOrderStopsAtDoneError: once done fails, no item is handed on after it, no new item is
// taken beyond the window, and done's error comes back (extract stops at a failed write).
func TestInOrderStopsAtDoneError(t *testing.T) {
	boom := errors.New("boom")
	var mu sync.Mutex
	var taken, handed []int
	err := inOrder(context.Background(), 1000, 3, func(i int) int {
		mu.Lock()
		taken = append(taken, i)
		mu.Unlock()
		time.Sleep(time.Duration(i%5) * 100 * time.Microsecond)
		return i
	}, func(i, r int) error {
		if i != r {
			t.Errorf("item %d got %d's result", i, r)
		}
		handed = append(handed, i)
		if i == 20 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want done's error", err)
	}
	if len(handed) != 21 || handed[20] != 20 {
		t.Errorf("handed %v, want 0..20", handed)
	}
	if len(taken) > 21+inOrderWindow*3 {
		t.Errorf("%d taken: went on after done's error", len(taken))
	}
}
