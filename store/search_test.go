package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/armswatch/armswatch/store"
)

// article builds an analysis whose statements are located in body by their text.

func TestSearchWithoutFTS(t *testing.T) {
	if builtWithFTS5 {
		t.Skip("built with FTS5")
	}
	db, _ := openTemp(t)
	_, err := db.Search(context.Background(), store.SearchQuery{Text: "x"})
	if !errors.Is(err, store.ErrNoFTS) {
		t.Errorf("err %v, want ErrNoFTS", err)
	}
}
