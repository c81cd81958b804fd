package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the current analyzer (then read the diff!)")

// TestGoldenSeed pins the whole analysis of the seed page. A change to any analyzer shows up
// here as a diff of the JSON to read by eye; `go test ./extract -run Golden -update` rewrites it.
func TestGoldenSeed(t *testing.T) {
	page, err := os.ReadFile("../../shared/seed/tass-new-start-2020-10-21.html")
	if err != nil {
		t.Skip("../shared/seed is absent")
	}
	a, err := HTML(page, Options{Input: "tass-new-start-2020-10-21.html", URL: "https://tass.com/politics/1215477"})
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	enc := json.NewEncoder(&got)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(a); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("..", "testdata", "golden", "tass-new-start-2020-10-21.json")
	if *update {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("the seed's analysis differs from %s; if the change is meant, run go test ./extract -run Golden -update and read the diff", golden)
	}
}
