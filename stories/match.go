package stories

// Thresholds of Same, set on labelled pairs of real pages (see eval_test.go: tuned on the
// trafilatura-eval and polnear/train pairs, reported on polnear/dev and the arms-control sets).
// In those, different articles of one day and topic share under 0.05 of their shingles
// (containment under 0.1), while copies share 0.4 and more (containment 0.7 and more) even
// when edited, re-led and cut at once: the thresholds sit in the gap.
const (
	// MinShingles: below this many shingles a body is too short to tell a copy from a
	// templated brief; such bodies match only when their signatures are identical.
	MinShingles = 12
	// SameJaccard: estimated shingle Jaccard at or above which two bodies are copies.
	SameJaccard = 0.45
	// SameContainment and ContainJaccard: the shorter body is (almost) all inside the longer,
	// as when an aggregator cuts a copy after a few paragraphs, and they still share enough
	// shingles that the estimate is not noise.
	SameContainment = 0.65
	ContainJaccard  = 0.25
)

// Similarity estimates the shingle Jaccard similarity of a and b and the containment of the
// smaller shingle set in the larger (|A∩B| / min(|A|,|B|)), from the signatures and the sizes.
func Similarity(a, b *Fingerprint) (jaccard, containment float64) {
	if a.Shingles == 0 || b.Shingles == 0 {
		return 0, 0
	}
	same := 0
	for i := range a.Sig {
		if a.Sig[i] == b.Sig[i] {
			same++
		}
	}
	jaccard = float64(same) / Hashes
	inter := jaccard * float64(a.Shingles+b.Shingles) / (1 + jaccard)
	containment = inter / float64(min(a.Shingles, b.Shingles))
	return jaccard, min(containment, 1)
}

// Same says whether a and b are copies of one article: the same text re-wrapped, lightly
// edited, with another lead, or cut short.
func Same(a, b *Fingerprint) bool {
	if min(a.Shingles, b.Shingles) < MinShingles {
		return a.Shingles > 0 && a.Sig == b.Sig
	}
	j, c := Similarity(a, b)
	return j >= SameJaccard || (c >= SameContainment && j >= ContainJaccard)
}
