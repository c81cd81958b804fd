package figures

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/armswatch/armswatch/internal/golit"
)

var update = flag.Bool("update", false, "rewrite generated.go from data/vocab.toml")

// TestGenerated checks that generated.go holds what data/vocab.toml says; with -update (go
// generate ./extract/figures) it rewrites it.
func TestGenerated(t *testing.T) {
	raw, err := os.ReadFile("data/vocab.toml")
	if err != nil {
		t.Fatal(err)
	}
	f, err := decodeVocab(raw)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := compileVocab(f); err != nil {
		t.Fatal(err)
	}
	src, err := golit.File("figures", "go generate ./extract/figures from data/vocab.toml", []string{"builtinVocab"}, map[string]any{"builtinVocab": f})
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
		t.Fatal("generated.go is out of date with data/vocab.toml: run go generate ./extract/...")
	}
}
