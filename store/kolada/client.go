package kolada

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// MaxIDsPerSegment is the most ids Kolada accepts in one path segment;
// longer lists are split over several requests.
const MaxIDsPerSegment = 25

// Client reads the Kolada API v3. The zero value is not usable: set
// BaseURL; the other fields have defaults.
type Client struct {
	// BaseURL is the API root, such as https://api.kolada.se/v3.
	BaseURL string
	// HTTP sends the requests (http.DefaultClient when nil).
	HTTP *http.Client
	// PerPage is the page size asked for (5,000, Kolada's largest, when 0).
	PerPage int
	// MaxRetries bounds the retries of one request after HTTP 429 or a
	// 502–504 (6 when 0).
	MaxRetries int
	// Backoff is the first wait when the server gives no Retry-After; it
	// doubles with each retry up to MaxBackoff (1 s and 1 min when 0). A
	// Retry-After longer than MaxBackoff is not waited for: the request fails.
	Backoff, MaxBackoff time.Duration
	// Sleep waits between retries, returning early with ctx's error when it
	// ends; tests replace it to record the waits.
	Sleep func(ctx context.Context, d time.Duration) error
}

// KPIs streams the KPI catalogue (/kpi) into KPI records.
func (c *Client) KPIs(ctx context.Context) *Stream { return c.stream(ctx, []string{"/kpi"}) }

// Municipalities streams /municipality into Municipality records.
func (c *Client) Municipalities(ctx context.Context) *Stream {
	return c.stream(ctx, []string{"/municipality"})
}

// Groups streams /municipality_groups into Group records.
func (c *Client) Groups(ctx context.Context) *Stream {
	return c.stream(ctx, []string{"/municipality_groups"})
}

// DataQuery selects values: KPIs and at least one of municipalities (or
// group ids) and years.
type DataQuery struct {
	KPIs           []string
	Municipalities []string
	Years          []int
}

// Paths returns the /data paths that cover q, each naming at most
// MaxIDsPerSegment ids per segment.
func (q DataQuery) Paths() ([]string, error) {
	if len(q.KPIs) == 0 || len(q.Municipalities) == 0 && len(q.Years) == 0 {
		return nil, fmt.Errorf("kolada: a data query needs KPIs and municipalities or years")
	}
	if err := q.check(); err != nil {
		return nil, err
	}
	years := make([]string, len(q.Years))
	for i, y := range q.Years {
		years[i] = strconv.Itoa(y)
	}
	paths := []string{"/data"}
	for _, seg := range []struct {
		name string
		ids  []string
	}{{"kpi", q.KPIs}, {"municipality", q.Municipalities}, {"year", years}} {
		if len(seg.ids) == 0 {
			continue
		}
		var next []string
		for _, p := range paths {
			for _, c := range chunks(seg.ids, MaxIDsPerSegment) {
				next = append(next, p+"/"+seg.name+"/"+strings.Join(c, ","))
			}
		}
		paths = next
	}
	return paths, nil
}

// check refuses ids that are not Kolada's, which also keeps the paths
// free of characters that would need escaping.
func (q DataQuery) check() error {
	for _, k := range q.KPIs {
		if !IsKPIID(k) {
			return fmt.Errorf("kolada: %q is not a KPI id", k)
		}
	}
	for _, m := range q.Municipalities {
		if !IsMunicipalityID(m) && !IsGroupID(m) {
			return fmt.Errorf("kolada: %q is neither a municipality code nor a group id", m)
		}
	}
	for _, y := range q.Years {
		if y < MinYear || y > MaxYear {
			return fmt.Errorf("kolada: %d is not a year between %d and %d", y, MinYear, MaxYear)
		}
	}
	return nil
}

func chunks(ids []string, n int) [][]string {
	var out [][]string
	for len(ids) > n {
		out = append(out, ids[:n])
		ids = ids[n:]
	}
	return append(out, ids)
}

