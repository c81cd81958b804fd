package main

import (
	"context"
	"errors"
)

var errNotYet = errors.New("not implemented yet")

func runStatus(ctx context.Context, e *env, args []string) error    { return errNotYet }
func runCrawl(ctx context.Context, e *env, args []string) error     { return errNotYet }
func runDemo(ctx context.Context, e *env, args []string) error      { return errNotYet }
