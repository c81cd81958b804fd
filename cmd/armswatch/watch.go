package main

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/armswatch/armswatch/config"
	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/watch"
)

// runWatch is `armswatch watch list|test NAME|run`: the saved searches of [[watch]]
// (docs/watches.md).
func runWatch(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "--help" {
		return usageError("watch: give list, test NAME or run (armswatch watch run -h lists the flags)")
	}
	switch args[0] {
	case "list":
		return runWatchList(ctx, e, args[1:])
	case "test":
		return runWatchTest(ctx, e, args[1:])
	case "run":
		return runWatchRun(ctx, e, args[1:])
	case "-h", "--help", "help":
		fmt.Fprintln(e.stdout, "usage: armswatch watch list|test NAME|run [flags]\n\n"+
			"  list   the configured watches and how their deliveries stand\n"+
			"  test   what a watch matches in the stored data now, without sending\n"+
			"  run    evaluate every watch over what is new and send the matches (a crawl does it too)")
		return nil
	}
	return usageError("watch: unknown subcommand %q (list, test or run)", args[0])
}

// watchConfig loads the config (required: watches live there) and the database path.
func watchConfig(configPath, dbPath string) (*appConfig, string, error) {
	cfg, err := loadConfig(configPath, true)
	if err != nil {
		return nil, "", err
	}
	if dbPath == "" {
		dbPath = cfg.Database
	}
	return cfg, dbPath, nil
}

func runWatchList(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "watch list", "")
	configPath := fs.String("config", "", "config file (default ./config.toml, then $XDG_CONFIG_HOME/armswatch/config.toml)")
	dbFlag := fs.String("db", "", "database file (default: the config's database)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError("watch list: unexpected argument %q", rest[0])
	}
	cfg, dbPath, err := watchConfig(*configPath, *dbFlag)
	if err != nil {
		return err
	}
	health := map[string]store.WatchHealth{}
	if db, err := openRead(ctx, dbPath); err == nil { // no database yet: the config alone
		hs, err := db.WatchHealth(ctx)
		db.Close()
		if err != nil {
			return err
		}
		for _, h := range hs {
			health[h.Watch] = h
		}
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "WATCH\tFILTERS\tNOTIFY\tLAST RUN\tSENT\tWAITING\tLAST ERROR")
	for i := range cfg.Watches {
		w := &cfg.Watches[i]
		h := health[w.Name]
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%s\n", w.Name, oneLine(describe(w)), strings.Join(w.Notify, ","),
			lastRun(h.LastRun), h.Sent, h.Pending, shortError(h.LastError))
	}
	return tw.Flush()
}

// describe writes a watch's filters as the config does.
func describe(w *config.Watch) string {
	var parts []string
	for _, f := range []struct {
		key    string
		values []string
	}{{"speaker", w.Speakers}, {"treaty", w.Treaties}, {"source", w.Sources}, {"kind", w.Kinds}, {"figure_category", w.FigureCategories}} {
		if len(f.values) > 0 {
			parts = append(parts, f.key+"="+strings.Join(f.values, "|"))
		}
	}
	if w.MinValue != nil {
		parts = append(parts, fmt.Sprintf("min_value=%g", *w.MinValue))
	}
	if w.MaxValue != nil {
		parts = append(parts, fmt.Sprintf("max_value=%g", *w.MaxValue))
	}
	if w.Query != "" {
		parts = append(parts, fmt.Sprintf("query=%q", w.Query))
	}
	return strings.Join(parts, " ")
}

func lastRun(t *time.Time) string {
	if t == nil {
		return "never"
	}
	return t.Local().Format("2006-01-02 15:04")
}

func shortError(s string) string {
	s = oneLine(s)
	if r := []rune(s); len(r) > 80 {
		s = string(r[:77]) + "..."
	}
	return s
}

