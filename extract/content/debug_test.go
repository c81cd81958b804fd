package content

import (
	"os"
	"strings"
	"testing"
)

// TestDebugPage prints the paragraphs extracted from one corpus page (CONTENT_DEBUG=id).
func TestDebugPage(t *testing.T) {
	id := os.Getenv("CONTENT_DEBUG")
	if id == "" {
		t.Skip()
	}
	for _, d := range loadCorpus(t) {
		if d.ID != id {
			continue
		}
		r, _ := Extract(Input{HTML: d.HTML, URL: d.URL})
		for i, p := range r.Paragraphs {
			t.Logf("%d: %s", i, p)
		}
		t.Logf("title %q lang %q authors %v warnings %v", r.Title, r.Language, r.Authors, r.Warnings)
		t.Logf("with %s", strings.Join(d.With, " | "))
		t.Logf("without %s", strings.Join(d.Without, " | "))
	}
}
