package figures_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/armswatch/armswatch/extract/figures"
	"github.com/armswatch/armswatch/extract/lexicon"
	"github.com/armswatch/armswatch/extract/mentions"
)

// page is a realistic arms-control article body (written for this benchmark in the style of a
// wire report with a think-tank background paragraph): about 3 KB, nine paragraphs.
var page = strings.Join([]string{
	"MOSCOW, February 6. /TASS/. Russia will continue to observe the central quantitative limits of the New START treaty as long as the United States does the same, Deputy Foreign Minister Sergei Ryabkov told reporters on Friday.",
	"\"We have said many times that we will not be the first to exceed the limits of 1,550 deployed warheads and 700 deployed delivery vehicles,\" Ryabkov said.",
	"New START, signed in Prague in 2010 and extended in 2021 for five years, limited each side to 1,550 deployed strategic warheads, 700 deployed ICBMs, SLBMs and heavy bombers, and 800 deployed and non-deployed launchers. It also provided for up to 18 on-site inspections a year.",
	"Kremlin Spokesman Dmitry Peskov said Moscow expected Washington's answer within a month. Russian President Vladimir Putin offered in September to keep to the limits for one year after February 5, 2026.",
	"As of September 2022, the United States reported 659 deployed ICBMs, SLBMs, and heavy bombers and 1,420 deployed warheads, while Russia declared 540 and 1,549, respectively.",
	"The Oreshnik intermediate-range missile, which Russia says flies at Mach 10, has a range of 3,000 to 5,500 km. The INF Treaty banned ground-launched missiles with ranges between 500 and 5,500 kilometers.",
	"According to SIPRI, the world's nine nuclear-armed states held an estimated 12,241 warheads in January 2025, about 9,614 of them in military stockpiles. China has at least 600 and is adding about 100 a year.",
	"The Pentagon estimates the Sentinel program will cost more than $140 billion, and the Congressional Budget Office puts the cost of US nuclear forces at $946 billion over 10 years.",
	"Глава МИД России Сергей Лавров заявил, что ДСНВ ограничивал арсеналы сторон 1550 развернутыми боезарядами, 700 развернутыми носителями и 800 развернутыми и неразвернутыми пусковыми установками.",
}, "\n\n")

func BenchmarkFiguresAndMentions(b *testing.B) {
	lex := lexicon.Default()
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		figures.Extract(page, lex)
		mentions.Extract(page, lex, mentions.Options{})
	}
}

func BenchmarkFigures(b *testing.B) {
	lex := lexicon.Default()
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		figures.Extract(page, lex)
	}
}

func BenchmarkMentions(b *testing.B) {
	lex := lexicon.Default()
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		mentions.Extract(page, lex, mentions.Options{})
	}
}

// BenchmarkSeed runs on the project's seed article when shared/ is beside the checkout.
func BenchmarkSeed(b *testing.B) {
	body := seedText(b)
	lex := lexicon.Default()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		figures.Extract(body, lex)
		mentions.Extract(body, lex, mentions.Options{})
	}
}

func seedText(b *testing.B) string {
	dir, _ := os.Getwd()
	for range 6 {
		raw, err := os.ReadFile(filepath.Join(dir, "shared", "seed", "tass-new-start-2020-10-21.txt"))
		if err == nil {
			return string(raw)
		}
		dir = filepath.Dir(dir)
	}
	b.Skip("shared/seed not found")
	return ""
}

func TestBenchmarkPage(t *testing.T) {
	fs := figures.Extract(page, nil)
	if len(fs) < 20 {
		t.Errorf("the benchmark page should be rich in figures, got %d", len(fs))
	}
	for _, f := range fs {
		if page[f.Start:f.End] != f.Text {
			t.Errorf("bad offsets %+v", f)
		}
	}
}
