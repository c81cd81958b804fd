package pgstore

import "testing"

// TestTSText: queries reach websearch_to_tsquery as FTS5 means them.
func TestTSText(t *testing.T) {
	for q, want := range map[string]string{
		"New START":                       `"New" "START"`,
		"Kremlin NOT resume":              "Kremlin -resume",
		`"not a NOT word" NOT "x y" OR z`: `"not a NOT word" -"x y" OR z`,
		"INF-Treaty":                      `"INF Treaty"`,
	} {
		if got := tsText(q); got != want {
			t.Errorf("tsText(%q) = %q, want %q", q, got, want)
		}
	}
}
