package main

import (
	"context"
	"fmt"

	"github.com/armswatch/armswatch/store"
	"github.com/schollz/progressbar/v3"
)

// openStore opens the database for writing. The first writing open after an upgrade to
// schema version 6 groups every stored article into stories, about 35 minutes for 100,000
// articles on a loaded machine: it says so on stderr, with a progress bar on a terminal (as
// reextract does) and a line per tenth otherwise (cron logs), and ctx (SIGINT, SIGTERM) stops
// it; the next writing command goes on where it stopped.
func openStore(ctx context.Context, e *env, path string) (*store.DB, error) {
	return store.OpenContext(ctx, path, groupingProgress(e, "after the upgrade to schema 6"))
}

// groupingProgress tells, on stderr, how the one-time grouping of stored articles into
// stories goes; when says why it runs.
func groupingProgress(e *env, when string) store.Progress {
	var bar *progressbar.ProgressBar
	next := 0 // the count of the next line, without a terminal
	progress := func(done, total int) {
		switch {
		case done == 0:
			fmt.Fprintf(e.stderr, "armswatch: grouping %d stored articles into stories (once, %s; interrupted, it goes on at the next run)\n", total, when)
			if e.isTerminal {
				bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(e.stderr),
					progressbar.OptionSetDescription("stories"), progressbar.OptionShowCount(),
					progressbar.OptionClearOnFinish())
			}
			next = max(total/10, 1)
		case bar != nil:
			bar.Set(done)
		case done >= next || done == total:
			fmt.Fprintf(e.stderr, "armswatch: grouped %d of %d stored articles into stories\n", done, total)
			next = done + max(total/10, 1)
		}
	}
	return progress
}
