package main

import (
	"context"
	"fmt"
	"time"
)

// runStories lists the stories (copies of one article across outlets) with their first
// publisher and every source that carried them.
func runStories(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "stories", "")
	db := dbFlag(fs)
	since := fs.String("since", "", "only stories first published since: a duration back from now (24h, 7d) or a date")
	all := fs.Bool("all", false, "also list stories only one article carried")
	format := fs.String("format", "", "table, csv, json or jsonl (default: table on a terminal, else csv)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError("stories: unexpected argument %q", pos[0])
	}
	if *format == "" {
		*format = "csv"
		if e.isTerminal {
			*format = "table"
		}
	}
	w, ok := rowWriters[*format]
	if !ok {
		return usageError("stories: --format %q: want table, csv, json or jsonl", *format)
	}
	from, err := parseWhen(*since, time.Now())
	if err != nil {
		return usageError("stories: --since: %v", err)
	}
	d, err := openReadOnly(*db)
	if err != nil {
		return err
	}
	defer d.Close()
	rows, err := d.Stories(ctx, from, *all)
	if err != nil {
		return err
	}
	defer rows.Close()
	if err := writeRows(rows, w(e.stdout)); err != nil {
		return fmt.Errorf("stories: %w", err)
	}
	return nil
}
