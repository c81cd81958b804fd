package main

import (
	"context"
	"sync"
)

// inOrder runs work(0) ... work(n-1) on workers goroutines (analysis is CPU work: one per core)
// and hands each result to done in the order of i, one at a time. At most inOrderWindow*workers
// items are in hand (taken and not handed to done). Once ctx is done, or done returned an
// error, it takes no new item; the items in hand are finished, and done gets them unless it
// returned an error. It returns done's error, else ctx's.
//
// There is no goroutine of done's own: the worker that finishes the next item in order hands
// it (and any after it already finished) to done, then goes back to work. reextract's done
// saves through SQLite: a writer goroutine of its own made one goroutine more than procs, so
// that its cgo calls handed procs back and forth between threads; and a window of 2*workers
// left a proc idle behind each slow page (page times run from 20 ms to half a second).
func inOrder[T any](ctx context.Context, n, workers int, work func(int) T, done func(int, T) error) error {
	workers = max(1, min(workers, n))
	p := &inOrderPipe[T]{n: n, window: inOrderWindow * workers, work: work, done: done, ready: make(map[int]T)}
	p.moved = sync.NewCond(&p.mu)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.run(ctx)
		}()
	}
	wg.Wait()
	if p.err != nil {
		return p.err
	}
	return ctx.Err()
}

// inOrderWindow is how many items per worker may be in hand: finished, or in work, and not
// handed on. Eight keep a worker busy behind the slowest pages of the bench's 1,000 (by their
// times, a window of 4 for two workers lost 3.5% of the wall time, of 16 none), while the
// pages in hand stay a few MB.
const inOrderWindow = 8

// inOrderPipe is inOrder's shared state, under mu.
type inOrderPipe[T any] struct {
	n      int
	window int
	work   func(int) T
	done   func(int, T) error

	mu      sync.Mutex
	moved   *sync.Cond // handed moved on: a worker waiting on the window may take more
	next    int        // the next item to take
	handed  int        // the next item to hand to done
	ready   map[int]T  // finished and not handed on
	handing bool       // a worker is in done: the others leave it their results
	err     error      // done's error: take nothing more, hand nothing more
}

// run takes items in order, works on them and hands on what is ready, until there is no item
// left, ctx is done or done failed.
func (p *inOrderPipe[T]) run(ctx context.Context) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for {
		for p.next < p.n && p.next >= p.handed+p.window && p.err == nil && ctx.Err() == nil {
			p.moved.Wait()
		}
		if p.next >= p.n || p.err != nil || ctx.Err() != nil {
			return
		}
		i := p.next
		p.next++
		p.mu.Unlock()
		r := p.work(i)
		p.mu.Lock()
		p.ready[i] = r
		p.handReady()
	}
}

// handReady hands on the results ready in order from handed on, unless another worker is at it
// (it finds this one's result when its call of done returns). Called with mu held.
func (p *inOrderPipe[T]) handReady() {
	if p.handing {
		return
	}
	p.handing = true
	defer func() { p.handing = false }()
	for p.err == nil {
		r, ok := p.ready[p.handed]
		if !ok {
			return
		}
		delete(p.ready, p.handed)
		i := p.handed
		p.mu.Unlock()
		err := p.done(i, r)
		p.mu.Lock()
		p.handed++
		p.err = err
		p.moved.Broadcast()
	}
}
