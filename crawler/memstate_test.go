package crawler

import (
	"context"
	"sort"
	"sync"
)

// MemState is a State kept in memory: for tests and one-off crawls without a database.
type MemState struct {
	mu         sync.Mutex
	validators map[string]Validators
	entries    map[string]*memEntry
	feeds      map[string][]string
	stored     map[string]bool
	seq        int

	pendingCalls, mostListed int // Pending calls and the most entries one returned
}

type memEntry struct {
	source   string
	item     Item
	status   Status
	attempts int
	detail   string // why it failed or was skipped
	seq      int
}

// NewMemState returns an empty MemState.
func NewMemState() *MemState {
	return &MemState{validators: map[string]Validators{}, entries: map[string]*memEntry{},
		feeds: map[string][]string{}, stored: map[string]bool{}}
}

// MarkStored records that url is stored (what a database State learns from its articles).
func (m *MemState) MarkStored(url string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.stored[url] = true
}

// StatusOf returns url's frontier status ("" when absent).
func (m *MemState) StatusOf(url string) Status {
	m.mu.Lock()
	defer m.mu.Unlock()
	if e := m.entries[url]; e != nil {
		return e.status
	}
	return ""
}

// DetailOf returns what was recorded with url's last result (why it failed or was skipped)
// and how many failed attempts it has.
func (m *MemState) DetailOf(url string) (detail string, attempts int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if e := m.entries[url]; e != nil {
		return e.detail, e.attempts
	}
	return "", 0
}

func (m *MemState) Validators(_ context.Context, url string) (Validators, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.validators[url], nil
}

func (m *MemState) SaveValidators(_ context.Context, url string, v Validators) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.validators[url] = v
	return nil
}

func (m *MemState) Enqueue(_ context.Context, source string, items []Item, refresh bool) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for _, it := range items {
		if e := m.entries[it.URL]; e != nil {
			if refresh {
				e.status, e.attempts = StatusPending, 0
			}
			continue
		}
		m.seq++
		m.entries[it.URL] = &memEntry{source: source, item: it, status: StatusPending, seq: m.seq}
		n++
	}
	return n, nil
}

func (m *MemState) Pending(_ context.Context, source string, after int64, limit int) ([]Item, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.pendingCalls++
	var es []*memEntry
	for _, e := range m.entries {
		if e.source == source && (e.status == StatusPending || e.status == StatusFailed) && int64(e.seq) > after {
			es = append(es, e)
		}
	}
	sort.Slice(es, func(i, j int) bool { return es[i].seq < es[j].seq })
	if limit > 0 && len(es) > limit {
		es = es[:limit]
	}
	items := make([]Item, len(es))
	for i, e := range es {
		items[i] = e.item
		items[i].Seq = int64(e.seq)
	}
	m.mostListed = max(m.mostListed, len(items))
	return items, nil
}

func (m *MemState) CountPending(_ context.Context, source string) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for _, e := range m.entries {
		if e.source == source && (e.status == StatusPending || e.status == StatusFailed) {
			n++
		}
	}
	return n, nil
}

func (m *MemState) Finish(_ context.Context, url string, status Status, detail string, giveUpAfter int) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	e := m.entries[url]
	if e == nil {
		m.seq++
		e = &memEntry{item: Item{URL: url}, seq: m.seq}
		m.entries[url] = e
	}
	e.status, e.detail = status, detail
	if status == StatusFailed {
		e.attempts++
		if giveUpAfter > 0 && e.attempts >= giveUpAfter {
			e.status = StatusGone
		}
	}
	return nil
}

func (m *MemState) Stored(_ context.Context, url string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.stored[url], nil
}

func (m *MemState) Feeds(_ context.Context, source string) ([]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]string(nil), m.feeds[source]...), nil
}

func (m *MemState) AddFeed(_ context.Context, source, url string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, f := range m.feeds[source] {
		if f == url {
			return nil
		}
	}
	m.feeds[source] = append(m.feeds[source], url)
	return nil
}

var _ State = (*MemState)(nil)
