package statements

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkExtract measures statement extraction on one news page: the seed-style TASS item
// with the Reuters, RIA and transcript passages of the tests appended (about 7 KB).
func BenchmarkExtract(b *testing.B) {
	body := strings.Join([]string{seed,
		"MOSCOW, Feb 21 (Reuters) - President Vladimir Putin on Tuesday suspended Russia’s participation in New START, and warned that Moscow could resume nuclear tests if Washington did so first.",
		"“I am forced to announce today that Russia is suspending its participation,” Putin told the country’s political and military elite. “If the United States conducts a test, then we will.”",
		"Dmitry Peskov, the Kremlin spokesman, said later that Moscow would remain “responsible” and continue to observe the treaty’s limits. He told reporters the decision could be reversed if Washington showed political will.",
		"МОСКВА, 5 марта — РИА Новости. Россия не намерена первой размещать ракеты средней дальности в Европе, заявил РИА Новости замглавы МИД Александр Грушко.",
		"«Мы неоднократно предлагали НАТО мораторий, но ответа так и не получили», — сказал он.",
		"По словам Грушко, в случае размещения американских ракет Россия примет зеркальные меры.",
		"As Rose Gottemoeller, a former NATO deputy secretary general, put it in a recent interview, \"We are sleepwalking into a new missile race.\"",
		"Some analysts argue that the deployments are a necessary response to Russia's buildup. \"Deterrence requires capabilities, not just words,\" said Matthew Kroenig of the Atlantic Council.",
	}, "\n\n")
	body = body + "\n\n" + body
	Extract(body, Options{}) // parse the word lists outside the timing
	b.SetBytes(int64(len(body)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Extract(body, Options{})
	}
}

// BenchmarkExtractSeed measures the seed article as received (skipped without ../shared).
func BenchmarkExtractSeed(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "seed", "tass-new-start-2020-10-21.txt"))
	if err != nil {
		b.Skip("../shared/seed not available")
	}
	body := string(raw)
	Extract(body, Options{})
	b.SetBytes(int64(len(body)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Extract(body, Options{})
	}
}

// BenchmarkExtractUserVerbs shows the cost of merging config verbs into the built-in list.
func BenchmarkExtractUserVerbs(b *testing.B) {
	opt := Options{ReportingVerbs: []string{"opined", "intimated"}}
	Extract(seed, opt)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Extract(seed, opt)
	}
}
