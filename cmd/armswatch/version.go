package main

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/armswatch/armswatch/extract"
)

// version overrides the version of the build info when set at build time with
// -ldflags "-X main.version=1.2.0" (packagers who build from a tarball without VCS data).
var version = ""

// runVersion prints the version, then the commit the binary was built from when Go recorded
// it. The analyzer version is printed too because it decides what reextract redoes.
func runVersion(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "version", "")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	info, _ := debug.ReadBuildInfo()
	_, err := io.WriteString(e.stdout, versionText(version, info))
	return err
}

// versionText renders the version from the override or the build info: the main module's
// version (v1.2.0 from go install ...@v1.2.0; a pseudo-version such as
// v0.0.0-20261205140000-7752e51abcde+dirty from a checkout) and the vcs.* settings.
func versionText(override string, info *debug.BuildInfo) string {
	v := override
	var rev, when, goVersion string
	modified := false
	if info != nil {
		if v == "" {
			v = info.Main.Version
		}
		goVersion = info.GoVersion
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	if v == "" || v == "(devel)" {
		v = "devel" // go run, go test, or a build without module or VCS data
	}
	var b strings.Builder
	fmt.Fprintf(&b, "armswatch %s (analyzer %s)\n", v, extract.Version)
	if rev != "" {
		b.WriteString("commit " + rev)
		if when != "" {
			b.WriteString(" of " + when)
		}
		if modified {
			b.WriteString(" with uncommitted changes")
		}
		if goVersion != "" {
			b.WriteString(", built with " + goVersion)
		}
		b.WriteString("\n")
	}
	return b.String()
}
