package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"time"

	"github.com/armswatch/armswatch/extract"
	"github.com/armswatch/armswatch/extract/statements"
	"github.com/armswatch/armswatch/extract/textutil"
	"github.com/armswatch/armswatch/store"
)

// Synthetic makes generated articles for benchmarks: perArticle statements each, spoken by a
// few dozen speakers about a handful of treaties, their words drawn from a Zipf distribution
// over a vocabulary so that the full-text index has common and rare terms like real text.
type Synthetic struct {
	PerArticle int
	// Figures ends every article with a paragraph that reports a treaty figure and a date
	// (serve's treaty pages chart the figures). It draws nothing from the random source: the
	// articles are otherwise the same.
	Figures bool
	rng     *rand.Rand
	zipf    *rand.Zipf
	vocab   []string
}

var (
	speakers = []string{"Dmitry Peskov", "Sergei Ryabkov", "Sergey Lavrov", "Maria Zakharova",
		"Vladimir Putin", "Antony Blinken", "Jake Sullivan", "Rose Gottemoeller", "Jens Stoltenberg",
		"Rafael Grossi", "Anatoly Antonov", "Mikhail Ulyanov", "Russian Foreign Ministry",
		"US State Department", "Pentagon", "Kremlin"}
	treatyIDs     = []string{"new_start", "inf", "ctbt", "npt", "open_skies"}
	synthTreaties = map[string]string{"new_start": "New START", "inf": "INF Treaty", "ctbt": "CTBT",
		"npt": "Non-Proliferation Treaty", "open_skies": "Open Skies Treaty"}
	common = strings.Fields(`the of and to in a that is on for with as by it was at this we
		not be are from will our an has have they would its which treaty arms control nuclear
		strategic stability dialogue security missile warheads launchers weapons talks extension
		inspections verification deployed range limits moscow washington russia united states
		agreement sides parties negotiations proposal expert level consultations`)
)

// NewSynthetic makes a deterministic generator.
func NewSynthetic(perArticle int, seed uint64) *Synthetic {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	vocab := append([]string{}, common...)
	for i := 0; i < 20000; i++ {
		vocab = append(vocab, pseudoWord(i))
	}
	return &Synthetic{PerArticle: perArticle, rng: rng, zipf: rand.NewZipf(rng, 1.1, 2, uint64(len(vocab)-1)), vocab: vocab}
}

// pseudoWord makes distinct pronounceable words for the vocabulary's long tail.
func pseudoWord(i int) string {
	const cons, vow = "bcdfghklmnprstvz", "aeiou"
	var b strings.Builder
	for n := i + 1; n > 0; n /= 80 {
		d := n % 80
		b.WriteByte(cons[d%16])
		b.WriteByte(vow[d/16])
	}
	return b.String()
}

func (g *Synthetic) sentence(words int) string {
	w := make([]string, words)
	for i := range w {
		w[i] = g.vocab[g.zipf.Uint64()]
	}
	w[0] = strings.ToUpper(w[0][:1]) + w[0][1:]
	return strings.Join(w, " ")
}

// Article returns the i-th generated article.
func (g *Synthetic) Article(i int) *store.Article {
	treaty := treatyIDs[i%len(treatyIDs)]
	published := time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration(i) * 7 * time.Minute)
	an := &extract.Analysis{AnalyzerVersion: extract.Version, URL: fmt.Sprintf("https://example.org/news/%d", i),
		Source: []string{"tass", "ria", "reuters"}[i%3], Profile: "generic", Language: "en",
		Title: fmt.Sprintf("%s: %s", synthTreaties[treaty], g.sentence(8)), Published: &extract.Time{Time: published},
		Authors: []string{}, Warnings: []string{}}
	an.CanonicalURL = an.URL
	var paras []string
	off := 0
	for k := 0; k < g.PerArticle; k++ {
		text := g.sentence(12 + g.rng.IntN(14))
		if k == 0 {
			text += " on the " + synthTreaties[treaty]
		}
		speaker := speakers[g.rng.IntN(len(speakers))]
		para := `"` + text + `," ` + speaker + ` said.`
		start := off + 1
		an.Statements = append(an.Statements, extract.Statement{Statement: statements.Statement{Kind: "direct", Text: text, Speaker: speaker,
			SpeakerKind: "person", Cue: "said", Paragraph: k, Start: start, End: start + len(text),
			Spans: [][2]int{{start, start + len(text)}}}})
		if k == 0 {
			at := start + len(text) - len(synthTreaties[treaty])
			an.Mentions = append(an.Mentions, extract.Mention{Type: "treaty", ID: treaty, Name: synthTreaties[treaty],
				Text: synthTreaties[treaty], Paragraph: 0, Start: at, End: at + len(synthTreaties[treaty])})
		}
		paras = append(paras, para)
		off += len(para) + len(textutil.ParagraphSep)
	}
	an.Body = strings.Join(paras, textutil.ParagraphSep)
	if g.Figures {
		addFigure(an, i)
	}
	an.Derive()
	return &store.Article{URL: an.URL, Source: an.Source, FetchedAt: published.Add(time.Hour), Analysis: an}
}

