package store

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"
	"time"
)

// A write that fails within a batch is undone alone: the batch's other writes commit.
func TestBatchFailedWriteUndoesOnlyItself(t *testing.T) {
	ctx := context.Background()
	db, err := Open(filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.BatchWrites(10, time.Hour); err != nil {
		t.Fatal(err)
	}
	if err := db.AddDiscoveredFeed(ctx, "s", "https://x/feed1"); err != nil {
		t.Fatal(err)
	}
	failed := errors.New("failed after writing")
	err = db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO discovered_feeds (source, url, found_at) VALUES ('s', 'https://x/undone', '')`); err != nil {
			return err
		}
		return failed
	})
	if !errors.Is(err, failed) {
		t.Fatalf("inTx = %v, want %v", err, failed)
	}
	if err := db.AddDiscoveredFeed(ctx, "s", "https://x/feed2"); err != nil {
		t.Fatal(err)
	}
	if err := db.BatchWrites(0, 0); err != nil {
		t.Fatal(err)
	}
	feeds, err := db.DiscoveredFeeds(ctx, "s")
	if err != nil {
		t.Fatal(err)
	}
	if len(feeds) != 2 || feeds[0] == "https://x/undone" || feeds[1] == "https://x/undone" {
		t.Errorf("feeds after a failed write in the batch = %q, want feed1 and feed2", feeds)
	}
}
