package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/armswatch/armswatch/store/pgstore"
	"github.com/armswatch/armswatch/store/pgstore/pgtest"
	"github.com/armswatch/armswatch/store/storetest"
)

// BenchmarkWorkers measures the crawl and analysis throughput of 1, 2 and 3 worker processes
// (worker, split jobs) sharing a PostgreSQL database: four loopback sites of 150 generated articles
// each, one source each (the shared host gate lets one request at a time go to a host, so one
// site would measure the gate's round trips rather than the workers). It reports pages stored
// per second of wall time, from the workers' start (river's tables, discovery) to the last
// article stored, and the workers' CPU time per page (the PostgreSQL server's is not counted).
//
//	go test -tags sqlite_fts5 ./cmd/armswatch -run '^$' -bench Workers -benchtime 1x
func BenchmarkWorkers(b *testing.B) {
	const sites, perSite = 4, 150
	for _, workers := range []int{1, 2, 3} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			var pages int
			var wall, cpu time.Duration
			for range b.N {
				w, c := crawlWithWorkers(b, workers, sites, perSite)
				pages += sites * perSite
				wall += w
				cpu += c
			}
			b.ReportMetric(float64(pages)/wall.Seconds(), "pages/s")
			b.ReportMetric(float64(cpu.Milliseconds())/float64(pages), "cpu-ms/page")
			b.ReportMetric(0, "ns/op") // the wall time of one crawl says nothing by itself
		})
	}
}

// crawlWithWorkers crawls sites generated sites of perSite articles with workers worker
// processes into a new PostgreSQL schema and returns the time until every article was stored
// and the workers' CPU time.
func crawlWithWorkers(b *testing.B, workers, sites, perSite int) (wall, cpu time.Duration) {
	b.Helper()
	pg := pgtest.URL(b)
	path := benchConfig(b, pg, sites, perSite)
	db, err := pgstore.Open(context.Background(), pg)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	start := time.Now()
	var procs []*exec.Cmd
	for range workers {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "ARMSWATCH_TEST_CLI="+strings.Join([]string{"worker", "--config", path,
			"--every", "1h", "--concurrency", "4", "--quiet"}, "\x1f"))
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		procs = append(procs, cmd)
		b.Cleanup(func() { // a failed benchmark leaves no worker behind
			if cmd.ProcessState == nil {
				cmd.Process.Kill()
				cmd.Wait()
			}
		})
	}
	want := sites * perSite
	deadline := start.Add(5 * time.Minute)
	for storetest.Count(b, db, "SELECT count(*) FROM articles") < want {
		if time.Now().After(deadline) {
			b.Fatalf("%d workers stored %d of %d articles in 5 minutes", workers, storetest.Count(b, db, "SELECT count(*) FROM articles"), want)
		}
		time.Sleep(20 * time.Millisecond)
	}
	wall = time.Since(start)
	for _, p := range procs {
		p.Process.Kill()
		p.Wait()
		cpu += p.ProcessState.UserTime() + p.ProcessState.SystemTime()
	}
	return wall, cpu
}

// benchConfig writes a config of sites loopback sites of perSite generated articles, one
// source each, into the database pg, and returns its path.
func benchConfig(t testing.TB, pg string, sites, perSite int) string {
	urls := map[string]string{}
	for i := range sites {
		urls[fmt.Sprintf("site%d", i)] = newGenSiteFrom(t, 1+i*perSite, perSite, "0").URL
	}
	return genSitesConfig(t, pg, urls)
}
