package extract_test

import (
	"context"
	"strings"
	"testing"

	"github.com/armswatch/armswatch/extract"
)

// hostilePages are shapes of page that once made one analysis super-linear: thousands of
// unbalanced quotation marks in one paragraph (statements read each to the paragraph's end:
// 45 s for 280 KB), and thousands of figures in one run-on sentence (each figure read its
// paragraph from the start and every word of its sentence again: 41 s for 410 KB).
var hostilePages = map[string]string{
	"stray-marks":    "<p>" + strings.Repeat(`He said that "`, 20000) + "</p>",
	"run-on-figures": "<p>" + strings.Repeat("no more than 1,550 deployed warheads and ", 10000) + "</p>",
}

// BenchmarkHostile is the whole analysis of each hostile page; with -benchtime 1x it says
// whether one got slow again (seconds, not tens of seconds).
func BenchmarkHostile(b *testing.B) {
	for name, page := range hostilePages {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := extract.HTMLContext(context.Background(), []byte(page), extract.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
