package main

import (
	"runtime/debug"
	"strings"
	"testing"

	"github.com/armswatch/armswatch/extract"
)

func TestVersionFromBuildInfo(t *testing.T) {
	vcs := []debug.BuildSetting{{Key: "-tags", Value: "sqlite_fts5"}, {Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "7752e51abcde0123456789abcdef0123456789ab"},
		{Key: "vcs.time", Value: "2026-12-05T14:00:00Z"}, {Key: "vcs.modified", Value: "true"}}
	analyzer := " (analyzer " + extract.Version + ")\n"
	cases := []struct {
		name, override string
		info           *debug.BuildInfo
		want           string
	}{
		{"go install @version", "", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.0"}},
			"armswatch v1.2.0" + analyzer},
		{"build from a checkout", "", &debug.BuildInfo{GoVersion: "go1.26.8",
			Main: debug.Module{Version: "v0.0.0-20261205140000-7752e51abcde+dirty"}, Settings: vcs},
			"armswatch v0.0.0-20261205140000-7752e51abcde+dirty" + analyzer +
				"commit 7752e51abcde0123456789abcdef0123456789ab of 2026-12-05T14:00:00Z with uncommitted changes, built with go1.26.8\n"},
		{"-ldflags -X wins", "1.2.0-debian1", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: vcs[:4]},
			"armswatch 1.2.0-debian1" + analyzer + "commit 7752e51abcde0123456789abcdef0123456789ab of 2026-12-05T14:00:00Z, built with go1.26.8\n"},
		{"no module data", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "armswatch devel" + analyzer},
		{"no build info", "", nil, "armswatch devel" + analyzer},
	}
	for _, c := range cases {
		if got := versionText(c.override, c.info); got != c.want {
			t.Errorf("%s:\ngot  %q\nwant %q", c.name, got, c.want)
		}
	}
	code, out, _ := runCLI(t, "", "version")
	if code != 0 || !strings.HasPrefix(out, "armswatch ") || strings.HasPrefix(out, "armswatch dev ") || !strings.Contains(out, "(analyzer "+extract.Version+")") {
		t.Errorf("armswatch version: exit %d %q", code, out)
	}
}
