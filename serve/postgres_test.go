package serve

import (
	"context"
	"fmt"
	"net/url"
	"testing"

	"github.com/armswatch/armswatch/store/pgstore"
	"github.com/armswatch/armswatch/store/pgstore/pgtest"
)

// TestPagesSameOnPostgres saves the test articles (realistic, generated, hostile) into
// PostgreSQL in the order the SQLite test database has them and serves both: every page, JSON
// twin and CSV download is the same, byte for byte, the hostile article's escaping included.
// The today pages (they count from the time of saving) and search (ranked by ts_rank there)
// are only checked to answer.
func TestPagesSameOnPostgres(t *testing.T) {
	ctx := context.Background()
	u := pgtest.URL(t)
	w, err := pgstore.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	err = fillStore(t, w)
	w.Close()
	if err != nil {
		t.Fatal(err)
	}
	ro, err := pgstore.OpenReadOnly(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	pg, err := New(ro, Options{Hosts: []string{"example.com"}})
	if err != nil {
		t.Fatal(err)
	}
	lite, db := newServer(t, Options{})
	hostile := articleID(t, db, "javascript:")
	var same, answers []string
	for _, p := range pages(t, db) {
		switch p.url {
		case "/", "/today?days=3650", "/search?q=treaty", "/search":
			answers = append(answers, p.url)
			continue
		}
		same = append(same, p.url)
	}
	for _, p := range []string{"/treaties", "/treaty/new_start", "/treaty/ctbt?by=week", "/speakers",
		"/speaker/Dmitry%20Peskov", "/speaker/" + url.PathEscape(hostileSpeaker), fmt.Sprintf("/article/%d", hostile)} {
		same = append(same, p+".json", p+".csv")
	}
	same = append(same, fmt.Sprintf("/article/%d", hostile), "/treaty/no_such_treaty", "/article/99999",
		"/speaker/Dmitry%20Peskov?page=2", "/treaty/new_start?page=3")
	for _, p := range same {
		l, g := get(t, lite, p), get(t, pg, p)
		if l.Code != g.Code || l.Body.String() != g.Body.String() {
			t.Errorf("%s: SQLite %d, PostgreSQL %d\nSQLite:\n%.1200s\nPostgreSQL:\n%.1200s", p, l.Code, g.Code, l.Body.String(), g.Body.String())
		}
	}
	for _, p := range append(answers, "/search?q=onerror", "/search.json?q=Peskov&treaty=new_start") {
		if rec := get(t, pg, p); rec.Code != 200 {
			t.Errorf("%s on PostgreSQL: %d %.500s", p, rec.Code, rec.Body.String())
		}
	}
}