// runWatchTest prints what a watch matches in the stored data now (the newest matches), without
// recording or sending anything.
func runWatchTest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "watch test", "NAME")
	configPath := fs.String("config", "", "config file (default ./config.toml, then $XDG_CONFIG_HOME/armswatch/config.toml)")
	dbFlag := fs.String("db", "", "database file (default: the config's database)")
	limit := fs.Int("limit", 20, "show at most this many matches, the newest")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usageError("watch test: give one watch name")
	}
	if *limit < 1 {
		return usageError("watch test: --limit must be a positive number")
	}
	cfg, dbPath, err := watchConfig(*configPath, *dbFlag)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(cfg.Watches, func(w config.Watch) bool { return w.Name == rest[0] })
	if i < 0 {
		return usageError("watch test: no [[watch]] named %q in %s", rest[0], cfg.Path)
	}
	db, err := openRead(ctx, dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	r := &watch.Runner{DB: db, Watches: cfg.Watches[i : i+1], DryRun: true, Backfill: true, FromScratch: true}
	res, err := r.Run(ctx)
	if err != nil {
		return err
	}
	items := newestFirst(res[0].Matches)
	fmt.Fprintf(e.stdout, "%s matches %d stored items", rest[0], len(items))
	if len(items) > *limit {
		fmt.Fprintf(e.stdout, "; the newest %d:", *limit)
		items = items[:*limit]
	}
	fmt.Fprintln(e.stdout)
	printItems(e.stdout, items)
	return nil
}

// printItems lists items as the e-mail's text does, one visible line each.
func printItems(w io.Writer, items []watch.Item) {
	for _, it := range items {
		who := it.Speaker
		if who == "" {
			who = "(unattributed)"
		}
		line := who + ": " + it.Text
		if it.Type == "figure" && it.Figure != nil {
			line = it.Text + " [" + it.Figure.Category + "]"
		}
		if it.Treaty != "" {
			line += " (" + it.Treaty + ")"
		}
		fmt.Fprintf(w, "  %s  %s\n              %s\n", it.Article.Date, oneLine(line), oneLine(it.Article.URL))
	}
}

func runWatchRun(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "watch run", "")
	configPath := fs.String("config", "", "config file (default ./config.toml, then $XDG_CONFIG_HOME/armswatch/config.toml)")
	dbFlag := fs.String("db", "", "database file (default: the config's database)")
	dryRun := fs.Bool("dry-run", false, "print what would be sent; record and send nothing")
	backfill := fs.Bool("backfill", false, "a new watch's first run sends what is already stored (default: only what comes after)")
	resend := fs.Bool("resend-interrupted", false, "send again what a run that died left half-sent to a webhook or e-mail (it may arrive twice)")
	var only stringList
	fs.Var(&only, "watch", "run only this watch (repeatable)")
	quiet := fs.Bool("quiet", false, "print errors only")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError("watch run: unexpected argument %q", rest[0])
	}
	cfg, dbPath, err := watchConfig(*configPath, *dbFlag)
	if err != nil {
		return err
	}
	watches, err := selectWatches(cfg, only)
	if err != nil {
		return err
	}
	var db store.Store
	if *dryRun {
		db, err = openRead(ctx, dbPath)
	} else {
		db, err = openWrite(ctx, e, dbPath)
	}
	if err != nil {
		return err
	}
	defer db.Close()
	r := &watch.Runner{DB: db, Watches: watches, Notifiers: watch.Notifiers(cfg.Config, db), DryRun: *dryRun,
		Backfill: *backfill, ResendInterrupted: *resend}
	res, err := r.Run(ctx)
	if err != nil {
		return err
	}
	if *dryRun {
		printDryRun(e.stdout, watches, res)
		return nil
	}
	if failed := reportWatches(e, res, *quiet); failed > 0 {
		return fmt.Errorf("watch run: %d of %d watches could not deliver everything; it is retried on the next run", failed, len(res))
	}
	return nil
}

// selectWatches returns the configured watches, or those named.
func selectWatches(cfg *appConfig, only []string) ([]config.Watch, error) {
	if len(cfg.Watches) == 0 {
		return nil, usageError("watch: %s has no [[watch]] (docs/watches.md)", cfg.Path)
	}
	if len(only) == 0 {
		return cfg.Watches, nil
	}
	var out []config.Watch
	for _, name := range only {
		i := slices.IndexFunc(cfg.Watches, func(w config.Watch) bool { return w.Name == name })
		if i < 0 {
			return nil, usageError("watch run: --watch %q is not in %s", name, cfg.Path)
		}
		out = append(out, cfg.Watches[i])
	}
	return out, nil
}

// printDryRun shows, per watch, the text its notifiers would send.
func printDryRun(w io.Writer, watches []config.Watch, res []watch.Result) {
	for i, r := range res {
		if len(r.Matches) == 0 {
			fmt.Fprintf(w, "%s: nothing new (would notify %s)\n", r.Watch, strings.Join(watches[i].Notify, ", "))
			continue
		}
		fmt.Fprintf(w, "%s: would send to %s:\n", r.Watch, strings.Join(watches[i].Notify, ", "))
		for _, line := range strings.Split(strings.TrimRight(watch.Text(&watches[i], r.Matches), "\n"), "\n") {
			fmt.Fprintf(w, "  | %s\n", oneLine(line))
		}
	}
}

