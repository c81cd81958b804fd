package figures_test

import (
	"sync"
	"testing"

	"github.com/armswatch/armswatch/extract/figures"
	"github.com/armswatch/armswatch/extract/lexicon"
	"github.com/armswatch/armswatch/extract/mentions"
)

// The crawler analyzes pages in parallel: the lazily built vocabularies must be safe to share.
func TestConcurrentUse(t *testing.T) {
	lex, err := lexicon.New(lexicon.Extra{Treaties: []lexicon.Entry{{ID: "aukus", Name: "AUKUS", Aliases: []string{"AUKUS"}}}})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if len(figures.Extract(page, lex)) == 0 || len(mentions.Extract(page, lex, mentions.Options{})) == 0 {
				t.Error("no output")
			}
		}()
	}
	wg.Wait()
}
