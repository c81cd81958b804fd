package main

import (
	"context"
	"errors"
)

var errNotYet = errors.New("not implemented yet")

func runQuery(ctx context.Context, e *env, args []string) error     { return errNotYet }
func runSearch(ctx context.Context, e *env, args []string) error    { return errNotYet }
func runExport(ctx context.Context, e *env, args []string) error    { return errNotYet }
func runDigest(ctx context.Context, e *env, args []string) error    { return errNotYet }
func runReextract(ctx context.Context, e *env, args []string) error { return errNotYet }
func runDemo(ctx context.Context, e *env, args []string) error      { return errNotYet }
