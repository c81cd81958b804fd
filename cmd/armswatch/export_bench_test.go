package main

import (
	"bytes"
	"context"
	"io"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/armswatch/armswatch/store/storetest"
)

// BenchmarkExport1M exports the statements of the generated database (a million rows, or about
// 14,000 with --until a week in) to a discarded stream and reports the peak heap, sampled
// every millisecond: the two sizes should show the same peak, since export streams.
//
//	ARMSWATCH_BENCH_DB=/tmp/bench.db go test -tags sqlite_fts5 -run '^$' -bench Export1M -benchtime 1x ./cmd/armswatch
func BenchmarkExport1M(b *testing.B) {
	path, err := storetest.BenchDB(context.Background(), b.TempDir(), 1_000_000)
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		args []string
	}{
		{"rows=14k", []string{"--until", "2024-01-08"}},
		{"rows=1M", nil},
	} {
		b.Run(c.name, func(b *testing.B) {
			var rows int
			var peak uint64
			cpu := storetest.CPUTime()
			for b.Loop() {
				var out countingWriter
				runtime.GC()
				stop := sampleHeap(&peak)
				e := &env{stdin: bytes.NewReader(nil), stdout: &out, stderr: io.Discard}
				if code := run(context.Background(), e, append([]string{"export", "statements", "--db", path}, c.args...)); code != 0 {
					b.Fatalf("exit %d", code)
				}
				stop()
				rows = out.lines - 1
			}
			b.ReportMetric(float64(rows), "rows")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64((storetest.CPUTime()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
		})
	}
}

// sampleHeap records the largest HeapInuse until the returned stop is called.
func sampleHeap(peak *uint64) (stop func()) {
	var done atomic.Bool
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m runtime.MemStats
		for !done.Load() {
			runtime.ReadMemStats(&m)
			*peak = max(*peak, m.HeapInuse)
			time.Sleep(time.Millisecond)
		}
	}()
	return func() { done.Store(true); wg.Wait() }
}

type countingWriter struct{ lines int }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.lines += bytes.Count(p, []byte("\n")) // records end in CRLF; a write may split the pair
	return len(p), nil
}
