package lexicon

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"testing"

	"github.com/pelletier/go-toml/v2"

	"github.com/armswatch/armswatch/internal/golit"
)

var update = flag.Bool("update", false, "rewrite generated.go from data/*.toml")

// TestGenerated checks that generated.go is what data/*.toml and the alias code give; with
// -update (go generate ./extract/lexicon) it rewrites it.
func TestGenerated(t *testing.T) {
	src, err := generate()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("generated.go", src, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	old, err := os.ReadFile("generated.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(old, src) {
		t.Fatal("generated.go is out of date with data/*.toml or ../figures/data/vocab.toml: run go generate ./extract/...")
	}
}

// phraseFiles hold the built-in lexicon.Phrases of other analyzers: their phrases are prepared
// too (every string in an array; those that are no valid phrase are left out).
var phraseFiles = []string{"../figures/data/vocab.toml"}

func generate() ([]byte, error) {
	tb, err := parseFS(os.DirFS("."), "data")
	if err != nil {
		return nil, err
	}
	var more []string
	for _, f := range phraseFiles {
		raw, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var v any
		if err := toml.Unmarshal(raw, &v); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		more = arrayStrings(v, false, more)
	}
	pre, err := preparedAll(tb, more)
	if err != nil {
		return nil, err
	}
	return golit.File("lexicon", "go generate ./extract/lexicon from data/*.toml", []string{"builtinTables", "builtinPrepared"},
		map[string]any{"builtinTables": tb, "builtinPrepared": pre})
}

// arrayStrings appends the strings found in arrays of v, a decoded TOML document.
func arrayStrings(v any, inArray bool, out []string) []string {
	switch x := v.(type) {
	case string:
		if inArray {
			out = append(out, x)
		}
	case []any:
		for _, e := range x {
			out = arrayStrings(e, true, out)
		}
	case map[string]any:
		for _, e := range x {
			out = arrayStrings(e, false, out)
		}
	}
	return out
}