// Data streams the values q selects into Data records, request by request
// and page by page.
func (c *Client) Data(ctx context.Context, q DataQuery) (*Stream, error) {
	paths, err := q.Paths()
	if err != nil {
		return nil, err
	}
	return c.stream(ctx, paths), nil
}

// stream reads the pages of paths in order, following next_url.
func (c *Client) stream(ctx context.Context, paths []string) *Stream {
	base := strings.TrimRight(c.BaseURL, "/")
	per := c.PerPage
	if per == 0 {
		per = 5000
	}
	urls := make([]string, len(paths))
	for i, p := range paths {
		urls[i] = fmt.Sprintf("%s%s?per_page=%d", base, p, per)
	}
	return &Stream{ctx: ctx, open: c.get, follow: true, pending: urls}
}

// get fetches a page, retrying after HTTP 429 and 502–504 with back-off.
func (c *Client) get(ctx context.Context, rawURL string) (io.ReadCloser, error) {
	u, err := c.resolve(rawURL)
	if err != nil {
		return nil, err
	}
	for attempt := 0; ; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return nil, fmt.Errorf("kolada: %w", err)
		}
		req.Header.Set("Accept", "application/json")
		resp, err := c.client().Do(req)
		if err != nil {
			return nil, fmt.Errorf("kolada: %w", err)
		}
		if resp.StatusCode == http.StatusOK {
			return resp.Body, nil
		}
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
		if !retryable(resp.StatusCode) || attempt >= c.maxRetries() {
			return nil, fmt.Errorf("kolada: GET %s: %s (after %d retries)", u, resp.Status, attempt)
		}
		wait, err := c.wait(attempt, resp.Header.Get("Retry-After"))
		if err != nil {
			return nil, fmt.Errorf("kolada: GET %s: %w", u, err)
		}
		if err := c.sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

// resolve makes a next_url absolute and keeps it on the API's host.
func (c *Client) resolve(raw string) (string, error) {
	base, err := url.Parse(c.BaseURL)
	if err != nil || base.Host == "" {
		return "", fmt.Errorf("kolada: the base URL %q is not an absolute URL", c.BaseURL)
	}
	u, err := base.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("kolada: bad next_url %q: %w", raw, err)
	}
	if u.Host != base.Host {
		return "", fmt.Errorf("kolada: next_url %q leaves %s", raw, base.Host)
	}
	return u.String(), nil
}

func retryable(status int) bool {
	return status == http.StatusTooManyRequests || status == http.StatusBadGateway ||
		status == http.StatusServiceUnavailable || status == http.StatusGatewayTimeout
}

// wait is how long to wait before retry attempt+1: the server's
// Retry-After when it gives one, else Backoff doubled per attempt, capped.
func (c *Client) wait(attempt int, retryAfter string) (time.Duration, error) {
	first, limit := c.Backoff, c.MaxBackoff
	if first <= 0 {
		first = time.Second
	}
	if limit <= 0 {
		limit = time.Minute
	}
	if d, ok := parseRetryAfter(retryAfter, time.Now()); ok {
		if d > limit {
			return 0, fmt.Errorf("the server asks to wait %s, longer than %s", d, limit)
		}
		return d, nil
	}
	d := first
	for i := 0; i < attempt && d < limit; i++ {
		d *= 2
	}
	return min(d, limit), nil
}

// parseRetryAfter reads delay-seconds or an HTTP date.
func parseRetryAfter(s string, now time.Time) (time.Duration, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	if n, err := strconv.Atoi(s); err == nil && n >= 0 {
		return time.Duration(n) * time.Second, true
	}
	if t, err := http.ParseTime(s); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

func (c *Client) sleep(ctx context.Context, d time.Duration) error {
	if c.Sleep != nil {
		return c.Sleep(ctx, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (c *Client) client() *http.Client {
	if c.HTTP != nil {
		return c.HTTP
	}
	return http.DefaultClient
}

func (c *Client) maxRetries() int {
	if c.MaxRetries > 0 {
		return c.MaxRetries
	}
	return 6
}
