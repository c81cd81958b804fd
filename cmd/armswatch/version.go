package main

import (
	"context"
	"fmt"

	"github.com/armswatch/armswatch/extract"
)

// version is set at build time with -ldflags "-X main.version=..."; the analyzer version is
// printed too because it decides what reextract redoes.
var version = "dev"

func runVersion(ctx context.Context, e *env, args []string) error {
	fmt.Fprintf(e.stdout, "armswatch %s (analyzer %s)\n", version, extract.Version)
	return nil
}
