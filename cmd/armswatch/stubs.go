package main

import (
	"context"
	"errors"
)

var errNotYet = errors.New("not implemented yet")

func runDemo(ctx context.Context, e *env, args []string) error { return errNotYet }
