package figures

import (
	"bufio"
	"fmt"
	"os"
	"testing"
)

func TestProbe(t *testing.T) {
	f, err := os.Open("/tmp/figures2-probe.txt")
	if err != nil {
		t.Skip()
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		fs := Extract(line, nil)
		fmt.Printf("%s\n   => %s\n", line, brief(fs))
		for _, x := range fs {
			fmt.Printf("      [%s]\n", x.Text)
		}
	}
}
