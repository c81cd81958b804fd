package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"time"

	"github.com/armswatch/armswatch/serve"
)

// runServe serves the read-only web pages over the database until interrupted.
func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "")
	db := dbFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on; a non-loopback address needs --token")
	token := fs.String("token", "", "secret every request must carry (default $ARMSWATCH_TOKEN); required off loopback")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError("serve: unexpected argument %q", rest[0])
	}
	if *token == "" {
		*token = os.Getenv("ARMSWATCH_TOKEN")
	}
	host, _, err := net.SplitHostPort(*addr)
	if err != nil {
		return usageError("serve: --addr %q: want HOST:PORT, e.g. 127.0.0.1:8080", *addr)
	}
	if !isLoopback(host) && *token == "" {
		return usageError("serve: --addr %s is reachable from other machines: give --token SECRET (or set ARMSWATCH_TOKEN), or listen on 127.0.0.1", *addr)
	}
	path, err := dbPath(*db, "")
	if err != nil {
		return err
	}
	d, err := openRead(ctx, path)
	if err != nil {
		return err
	}
	defer d.Close()
	logger := slog.New(slog.NewTextHandler(e.stderr, nil))
	h, err := serve.New(d, serve.Options{Token: *token, Hosts: []string{host}, Logger: logger})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 5 * time.Minute, IdleTimeout: 2 * time.Minute, ErrorLog: slog.NewLogLogger(logger.Handler(), slog.LevelWarn)}
	link := "http://" + ln.Addr().String() + "/"
	if *token != "" {
		link += "?token=" + url.QueryEscape(*token)
	}
	fmt.Fprintf(e.stdout, "serving %s read-only at %s (Ctrl-C stops)\n", databaseName(path), link)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return srv.Shutdown(shut)
	}
}

// isLoopback tells whether a listen host only accepts connections from this machine.
func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
