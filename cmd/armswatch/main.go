// Command armswatch crawls arms-control news, extracts who said what, when and the numbers, and
// keeps it in SQLite. This package only wires the other packages together; see spec/cli.md.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// command is one subcommand: it parses its own flags from args.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

// env is what commands read and write besides their flags, so tests can run them in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	isTerminal     bool // stdout is a terminal
}

func commands() []command {
	return []command{
		{"crawl", "crawl the configured sources into the database", runCrawl},
		{"extract", "analyze local HTML or text files and print JSON", runExtract},
		{"query", "run read-only SQL against the database", runQuery},
		{"search", "full-text search over statements and articles", runSearch},
		{"export", "write statements, figures or articles as CSV", runExport},
		{"digest", "the new items of a period, grouped by treaty and speaker", runDigest},
		{"stories", "copies of one article across outlets, with their first publisher", runStories},
		{"status", "the last crawl runs and each source's health", runStatus},
		{"serve", "serve read-only web pages (and JSON, CSV) over the database", runServe},
		{"watch", "saved searches that notify: list, test NAME, run", runWatch},
		{"reextract", "run the current analyzer again over stored pages", runReextract},
		{"migrate", "copy a SQLite database into PostgreSQL (--to postgres://...)", runMigrate},
		{"worker", "crawl the sources from a job queue shared with other workers (PostgreSQL)", runWorker},
		{"demo", "crawl an embedded offline news site into a demo database", runDemo},
		{"version", "print the version", runVersion},
	}
}

func main() {
	ctx := context.Background()
	if len(os.Args) > 1 && graceful[os.Args[1]] {
		// These commands finish the page or article in hand and record the run on SIGINT or
		// SIGTERM; a second signal kills at once. The others hold no state worth saving, so a
		// signal stops them as it stops any program (extract of a huge file, a long query).
		var stop context.CancelFunc
		ctx, stop = signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
		go func() { <-ctx.Done(); stop() }()
	}
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, isTerminal: isTerminal(os.Stdout)}
	os.Exit(run(ctx, e, os.Args[1:]))
}

// graceful lists the commands that stop cleanly on a signal instead of dying.
var graceful = map[string]bool{"crawl": true, "demo": true, "reextract": true, "serve": true, "worker": true}

// run executes one command line and returns the process exit status (spec/cli.md).
func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		if len(args) == 0 {
			usage(e.stderr)
			return exitUsage
		}
		usage(e.stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return exitStatus(e.stderr, c.run(ctx, e, args[1:]))
		}
	}
	fmt.Fprintf(e.stderr, "armswatch: unknown command %q (run armswatch help)\n", args[0])
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: armswatch COMMAND [flags]\n\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nrun armswatch COMMAND -h for a command's flags")
}

// Exit statuses of spec/cli.md.
const (
	exitOK     = 0
	exitFailed = 1
	exitUsage  = 2
	exitLocked = 3
)

// exitError carries an exit status other than 1 up to run.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usageError reports bad usage or configuration (exit 2).
func usageError(format string, a ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, a...)}
}

func exitStatus(stderr io.Writer, err error) int {
	if err == nil {
		return exitOK
	}
	var ee *exitError
	code := exitFailed
	if errors.As(err, &ee) {
		code = ee.code
	}
	if !errors.Is(err, errQuietHelp) {
		fmt.Fprintf(stderr, "armswatch: %v\n", err)
	}
	if errors.Is(err, errQuietHelp) {
		return exitOK
	}
	return code
}

// errQuietHelp is returned when -h was asked for: the flag package already printed the usage.
var errQuietHelp = errors.New("help requested")
