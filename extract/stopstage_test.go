package extract

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// deadlineAfter is a context whose deadline passes at its n-th Err call: a deadline that
// falls in the middle of a stage, deterministically.
type deadlineAfter struct {
	context.Context
	n int
}

func (c *deadlineAfter) Err() error {
	if c.n--; c.n < 0 {
		return context.DeadlineExceeded
	}
	return nil
}

// A deadline that passes while statements are read leaves no statements (not the first two of
// five), and the warning names statements among the stages not done.
func TestDeadlineInsideStatementsDropsThem(t *testing.T) {
	text := strings.Repeat("Ryabkov said the talks would resume in Geneva.\n\n", 5)
	// Err calls: before dates, before statements, then one per sentence read
	ctx := &deadlineAfter{Context: context.Background(), n: 4}
	a, err := TextContext(ctx, text, Options{})
	if !errors.Is(err, ErrStopped) {
		t.Fatalf("err %v; want ErrStopped", err)
	}
	if len(a.Statements) != 0 {
		t.Fatalf("%d statements kept from a stage stopped midway; want none", len(a.Statements))
	}
	if w := strings.Join(a.Warnings, "; "); !strings.Contains(w, "not done: statements, figures") {
		t.Fatalf("warnings %q; want statements among the stages not done", w)
	}
	if all, err := TextContext(context.Background(), text, Options{}); err != nil || len(all.Statements) != 5 {
		t.Fatalf("without a deadline: %d statements, %v; want 5", len(all.Statements), err)
	}
}