// figureCategories are the figure categories of Synthetic.Figures, with a base value the
// generated figures move around (so a treaty page's chart has lines to draw).
var figureCategories = []struct {
	category, unit, noun string
	base                 int
}{
	{"deployed_warheads", "warhead", "deployed warheads", 1550},
	{"deployed_delivery_vehicles", "delivery vehicle", "deployed delivery vehicles", 700},
	{"launchers", "launcher", "deployed and non-deployed launchers", 800},
}

// addFigure appends to the i-th article a paragraph with one treaty figure and one date.
func addFigure(an *extract.Analysis, i int) {
	c := figureCategories[i%len(figureCategories)]
	value := c.base + (i/len(figureCategories))%97 - 48
	num := fmt.Sprintf("%d,%03d", value/1000, value%1000)
	if value < 1000 {
		num = fmt.Sprint(value)
	}
	figText := "no more than " + num + " " + c.noun
	para := "The parties reported " + figText + " as of February 5, 2021."
	start := len(an.Body) + len(textutil.ParagraphSep)
	an.Body += textutil.ParagraphSep + para
	k := len(an.Statements)
	fs := start + strings.Index(para, figText)
	treaty := ""
	if len(an.Mentions) > 0 {
		treaty = an.Mentions[0].ID
	}
	an.Figures = append(an.Figures, extract.Figure{})
	f := &an.Figures[len(an.Figures)-1]
	f.Text, f.Value, f.Comparator, f.Unit, f.Category, f.Treaty = figText, float64(value), "<=", c.unit, c.category, treaty
	f.Paragraph, f.Start, f.End = k, fs, fs+len(figText)
	ds := start + strings.Index(para, "February 5, 2021")
	an.Dates = append(an.Dates, extract.Date{Text: "February 5, 2021", Kind: "absolute", Value: "2021-02-05",
		Granularity: "day", Paragraph: k, Start: ds, End: ds + len("February 5, 2021")})
}

// Fill adds articles until the database holds at least statements statements, in transactions
// of 1,000 articles.
func (g *Synthetic) Fill(ctx context.Context, db store.Store, statements int) error {
	articles := (statements + g.PerArticle - 1) / g.PerArticle
	const batch = 1000
	for i := 0; i < articles; i += batch {
		var as []*store.Article
		for j := i; j < min(i+batch, articles); j++ {
			as = append(as, g.Article(j))
		}
		if err := db.SaveArticles(ctx, as); err != nil {
			return err
		}
	}
	return nil
}

// BenchDB returns a database with at least statements generated statements, for benchmarks.
// With ARMSWATCH_BENCH_DB set, it is kept at that path and reused by later runs (generating a
// million statements takes minutes); otherwise it lives in dir.
func BenchDB(ctx context.Context, dir string, statements int) (string, error) {
	return benchDB(ctx, dir+"/bench.db", "ARMSWATCH_BENCH_DB", NewSynthetic(10, 1), statements)
}

// ServeBenchDB is BenchDB whose articles each end with a treaty figure and a date
// (Synthetic.Figures), which serve's pages chart; ARMSWATCH_SERVE_BENCH_DB keeps it. A
// database BenchDB made serves too (its treaty pages have no figures to chart).
func ServeBenchDB(ctx context.Context, dir string, statements int) (string, error) {
	g := NewSynthetic(10, 1)
	g.Figures = true
	return benchDB(ctx, dir+"/serve-bench.db", "ARMSWATCH_SERVE_BENCH_DB", g, statements)
}

func benchDB(ctx context.Context, path, env string, g *Synthetic, statements int) (string, error) {
	if p := os.Getenv(env); p != "" {
		path = p
	}
	db, err := store.Open(path)
	if err != nil {
		return "", err
	}
	defer db.Close()
	rows, err := db.Query(ctx, "SELECT count(*) FROM statements")
	if err != nil {
		return "", err
	}
	var n int
	for rows.Next() {
		rows.Scan(&n)
	}
	rows.Close()
	if n >= statements {
		return path, nil
	}
	if n > 0 {
		return "", fmt.Errorf("%s holds %d statements, fewer than %d: remove it", path, n, statements)
	}
	return path, g.Fill(ctx, db, statements)
}
