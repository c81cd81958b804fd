package main

import (
	"errors"
	"flag"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/mattn/go-isatty"
)

// helpPrinters holds each FlagSet's help, printed only on -h: a bad flag is one line on stderr
// (cron mails it), not a screenful of usage.
var helpPrinters sync.Map // *flag.FlagSet -> func()

// newFlags makes a FlagSet whose errors become usage errors (exit 2) instead of os.Exit.
func newFlags(e *env, name, argsUsage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	helpPrinters.Store(fs, func() {
		io.WriteString(e.stdout, "usage: armswatch "+name+" [flags] "+argsUsage+"\n")
		fs.SetOutput(e.stdout)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	})
	return fs
}

// parseFlags parses args; flags may come before or after positional arguments.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				if help, ok := helpPrinters.LoadAndDelete(fs); ok {
					help.(func())()
				}
				return nil, errQuietHelp
			}
			helpPrinters.Delete(fs)
			return nil, usageError("%s: %v (armswatch %s -h lists the flags)", fs.Name(), err, fs.Name())
		}
		args = fs.Args()
		if len(args) == 0 {
			helpPrinters.Delete(fs)
			return pos, nil
		}
		if args[0] == "--" {
			helpPrinters.Delete(fs)
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// flagGiven tells whether the flag name was on the command line (its zero value may differ
// from its absence).
func flagGiven(fs *flag.FlagSet, name string) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}

// stringList is a repeatable string flag (--source a --source b).
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

func isTerminal(f *os.File) bool {
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}
