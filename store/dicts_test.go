package store

import (
	"bytes"
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/klauspost/compress/zstd"
)

// memDicts is page_dicts in memory.
type memDicts struct{ rows []DictRow }

func (m *memDicts) NewestDict(_ context.Context, host string) (DictRow, bool, error) {
	for i := len(m.rows) - 1; i >= 0; i-- {
		if m.rows[i].Host == host {
			d := m.rows[i]
			d.Content = nil
			return d, true, nil
		}
	}
	return DictRow{}, false, nil
}

func (m *memDicts) AddDict(_ context.Context, d DictRow) (int64, error) {
	d.ID = int64(len(m.rows) + 1)
	m.rows = append(m.rows, d)
	return d.ID, nil
}

func (m *memDicts) Dict(_ context.Context, id int64) (DictRow, error) {
	if id < 1 || id > int64(len(m.rows)) {
		return DictRow{}, sql.ErrNoRows
	}
	return m.rows[id-1], nil
}

// A host's dictionary serves its pages for dictMaxAge, then the next page makes a new one; pages
// of either read back, and a dictionary whose bytes do not match its sum is refused.
func TestPageDictionaryRenewedAndChecked(t *testing.T) {
	ctx := context.Background()
	m := &memDicts{}
	page := func(n int) []byte {
		return []byte(strings.Repeat("<div class=nav>Home · World · Arms control</div>\n", 400) + strings.Repeat("x", n))
	}
	now := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	var stored [][]byte
	for i, at := range []time.Time{now, now.Add(24 * time.Hour), now.Add(dictMaxAge + time.Hour)} {
		z, err := CompressPageFor(ctx, m, "https://tass.com/"+string(rune('a'+i)), page(i), at)
		if err != nil {
			t.Fatal(err)
		}
		stored = append(stored, z)
	}
	if len(m.rows) != 2 {
		t.Fatalf("%d dictionaries, want 2 (the first, and one when it was older than dictMaxAge)", len(m.rows))
	}
	for i, z := range stored {
		got, err := DecompressPageWith(ctx, m, z)
		if err != nil || !bytes.Equal(got, page(i)) {
			t.Errorf("page %d: %d bytes, %v; want it back", i, len(got), err)
		}
	}
	long := bytes.Repeat([]byte("0123456789abcdef"), maxDictBytes/8)
	if d := dictContent(long); len(d) != maxDictBytes || !bytes.Equal(d[len(d)-16:], long[len(long)-16:]) {
		t.Errorf("dictionary of a long page: %d bytes, want %d ending as the page", len(d), maxDictBytes)
	}
	m.rows[0].Sum = strings.Repeat("0", 64)
	dictCoders = coderCache{}
	if _, err := DecompressPageWith(ctx, m, stored[0]); err == nil {
		t.Error("a dictionary that does not match its sum was used")
	}
}

// Pages of several hosts in turn, as a crawl saves them: the one encoder switches dictionaries
// for each, and every frame names its host's dictionary and reads back.
func TestPageDictionariesOfHostsInTurn(t *testing.T) {
	ctx := context.Background()
	m := &memDicts{}
	now := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	hosts := []string{"tass.com", "www.reuters.com", "ria.ru"}
	type stored struct {
		page, z []byte
		host    string
	}
	var all []stored
	for i := range 12 {
		host := hosts[i%len(hosts)]
		page := []byte(strings.Repeat("<nav>"+host+" home · world · politics</nav>\n", 300) + strings.Repeat("words ", i))
		z, err := CompressPageFor(ctx, m, "https://"+host+"/news/"+string(rune('a'+i)), page, now)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, stored{page, z, host})
	}
	if len(m.rows) != len(hosts) {
		t.Fatalf("%d dictionaries, want one per host (%d)", len(m.rows), len(hosts))
	}
	for i, s := range all {
		got, err := DecompressPageWith(ctx, m, s.z)
		if err != nil || !bytes.Equal(got, s.page) {
			t.Errorf("page %d: %d bytes, %v; want it back", i, len(got), err)
		}
		var h zstd.Header
		if err := h.Decode(s.z); err != nil || m.rows[h.DictionaryID-1].Host != s.host {
			t.Errorf("page %d of %s: frame names dictionary %d (%v)", i, s.host, h.DictionaryID, err)
		}
	}
}
