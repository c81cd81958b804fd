package extract

import (
	"context"
	"fmt"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// threadCPU is the CPU time the calling OS thread has used.
func threadCPU(t *testing.T) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// stageTimes analyzes a page of n paragraphs and returns the CPU time of each stage on this
// thread (the least of two runs): CPU time of one thread, unlike wall time, hardly depends on
// what else the machine runs.
func stageTimes(t *testing.T, ctx context.Context, n int, text bool) map[string]time.Duration {
	best := map[string]time.Duration{}
	page, txt := hugePage(n), hugeText(n)
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	for run := 0; run < 2; run++ {
		got := map[string]time.Duration{}
		last := threadCPU(t)
		opt := Options{URL: "https://example.org/news/1", stageTime: func(s string, _ time.Duration) {
			now := threadCPU(t)
			got[s] += now - last
			runtime.GC() // each stage starts on a clean heap: less noise
			last = threadCPU(t)
		}}
		var err error
		if text {
			_, err = TextContext(ctx, txt, opt)
		} else {
			_, err = HTMLContext(ctx, page, opt)
		}
		if err != nil && ctx.Err() == nil {
			t.Fatal(err)
		}
		for s, d := range got {
			if b, ok := best[s]; !ok || d < b {
				best[s] = d
			}
		}
	}
	return best
}

// knownQuadratic are stages owned elsewhere whose growth is reported, not yet fixed; they are
// logged, not asserted.
var knownQuadratic = map[string]bool{}

// TestAnalysisGrowth: every stage's time grows about linearly with the page. Four times the
// paragraphs may cost up to ten times the time (linear is 4, quadratic 16); small stages
// (under 15 ms at N: the clock ticks in milliseconds) are not judged.
func TestAnalysisGrowth(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("measures pages of thousands of paragraphs (not with -short or -race)")
	}
	const n = 1000
	ctx := context.Background()
	for _, text := range []bool{false, true} {
		small, big := stageTimes(t, ctx, n, text), stageTimes(t, ctx, 4*n, text)
		for s, b := range big {
			ratio := float64(b) / float64(max(small[s], time.Microsecond))
			t.Logf("text=%v %-10s %4d paragraphs %8v, %4d paragraphs %8v: x%.1f", text, s, n, small[s], 4*n, b, ratio)
			if knownQuadratic[s] || small[s] < 15*time.Millisecond {
				continue
			}
			if ratio > 10 {
				t.Errorf("text=%v %s: x%.1f for 4x the paragraphs (%v -> %v): quadratic", text, s, ratio, small[s], b)
			}
		}
	}
}

// TestContentGrowth: finding the article grows linearly up to pages of tens of thousands of
// paragraphs, where quadratic steps show (teasers recounting every paragraph's siblings,
// go-trafilatura concatenating the text of each <p>: 25,000 paragraphs took 10 s). A cancelled
// context stops the analysis after the content stage, so only that stage runs.
func TestContentGrowth(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("measures pages of thousands of paragraphs (not with -short or -race)")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	const n = 2500
	small, big := stageTimes(t, ctx, n, false)["content"], stageTimes(t, ctx, 4*n, false)["content"]
	ratio := float64(big) / float64(max(small, time.Microsecond))
	t.Logf("content: %d paragraphs %v, %d paragraphs %v: x%.1f", n, small, 4*n, big, ratio)
	if ratio > 8 {
		t.Errorf("content: x%.1f for 4x the paragraphs (%v -> %v): quadratic", ratio, small, big)
	}
}

// BenchmarkPage10MiB analyzes a 10 MiB page (90,000 paragraphs of ordinary reporting) and
// reports the peak heap of each stage (objects live or not yet collected, sampled every 5 ms):
//
//	go test -tags sqlite_fts5 -run '^$' -bench Page10MiB -benchtime 1x ./extract/
func BenchmarkPage10MiB(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("<!DOCTYPE html><html><head><meta charset=utf-8><title>Talks</title></head><body><article><h1>Talks</h1>\n")
	for i := 0; sb.Len() < 10<<20; i++ {
		fmt.Fprintf(&sb, "<p>Officials met again on Monday to discuss the schedule of round %d, a spokesman told reporters in Geneva.</p>\n", i)
	}
	sb.WriteString("</article></body></html>")
	page := []byte(sb.String())
	for i := 0; i < b.N; i++ {
		runtime.GC()
		var stage atomic.Value
		stage.Store("content")
		peaks := map[string]uint64{}
		done, stopped := make(chan bool), make(chan bool)
		go func() { // sample the heap until done
			defer close(stopped)
			s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
			for {
				select {
				case <-done:
					return
				case <-time.After(5 * time.Millisecond):
				}
				metrics.Read(s)
				if st, v := stage.Load().(string), s[0].Value.Uint64(); v > peaks[st] {
					peaks[st] = v
				}
			}
		}()
		next := map[string]string{"content": "dates", "dates": "statements", "statements": "figures", "figures": "mentions", "mentions": "relevance", "relevance": "end"}
		_, err := HTMLContext(context.Background(), page, Options{URL: "https://example.org/news/1",
			stageTime: func(s string, _ time.Duration) { stage.Store(next[s]) }})
		close(done)
		<-stopped
		if err != nil {
			b.Fatal(err)
		}
		var all uint64
		for s, v := range peaks {
			b.ReportMetric(float64(v)/(1<<20), "peakMB-"+s)
			all = max(all, v)
		}
		b.ReportMetric(float64(all)/(1<<20), "peakMB")
	}
}
