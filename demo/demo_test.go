package demo

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/armswatch/armswatch/config"
)

func TestEveryRouteAnswersWithBaseFilledIn(t *testing.T) {
	files := Site()
	routes, err := Routes(files)
	if err != nil {
		t.Fatal(err)
	}
	if len(routes) < 10 {
		t.Fatalf("only %d routes", len(routes))
	}
	srv := httptest.NewServer(nil)
	defer srv.Close()
	srv.Config.Handler = Handler(files, routes, srv.URL)
	for path := range routes {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("%s: status %d", path, resp.StatusCode)
		}
		if strings.Contains(string(body), "{{base}}") {
			t.Errorf("%s: {{base}} left in the page", path)
		}
	}
	resp, _ := http.Get(srv.URL + "/rss/v2.xml")
	feed, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(feed), srv.URL+"/politics/1215477") {
		t.Errorf("the feed does not link the seed article at the server's address")
	}
	if resp, _ := http.Get(srv.URL + "/no/such/page"); resp.StatusCode != 404 {
		t.Errorf("unknown path: status %d", resp.StatusCode)
	}
}

func TestDemoConfigPassesTheUsersChecks(t *testing.T) {
	c, err := config.Parse("demo.toml", []byte(Config("http://127.0.0.1:8080")))
	if err != nil {
		t.Fatal(err)
	}
	re := c.Sources[0].Pattern
	if !re.MatchString("http://127.0.0.1:8080/politics/1215477") || re.MatchString("http://127.0.0.1:8080/politics") || re.MatchString("http://127.0.0.1:80801/politics/1") {
		t.Errorf("article pattern %q does not separate the demo's articles", re)
	}
}
