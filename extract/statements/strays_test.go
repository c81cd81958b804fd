package statements

import (
	"strings"
	"testing"

	"github.com/armswatch/armswatch/extract/textutil"
)

// A few stray marks in a paragraph do not hide the quotation after them; a paragraph of
// thousands (hostile input, a scraped dump) stops being searched after maxStrays, since each
// stray is read to the paragraph's end.
func TestStrayMarksBeforeAQuotation(t *testing.T) {
	few := strings.Repeat(`He said that "`, maxStrays-2) + `Ryabkov said: "We are ready."`
	if qs := findQuotes(few, []textutil.Paragraph{{Start: 0, End: len(few)}}); len(qs) != 1 || qs[0].text(qs[0].inner[0]) != "We are ready." {
		t.Fatalf("after %d stray marks: %d quotations; want the one after them", maxStrays-2, len(qs))
	}
	many := strings.Repeat(`He said that "`, 2000) + `Ryabkov said: "We are ready."`
	if qs := findQuotes(many, []textutil.Paragraph{{Start: 0, End: len(many)}}); len(qs) != 0 {
		t.Fatalf("after 2,000 stray marks: %d quotations; want the paragraph given up", len(qs))
	}
}

func BenchmarkStrayMarks(b *testing.B) {
	body := strings.Repeat(`He said that "`, 20000)
	paras := []textutil.Paragraph{{Start: 0, End: len(body)}}
	for b.Loop() {
		findQuotes(body, paras)
	}
}

// Stop, asked between sentences, ends the run with what was found: the caller's deadline.
func TestStopEndsTheRun(t *testing.T) {
	body := strings.Repeat("Ryabkov said the talks would resume in Geneva.\n\n", 5)
	asked := 0
	got := Extract(body, Options{Stop: func() bool { asked++; return asked > 2 }})
	if len(got) != 2 {
		t.Fatalf("%d statements; want the 2 read before Stop said true", len(got))
	}
	if all := Extract(body, Options{}); len(all) != 5 {
		t.Fatalf("%d statements without Stop; want 5", len(all))
	}
}
