package watch

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gorilla/feeds"

	"github.com/armswatch/armswatch/config"
	"github.com/armswatch/armswatch/store"
)

// Feed writes an Atom file per watch, DIR/NAME.atom, with its newest entries; any feed reader
// can follow it (or `armswatch serve` serve it).
type Feed struct {
	Config config.Feed
	DB     store.WatchStore // the delivery history the file is rebuilt from
}

// Batch: the file is rewritten once per run.
func (f *Feed) Batch() int { return 0 }

// Rebuilds: the file is rebuilt from the history, so writing it again never duplicates an entry.
func (f *Feed) Rebuilds() bool { return true }

// Path is the feed file of watch name.
func (f *Feed) Path(name string) string { return filepath.Join(f.Config.Dir, name+".atom") }

// Send rewrites the watch's file with items and the entries sent before, newest first.
func (f *Feed) Send(ctx context.Context, w *config.Watch, items []Item) error {
	limit := f.Config.Entries
	if limit <= 0 {
		limit = 50
	}
	var entries []Item
	for i := len(items) - 1; i >= 0 && len(entries) < limit; i-- {
		entries = append(entries, items[i])
	}
	if len(entries) < limit {
		old, err := f.DB.SentDeliveries(ctx, w.Name, config.ChannelFeed, limit-len(entries))
		if err != nil {
			return err
		}
		for _, d := range old {
			var it Item
			if err := json.Unmarshal([]byte(d.Payload), &it); err != nil {
				return fmt.Errorf("delivery history: %w", err)
			}
			it.Matched = d.MatchedAt.UTC().Format(time.RFC3339)
			entries = append(entries, it)
		}
	}
	data, err := AtomFeed(w, entries, time.Now())
	if err != nil {
		return err
	}
	return writeFileAtomic(f.Path(w.Name), data)
}

// AtomFeed renders entries (newest first) as an Atom document.
func AtomFeed(w *config.Watch, entries []Item, now time.Time) ([]byte, error) {
	feed := &feeds.Feed{Title: "armswatch: " + w.Name, Link: &feeds.Link{},
		Description: "New matches of the armswatch watch " + w.Name, Updated: now}
	for i := range entries {
		it := &entries[i]
		matched, _ := time.Parse(time.RFC3339, it.Matched)
		feed.Items = append(feed.Items, &feeds.Item{
			Id: "urn:armswatch:watch:" + w.Name + ":" + it.ID, Title: it.headline(120),
			Link: &feeds.Link{Href: it.Article.URL}, Updated: matched, Description: entryHTML(it),
			Author: &feeds.Author{Name: it.Speaker},
		})
	}
	af := (&feeds.Atom{Feed: feed}).AtomFeed()
	af.Id = "urn:armswatch:watch:" + w.Name
	af.Link = nil
	s, err := feeds.ToXML(af)
	if err != nil {
		return nil, err
	}
	return []byte(s), nil
}

// entryHTML is an entry's summary: the whole text, the figure's sentence, the article.
func entryHTML(it *Item) string {
	s := "<p>" + html.EscapeString(it.Text) + "</p>"
	if it.Sentence != "" {
		s += "<blockquote>" + html.EscapeString(it.Sentence) + "</blockquote>"
	}
	title := it.Article.Title
	if title == "" {
		title = it.Article.URL
	}
	return s + "<p>" + html.EscapeString(it.Article.Date) + ` <a href="` + html.EscapeString(it.Article.URL) + `">` +
		html.EscapeString(title) + "</a>" + alsoReported(it) + "</p>"
}

// alsoReported names the other outlets that carried the item, for a feed entry.
func alsoReported(it *Item) string {
	if len(it.AlsoReportedBy) == 0 {
		return ""
	}
	return "; also reported by " + html.EscapeString(strings.Join(it.AlsoReportedBy, ", "))
}

// writeFileAtomic writes through a temporary file and a rename, so a reader never sees half a
// feed.
func writeFileAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".armswatch-*.atom")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
