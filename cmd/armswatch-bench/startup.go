package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// startupRuns is how many times each start-up command runs per round: one run is a few
// milliseconds, and the median of many is steadier than one on a shared machine.
const startupRuns = 15

// goalStartup measures goal 3: the CPU of `armswatch version` and of `armswatch extract` of the
// seed page, each a fresh process, median of runs.
func goalStartup(c *config, rep *report, bin string) error {
	fmt.Fprintln(os.Stderr, "goal 3: start-up")
	seed := filepath.Join(c.root, "..", "shared", "seed", "tass-new-start-2020-10-21.html")
	seedURL := goldURL(strings.TrimSuffix(seed, ".html") + ".gold.json")
	cmds := []struct {
		what, target string
		limit        time.Duration
		args         []string
		missing      string // a file the command needs
	}{
		{"`armswatch version`, CPU (user+sys), median", "< 40 ms", 40 * time.Millisecond, []string{"version"}, ""},
		{"one-shot `armswatch extract` of the seed page, CPU, median", "< 60 ms", 60 * time.Millisecond,
			[]string{"extract", "--url", seedURL, seed}, seed},
	}
	for _, x := range cmds {
		if x.missing != "" {
			if _, err := os.Stat(x.missing); err != nil {
				rep.skip("3", x.what, x.target, err.Error())
				continue
			}
		}
		cpu, wall, err := medianRuns(bin, startupRuns*c.rounds, x.args)
		if err != nil {
			return fmt.Errorf("goal 3: %w", err)
		}
		rep.add("3", x.what, ms(cpu), x.target, fmt.Sprintf("%d runs; wall %s", startupRuns*c.rounds, ms(wall)), cpu < x.limit)
	}
	return nil
}

// medianRuns runs bin n times and returns the median CPU and wall time.
func medianRuns(bin string, n int, args []string) (cpu, wall time.Duration, err error) {
	var cpus, walls []time.Duration
	for range n {
		u, err := runChild(bin, nil, args...)
		if err != nil {
			return 0, 0, err
		}
		cpus, walls = append(cpus, u.cpu), append(walls, u.wall)
	}
	return median(cpus), median(walls), nil
}

// goldURL is the URL a label file gives its page ("" when it cannot be read: the analysis then
// runs without a profile, and the run still measures start-up).
func goldURL(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	var d struct{ URL string }
	if json.Unmarshal(b, &d) != nil {
		return ""
	}
	return d.URL
}
