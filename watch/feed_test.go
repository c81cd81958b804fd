package watch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
)

func TestFeedIsValidAtomWithNewestFirst(t *testing.T) {
	db, _ := openDB(t)
	c := loadWatches(t, `
[[watch]]
name = "warhead-numbers"
figure_category = "deployed_warheads"
min_value = 1000
notify = ["feed"]

[notify.feed]
dir = "feeds"
entries = 3
`)
	r := &Runner{DB: db, Watches: c.Watches, Notifiers: Notifiers(c, db)}
	mustRun(t, r)
	path := filepath.Join(filepath.Dir(c.Path), "feeds", "warhead-numbers.atom")
	if _, err := os.Stat(path); err == nil {
		t.Fatal("a run with nothing to send wrote a feed")
	}
	save(t, db, ryabkov(1), ryabkov(2))
	mustRun(t, r)
	save(t, db, ryabkov(3), ryabkov(4))
	if res := mustRun(t, r); res[0].Err() != nil {
		t.Fatal(res[0].Err())
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	feed, err := gofeed.NewParser().Parse(f)
	if err != nil {
		t.Fatalf("not a feed gofeed reads: %v", err)
	}
	if feed.FeedType != "atom" || feed.Title != "armswatch: warhead-numbers" || len(feed.Items) != 3 {
		t.Fatalf("feed %s %q with %d items", feed.FeedType, feed.Title, len(feed.Items))
	}
	var links []string
	for _, it := range feed.Items {
		links = append(links, it.Link)
		if !strings.HasPrefix(it.GUID, "urn:armswatch:watch:warhead-numbers:") || !strings.Contains(it.Title, "1,550 deployed warheads") ||
			!strings.Contains(it.Description, "The treaty limits the sides to no more than 1,550 deployed warheads.") {
			t.Errorf("entry: %+v", it)
		}
	}
	if got := strings.Join(links, " "); got != "https://tass.com/politics/1004 https://tass.com/politics/1003 https://tass.com/politics/1002" {
		t.Errorf("entries newest first, three kept: %s", got)
	}
	if feed.Items[0].GUID == feed.Items[1].GUID {
		t.Error("entry ids repeat")
	}
}
