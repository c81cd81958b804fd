package lexicon

import (
	"bytes"
	"flag"
	"os"
	"testing"

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
		t.Fatal("generated.go is out of date with data/*.toml: run go generate ./extract/lexicon")
	}
}

func generate() ([]byte, error) {
	tb, err := parseFS(os.DirFS("."), "data")
	if err != nil {
		return nil, err
	}
	pre, err := preparedAll(tb)
	if err != nil {
		return nil, err
	}
	return golit.File("lexicon", "go generate ./extract/lexicon from data/*.toml", []string{"builtinTables", "builtinPrepared"},
		map[string]any{"builtinTables": tb, "builtinPrepared": pre})
}
