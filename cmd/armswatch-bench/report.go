package main

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// row is one figure of a goal: ours, the target, and what ours is compared with.
type row struct {
	goal, what, ours, target, beside string
	verdict                          string // "met", "missed" or "" (not measured)
}

// report collects the rows of all goals, printed as one table at the end.
type report struct {
	header, footer string
	rows           []row
}

// add records a measured figure; met says whether it reaches its target.
func (r *report) add(goal, what, ours, target, beside string, met bool) {
	v := "missed"
	if met {
		v = "met"
	}
	r.rows = append(r.rows, row{goal, what, ours, target, beside, v})
}

// skip records a figure that was not measured, and why.
func (r *report) skip(goal, what, target, why string) {
	r.rows = append(r.rows, row{goal, what, "not measured", target, why, ""})
}

func (r *report) print(w io.Writer) {
	if r.header != "" {
		fmt.Fprintln(w, r.header)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "goal\tmeasure\tours\ttarget\t\tbeside ours")
	for _, x := range r.rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", x.goal, x.what, x.ours, x.target, x.verdict, x.beside)
	}
	tw.Flush()
	if r.footer != "" {
		fmt.Fprintln(w, r.footer)
	}
}
