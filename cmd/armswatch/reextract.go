package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/armswatch/armswatch/extract"
	"github.com/armswatch/armswatch/ingest"
	"github.com/armswatch/armswatch/store"

	"github.com/schollz/progressbar/v3"
)

// runReextract runs the current analyzer over stored pages whose analysis is older (all with
// --all), one transaction per article, so that an analyzer upgrade reaches the database without
// fetching anything.
func runReextract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "reextract", "")
	db := dbFlag(fs)
	all := fs.Bool("all", false, "re-analyze every article, not only those of an older analyzer")
	configPath := fs.String("config", "", "config file (lexicon, reporting verbs, source profiles)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError("reextract: unexpected argument %q", pos[0])
	}
	cfg, err := loadConfig(*configPath, false)
	if err != nil {
		return err
	}
	in, err := cfg.ingester() // the analysis options first: a bad lexicon stops before the database
	if err != nil {
		return err
	}
	path, err := dbPath(*db, *configPath)
	if err != nil {
		return err
	}
	if _, err := os.Stat(path); err != nil {
		return usageError("reextract: %s: no such database (crawl or run the demo first, or pass --db)", path)
	}
	// Re-analysis rewrites every article: a crawl must not write at the same time.
	lock, err := lockDB(path)
	if err != nil {
		return err
	}
	defer lock.Unlock()
	d, err := store.Open(path)
	if err != nil {
		return err
	}
	defer d.Close()
	ids, err := d.StaleArticles(ctx, extract.Version, *all)
	if err != nil {
		return err
	}
	in.DB = d
	profiles := map[string]string{}
	for _, s := range cfg.Sources {
		profiles[s.Name] = s.Profile
	}
	profile := func(source string) string { return profiles[source] }
	var bar *progressbar.ProgressBar
	if e.isTerminal && len(ids) > 0 {
		bar = progressbar.NewOptions(len(ids), progressbar.OptionSetWriter(e.stderr),
			progressbar.OptionSetDescription("reextract"), progressbar.OptionShowCount(),
			progressbar.OptionClearOnFinish())
	}
	var st reextractStats
	start := time.Now()
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		st.add(reextractOne(ctx, in, id, profile), e, id)
		if bar != nil {
			bar.Add(1)
		}
	}
	fmt.Fprintf(e.stderr, "reextract: %d articles re-analyzed with analyzer %s (%d changed), %d skipped without a stored page, %d failed, in %s\n",
		st.done, extract.Version, st.changed, st.skipped, st.failed, time.Since(start).Round(time.Millisecond))
	if st.failed > 0 {
		return fmt.Errorf("reextract: %d of %d articles failed", st.failed, len(ids))
	}
	return nil
}

type reextractStats struct{ done, changed, skipped, failed int }

type outcome struct {
	changed, skipped bool
	err              error
}

func (s *reextractStats) add(o outcome, e *env, id int64) {
	switch {
	case o.err != nil:
		s.failed++
		fmt.Fprintf(e.stderr, "armswatch: reextract article %d: %v\n", id, o.err)
	case o.skipped:
		s.skipped++
	default:
		s.done++
		if o.changed {
			s.changed++
		}
	}
}

// reextractOne analyzes one stored page again and saves it (one transaction), through the same
// path as a crawl (ingest), with the feed's publication hint the crawl stored.
func reextractOne(ctx context.Context, in *ingest.Ingester, id int64, profile func(string) string) outcome {
	out, ok, err := in.Reanalyze(ctx, id, profile)
	return outcome{changed: out == ingest.Changed, skipped: !ok && err == nil, err: err}
}
