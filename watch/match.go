package watch

import (
	"slices"
	"strings"

	"github.com/armswatch/armswatch/config"
	"github.com/armswatch/armswatch/store"
)

// matches says whether item it passes every filter of w. fts holds the statement ids matching
// w.Query (nil when w has none).
func matches(w *config.Watch, it *store.WatchItem, fts map[int64]bool) bool {
	switch it.Type {
	case "statement":
		if !w.Statements() || (w.Query != "" && !fts[it.ID]) {
			return false
		}
		if len(w.Kinds) > 0 && !slices.Contains(w.Kinds, it.Kind) {
			return false
		}
	case "figure":
		if !w.Figures() || !figureMatches(w, it) {
			return false
		}
	default:
		return false
	}
	if len(w.Speakers) > 0 && !containsAny(strings.ToLower(it.Speaker), w.Speakers) {
		return false
	}
	if len(w.Treaties) > 0 && !slices.Contains(w.Treaties, strings.ToLower(it.Treaty)) {
		return false
	}
	return len(w.Sources) == 0 || slices.Contains(w.Sources, it.Source)
}

func figureMatches(w *config.Watch, it *store.WatchItem) bool {
	if len(w.FigureCategories) > 0 && !slices.Contains(w.FigureCategories, strings.ToLower(it.Category)) {
		return false
	}
	if it.Value == nil {
		return w.MinValue == nil && w.MaxValue == nil
	}
	// A range ("1,500 to 1,600") matches when it overlaps [min_value, max_value].
	low, high := *it.Value, *it.Value
	if it.ValueMax != nil {
		high = *it.ValueMax
	}
	return (w.MinValue == nil || high >= *w.MinValue) && (w.MaxValue == nil || low <= *w.MaxValue)
}

// containsAny says whether s (lower case) contains one of subs (lower case). A speaker filter
// is a part of the name: "ryabkov" finds "Sergei Ryabkov" and "Sergey Ryabkov".
func containsAny(s string, subs []string) bool {
	if s == "" {
		return false
	}
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
