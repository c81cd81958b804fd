package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/armswatch/armswatch/config"
	"github.com/armswatch/armswatch/demo"
	"github.com/armswatch/armswatch/store"
)

// runDemo serves the embedded site on loopback, crawls it with the real crawler into SQLite (or
// PostgreSQL, --db URL) and prints a short digest: a newcomer sees the whole path with no
// network and no configuration.
func runDemo(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "demo", "")
	dbFile := fs.String("db", "armswatch-demo.db", "database to crawl into (a file, or a postgres:// URL)")
	serve := fs.Bool("serve", false, "only serve the demo site and print its address, until interrupted")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError("demo: unexpected argument %q", rest[0])
	}
	srv, err := demo.Start()
	if err != nil {
		return err
	}
	defer srv.Close()
	if *serve {
		fmt.Fprintf(e.stdout, "demo site at %s (feed %s/rss/v2.xml); Ctrl-C stops it\n", srv.URL, srv.URL)
		<-ctx.Done()
		return nil
	}
	c, err := config.Parse("demo.toml (embedded)", []byte(demo.Config(srv.URL)))
	if err != nil {
		return fmt.Errorf("demo: %w", err) // the embedded config is ours: a bug, not bad usage
	}
	cfg := &appConfig{Config: c}
	name := databaseName(*dbFile) // a URL's password is not printed
	fmt.Fprintf(e.stdout, "Crawling the demo site at %s into %s ...\n", srv.URL, name)
	lock, err := lockDB(ctx, *dbFile)
	if err != nil {
		return err
	}
	defer lock.Unlock()
	db, err := openWrite(ctx, e, *dbFile)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := crawlOnce(ctx, e, cfg, db, crawlFlags{dbPath: *dbFile, logFormat: "text"}); err != nil {
		return err
	}
	if err := demoDigest(ctx, e.stdout, db); err != nil {
		return err
	}
	if err := demoWatches(ctx, e.stdout, cfg, db); err != nil {
		return err
	}
	// The other commands default to config.toml's database, not the demo's: say how to reach it.
	fmt.Fprintf(e.stdout, "\nThe demo wrote %s; give the other commands --db %s, e.g.:\n", name, name)
	fmt.Fprintf(e.stdout, "  armswatch query --db %s \"SELECT * FROM speakers\"\n", name)
	fmt.Fprintf(e.stdout, "  armswatch digest --db %s --since 24h\n", name)
	fmt.Fprintf(e.stdout, "  armswatch serve --db %s   # pages in a browser at http://127.0.0.1:8080/\n", name)
	return nil
}

// demoDigest prints what the crawl stored: each story (its first article) with its statements
// and figures, and the other outlets that carried it. Its SQL is read alike by SQLite and
// PostgreSQL (string_agg, aliased subqueries).
func demoDigest(ctx context.Context, w io.Writer, db store.Store) error {
	var n [4]int
	counts, err := db.Query(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(DISTINCT coalesce(story_id, -id)) FROM articles),
		(SELECT count(*) FROM statements), (SELECT count(*) FROM figures)`)
	if err != nil {
		return fmt.Errorf("demo: count rows: %w", err)
	}
	for counts.Next() {
		err = counts.Scan(&n[0], &n[1], &n[2], &n[3])
	}
	counts.Close()
	if err != nil {
		return fmt.Errorf("demo: count rows: %w", err)
	}
	fmt.Fprintf(w, "\n%d articles (%d stories: copies of one article in other outlets are one), %d statements, %d figures stored.\n", n[0], n[1], n[2], n[3])
	rows, err := db.Query(ctx, `
		SELECT a.id, substr(coalesce(a.published, a.fetched_at), 1, 10), a.title,
		       (SELECT string_agg(line, '
' ORDER BY b) FROM (
		            SELECT s.byte_start AS b, '    ' || CASE WHEN s.speaker = '' THEN '(unattributed)' ELSE s.speaker END
		                   || ': "' || CASE WHEN length(s.text) > 90 THEN substr(s.text, 1, 87) || '...' ELSE s.text END || '"' AS line
		            FROM statements s WHERE s.article_id = a.id ORDER BY s.byte_start LIMIT 3) l),
		       (SELECT string_agg(f.text || ' [' || f.category || CASE WHEN f.treaty <> '' THEN ', ' || f.treaty ELSE '' END || ']', '; ' ORDER BY f.byte_start)
		          FROM (SELECT * FROM figures WHERE article_id = a.id ORDER BY byte_start LIMIT 4) f),
		       (SELECT string_agg(c.source || ' (' || c.title || ')', '; ' ORDER BY c.id) FROM articles c
		          WHERE c.story_id = a.story_id AND c.id <> a.id)
		FROM articles a
		WHERE a.story_id IS NULL OR a.id = (SELECT first_article_id FROM stories WHERE id = a.story_id)
		ORDER BY a.published_utc, a.id`)
	if err != nil {
		return fmt.Errorf("demo: digest: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var date, title string
		var says, figs, copies *string
		if err := rows.Scan(&id, &date, &title, &says, &figs, &copies); err != nil {
			return fmt.Errorf("demo: digest: %w", err)
		}
		fmt.Fprintf(w, "\n%s  %s\n", date, title)
		if says != nil {
			fmt.Fprintln(w, *says)
		}
		if figs != nil {
			fmt.Fprintf(w, "    figures: %s\n", strings.TrimSpace(*figs))
		}
		if copies != nil {
			fmt.Fprintf(w, "    same story, also carried by: %s\n", oneLine(*copies))
		}
	}
	return rows.Err()
}
