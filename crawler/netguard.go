package crawler

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"syscall"
	"time"
)

// errPrivate refuses a connection to a loopback, private or link-local address: a public news
// feed must not be able to point the crawler at the user's router or cloud metadata service.
var errPrivate = errors.New("refusing a private or loopback address (set allow_private_addresses to allow it)")

// newTransport builds the HTTP transport. The address check runs on the IP actually dialled,
// after DNS resolution, so a hostname resolving to 127.0.0.1 is refused too. A proxy from the
// environment is dialled as configured (it is the user's own choice).
func newTransport(opt Options) *http.Transport {
	proxyHosts := map[string]bool{}
	for _, v := range []string{"HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"} {
		if u, err := url.Parse(os.Getenv(v)); err == nil && u.Host != "" {
			proxyHosts[u.Host] = true
		}
	}
	dialer := &net.Dialer{Timeout: opt.Timeout, KeepAlive: 30 * time.Second}
	if !opt.AllowPrivate {
		dialer.Control = func(network, address string, _ syscall.RawConn) error {
			host, _, err := net.SplitHostPort(address)
			if err != nil {
				return err
			}
			if ip := net.ParseIP(host); ip != nil && isPrivate(ip) {
				return fmt.Errorf("%s: %w", address, errPrivate)
			}
			return nil
		}
	}
	guarded := dialer.DialContext
	plain := (&net.Dialer{Timeout: opt.Timeout, KeepAlive: 30 * time.Second}).DialContext
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		if proxyHosts[addr] {
			return plain(ctx, network, addr)
		}
		return guarded(ctx, network, addr)
	}
	t.ResponseHeaderTimeout = opt.Timeout
	t.DisableCompression = true // decodingTransport inflates, capped
	t.MaxIdleConnsPerHost = max(2, opt.Parallelism)
	return t
}

func isPrivate(ip net.IP) bool {
	return ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsUnspecified() || ip.IsInterfaceLocalMulticast() || ip.IsMulticast()
}
