// Package watch runs saved searches ([[watch]] in config.toml) over what each crawl brought and
// sends every new match once to the watch's notifiers: a webhook, e-mail, an Atom feed
// (docs/watches.md). Delivery state lives in the database (store: deliveries, watch_state), so a
// second run, two runs at once or a run killed midway never send an item twice.
package watch

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"

	"github.com/armswatch/armswatch/store"
)

// Item is a matched statement or figure as notifiers send it: the JSON of the webhook's items
// and of deliveries.payload.
type Item struct {
	ID       string  `json:"id"`   // stable across re-saves of the article: the delivery key
	Type     string  `json:"type"` // statement or figure
	Kind     string  `json:"kind,omitempty"`
	Text     string  `json:"text"`
	Speaker  string  `json:"speaker,omitempty"`
	Role     string  `json:"role,omitempty"`
	Cue      string  `json:"cue,omitempty"`
	Treaty   string  `json:"treaty,omitempty"`
	Figure   *Figure `json:"figure,omitempty"`
	Sentence string  `json:"sentence,omitempty"` // the sentence a figure stands in
	Article  Article `json:"article"`
	// AlsoReportedBy lists the other sources that carried the same quote or figure in the
	// articles of this run (syndicated copies): the item is sent once, from its first report.
	AlsoReportedBy []string `json:"also_reported_by,omitempty"`
	Matched        string   `json:"matched"` // when the watch matched it (UTC, RFC 3339)
}

// Figure is a figure's number.
type Figure struct {
	Value      float64  `json:"value"`
	ValueMax   *float64 `json:"value_max,omitempty"`
	Comparator string   `json:"comparator"`
	Unit       string   `json:"unit,omitempty"`
	Category   string   `json:"category,omitempty"`
}

// Article is where an item stands.
type Article struct {
	Title     string `json:"title"`
	URL       string `json:"url"`
	Source    string `json:"source,omitempty"`
	Published string `json:"published,omitempty"` // as the page gives it
	Date      string `json:"date"`                // the article's own date, else the fetch date
	FirstSeen string `json:"first_seen"`          // when armswatch first stored it (UTC)
}

// newItem converts a stored item. Its ID hashes what the reader sees (article URL, type,
// speaker, text, and a figure's number), not the row id, which changes when an article is saved
// again: an item that survives an article's update is not sent again. An item of a statement or
// figure group is keyed by its group instead, so a copy of a quote another outlet already
// carried is not sent again either.
func newItem(s *store.WatchItem, matched time.Time) Item {
	it := Item{Type: s.Type, Kind: s.Kind, Text: s.Text, Speaker: s.Speaker, Role: s.Role, Cue: s.Cue,
		Treaty: s.Treaty, Sentence: s.Sentence, Matched: matched.UTC().Format(time.RFC3339),
		Article: Article{Title: s.Title, URL: s.URL, Source: s.Source, Published: s.Published, Date: s.Date, FirstSeen: s.FirstSeen}}
	key := []string{s.Type, s.URL, s.Speaker, s.Text}
	if s.Type == "figure" && s.Value != nil {
		it.Figure = &Figure{Value: *s.Value, ValueMax: s.ValueMax, Comparator: s.Comparator, Unit: s.Unit, Category: s.Category}
		key = append(key, s.Category, strconv.FormatFloat(*s.Value, 'g', -1, 64))
	}
	if s.GroupKey != "" {
		key = []string{s.Type, "group", s.GroupKey}
	}
	sum := sha256.Sum256([]byte(strings.Join(key, "\x00")))
	it.ID = hex.EncodeToString(sum[:16])
	return it
}

// headline is one line naming the item: who said what, or the figure.
func (it *Item) headline(max int) string {
	text := shorten(it.Text, max)
	switch {
	case it.Type == "figure" && it.Figure != nil:
		s := text + " [" + it.Figure.Category
		if it.Treaty != "" {
			s += ", " + it.Treaty
		}
		return s + "]"
	case it.Speaker != "":
		return it.Speaker + ": \u201c" + text + "\u201d"
	}
	return "\u201c" + text + "\u201d"
}

// shorten cuts s to max runes at a word boundary, with an ellipsis.
func shorten(s string, max int) string {
	r := []rune(s)
	if max <= 0 || len(r) <= max {
		return s
	}
	cut := string(r[:max])
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "\u2026"
}
