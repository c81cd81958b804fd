package watch

import (
	"fmt"
	"strings"

	"github.com/armswatch/armswatch/config"
)

// Subject names the watch and the count: the e-mail's subject and the first line of the text.
func Subject(w *config.Watch, n int) string {
	noun := "new matches"
	if n == 1 {
		noun = "new match"
	}
	return fmt.Sprintf("armswatch: %s: %d %s", w.Name, n, noun)
}

// Text is the plain-text message for items: the e-mail's text part, the webhook's "text"
// (what Slack, Mattermost and ntfy show) and what a dry run prints.
func Text(w *config.Watch, items []Item) string {
	var b strings.Builder
	b.WriteString(Subject(w, len(items)))
	b.WriteString("\n")
	for i := range items {
		it := &items[i]
		fmt.Fprintf(&b, "\n- %s\n  %s", it.headline(300), it.Article.Date)
		if it.Article.Title != "" {
			fmt.Fprintf(&b, " %s", it.Article.Title)
		}
		fmt.Fprintf(&b, "\n  %s\n", it.Article.URL)
		if len(it.AlsoReportedBy) > 0 {
			fmt.Fprintf(&b, "  also reported by %s\n", strings.Join(it.AlsoReportedBy, ", "))
		}
	}
	return b.String()
}
