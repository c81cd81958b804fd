//go:build race

package dates

// raceEnabled: the race detector slows the regexp engine about fortyfold, and the equivalence
// tests' random texts run on one goroutine, where it has nothing to find.
const raceEnabled = true