// reportWatches prints each watch's delivery errors on stderr (cron mails them) and, unless
// quiet, a line per watch that sent something; it returns how many watches had errors.
func reportWatches(e *env, res []watch.Result, quiet bool) int {
	failed := 0
	for _, r := range res {
		if err := r.Err(); err != nil {
			failed++
			fmt.Fprintf(e.stderr, "armswatch: watch %s: %s\n", r.Watch, oneLine(err.Error()))
		}
		if quiet || (len(r.Matches) == 0 && sum(r.Sent) == 0) {
			continue
		}
		var sent []string
		for _, ch := range slices.Sorted(maps.Keys(r.Sent)) {
			if r.Sent[ch] > 0 {
				sent = append(sent, fmt.Sprintf("%s %d", ch, r.Sent[ch]))
			}
		}
		if len(sent) == 0 {
			sent = []string{"nothing"}
		}
		fmt.Fprintf(e.stdout, "watch %s: %d new matches; sent: %s\n", r.Watch, len(r.Matches), strings.Join(sent, ", "))
	}
	return failed
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// watchAfterCrawl runs the watches after a crawl. Delivery errors are reported and recorded
// (status shows them, the next run retries) but do not fail the crawl.
func watchAfterCrawl(ctx context.Context, e *env, cfg *appConfig, db store.WatchStore, quiet bool) error {
	if len(cfg.Watches) == 0 || ctx.Err() != nil {
		return nil
	}
	r := &watch.Runner{DB: db, Watches: cfg.Watches, Notifiers: watch.Notifiers(cfg.Config, db)}
	res, err := r.Run(ctx)
	if err != nil {
		return fmt.Errorf("watches: %w", err)
	}
	reportWatches(e, res, quiet)
	return nil
}

// printWatchHealth is status's section on watches (none when no watch has run).
func printWatchHealth(e *env, hs []store.WatchHealth) {
	if len(hs) == 0 {
		return
	}
	fmt.Fprintln(e.stdout, "\nWatches")
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "WATCH\tLAST RUN\tSENT\tWAITING\tFAILED\tINTERRUPTED\tLAST ERROR")
	for _, h := range hs {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%s\n", oneLine(h.Watch), lastRun(h.LastRun), h.Sent, h.Pending,
			h.Failed, h.Interrupted, shortError(h.LastError))
	}
	tw.Flush()
}

// demoWatches shows what the demo config's watches would send for what the demo crawled: a
// dry run over everything stored, a few items per watch.
func demoWatches(ctx context.Context, w io.Writer, cfg *appConfig, db store.WatchStore) error {
	if len(cfg.Watches) == 0 {
		return nil
	}
	r := &watch.Runner{DB: db, Watches: cfg.Watches, DryRun: true, FromScratch: true}
	res, err := r.Run(ctx)
	if err != nil {
		return fmt.Errorf("demo: watches: %w", err)
	}
	fmt.Fprintln(w, "\nWatches (what each would send; armswatch watch run sends it):")
	const shown = 3
	for i, r := range res {
		items := newestFirst(r.Matches)
		fmt.Fprintf(w, "\n[%s] to %s\n", r.Watch, strings.Join(cfg.Watches[i].Notify, ", "))
		if len(items) > shown {
			items = items[:shown]
		}
		lines := strings.Split(strings.TrimRight(watch.Text(&cfg.Watches[i], items), "\n"), "\n")
		lines[0] = watch.Subject(&cfg.Watches[i], len(r.Matches))
		for _, line := range lines {
			if line = oneLine(line); line != "" {
				fmt.Fprintf(w, "  %s\n", line)
			}
		}
		if n := len(r.Matches) - len(items); n > 0 {
			fmt.Fprintf(w, "  (and %d older)\n", n)
		}
	}
	return nil
}

// newestFirst orders matches by their article's date, newest first (a run lists them in the
// order they were stored).
func newestFirst(items []watch.Item) []watch.Item {
	out := slices.Clone(items)
	slices.SortStableFunc(out, func(a, b watch.Item) int { return strings.Compare(b.Article.Date, a.Article.Date) })
	return out
}
