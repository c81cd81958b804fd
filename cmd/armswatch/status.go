package main

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/pgstore"
)

// runStatus shows the last crawl runs and each source's health, from the database alone (it
// opens it read-only, so it works while a crawl runs).
func runStatus(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "status", "")
	dbPath := fs.String("db", "", "database file (default: the config's database)")
	configPath := fs.String("config", "", "config file, for its database path")
	runs := fs.Int("runs", 10, "how many recent runs to show")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError("status: unexpected argument %q", rest[0])
	}
	if *dbPath == "" {
		cfg, err := loadConfig(*configPath, false)
		if err != nil {
			return err
		}
		*dbPath = cfg.Database
	}
	db, err := openReadOnly(*dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	rs, err := db.Runs(ctx, *runs)
	if err != nil {
		return err
	}
	health, err := db.Health(ctx)
	if err != nil {
		return err
	}
	watches, err := db.WatchHealth(ctx)
	if err != nil {
		return err
	}
	printRuns(e, rs)
	fmt.Fprintln(e.stdout)
	printHealth(e, health)
	printWatchHealth(e, watches)
	if pg, ok := db.(*pgstore.DB); ok {
		return printQueue(ctx, e, pg)
	}
	return nil
}

// printQueue is status's section on the workers' job queue (PostgreSQL; none when no worker
// ever ran): its jobs by kind and state, and the workers seen in the last day.
func printQueue(ctx context.Context, e *env, db *pgstore.DB) error {
	states, workers, err := db.Queue(ctx)
	if err != nil || states == nil {
		return err
	}
	running := 0
	for _, w := range workers {
		if w.Running > 0 {
			running++
		}
	}
	fmt.Fprintf(e.stdout, "\nWorkers' queue (%d workers running jobs)\n", running)
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "KIND\tSTATE\tJOBS\tLAST CHANGE")
	for _, q := range states {
		last := "-"
		if q.Last != nil {
			last = q.Last.Local().Format("2006-01-02 15:04")
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", q.Kind, q.State, q.Jobs, last)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "\nWorkers seen in the last day (%d)\n", len(workers))
	tw = tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "WORKER\tRUNNING\tDONE (1h)\tLAST JOB")
	for _, w := range workers {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\n", w.ID, w.Running, w.Done, w.LastJob.Local().Format("2006-01-02 15:04:05"))
	}
	return tw.Flush()
}

func printRuns(e *env, rs []store.Run) {
	fmt.Fprintf(e.stdout, "Last %d crawl runs\n", len(rs))
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RUN\tSTARTED\tTOOK\tSTATUS\tFETCHED\tNEW\tUNCHANGED\tFAILED\tPID")
	for _, r := range rs {
		took := "-"
		if r.FinishedAt != nil {
			took = r.FinishedAt.Sub(r.StartedAt).Round(time.Second).String()
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\n", r.ID, r.StartedAt.Local().Format("2006-01-02 15:04"),
			took, oneLine(r.Status), r.Fetched, r.New, r.Unchanged, r.Failed, r.PID)
	}
	tw.Flush()
}

func printHealth(e *env, hs []store.SourceHealth) {
	fmt.Fprintln(e.stdout, "Sources")
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SOURCE\tLAST SUCCESS\tERROR RATE\tARTICLES/DAY (7d)\tARTICLES\tWAITING\tLAST ERROR")
	for _, h := range hs {
		last := "never"
		if h.LastSuccess != nil {
			last = h.LastSuccess.Local().Format("2006-01-02 15:04")
		}
		msg := oneLine(h.LastError)
		if r := []rune(msg); len(r) > 80 {
			msg = string(r[:77]) + "..."
		}
		fmt.Fprintf(tw, "%s\t%s\t%.0f%% of %d runs\t%.1f\t%d\t%d\t%s\n", oneLine(h.Source), last, 100*h.ErrorRate, h.Runs, h.PerDay, h.Articles, h.Pending, msg)
	}
	tw.Flush()
}
