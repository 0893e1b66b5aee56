package store_test

import (
	"fmt"
	"io"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/leanforum/awards/store"
	"github.com/leanforum/awards/store/kolada"
	"github.com/leanforum/awards/store/storetest"
)

// The generated benchmark data: benchKPIs × benchMunicipalities ×
// benchYears × three genders, enough for 1,000,000 distinct values.
const (
	benchKPIs           = 100
	benchMunicipalities = 300
	benchYears          = 12
)

// csvGenerator is an io.Reader that writes a values CSV of n rows as it
// is read, so no file and no copy of the input exists.
type csvGenerator struct {
	n, i     int
	shuffled bool // rows in an order far from the key's: a record's genders apart
	buf      []byte
	started  bool
}

// shuffleStep is coprime with the row counts benchmarked, so that row
// i*shuffleStep mod n visits every row once.
const shuffleStep = 7919

func (g *csvGenerator) Read(p []byte) (int, error) {
	if !g.started {
		g.buf, g.started = append(g.buf, store.CSVHeader+"\n"...), true
	}
	for len(g.buf) < len(p) && g.i < g.n {
		i := g.i
		if g.shuffled {
			i = i * shuffleStep % g.n
		}
		row := i
		gender := "TKM"[i%3]
		i /= 3
		year := 2010 + i%benchYears
		i /= benchYears
		muni := 1000 + i%benchMunicipalities
		kpi := i / benchMunicipalities // below 100: B00000 … B00099
		g.buf = append(g.buf, 'B', '0', '0', '0', byte('0'+kpi/10), byte('0'+kpi%10), ',')
		g.buf = append(strconv.AppendInt(g.buf, int64(muni), 10), ',')
		g.buf = append(strconv.AppendInt(g.buf, int64(year), 10), ',', gender, ',')
		g.buf = append(strconv.AppendFloat(g.buf, float64(row%9973)/7, 'f', 3, 64), ',', '\n')
		g.i++
	}
	if len(g.buf) == 0 {
		return 0, io.EOF
	}
	n := copy(p, g.buf)
	g.buf = g.buf[:copy(g.buf, g.buf[n:])]
	return n, nil
}

// benchDB is a fresh database holding the benchmark's KPIs and
// municipalities.
func benchDB(b *testing.B) *store.DB {
	db := storetest.MustOpenDB(b)
	var kpis, munis strings.Builder
	kpis.WriteString(`{"values":[`)
	for i := 0; i < benchKPIs; i++ {
		fmt.Fprintf(&kpis, `%s{"id":"B%05d","title":"Benchmark %d","municipality_type":"K"}`, comma(i), i, i)
	}
	munis.WriteString(`{"values":[`)
	for i := 0; i < benchMunicipalities; i++ {
		fmt.Fprintf(&munis, `%s{"id":"%d","title":"Kommun %d","type":"K"}`, comma(i), 1000+i, i)
	}
	ctx := asAdmin()
	if _, err := db.ImportKPIs(ctx, kolada.NewStream(strings.NewReader(kpis.String()+"]}")), store.ImportOptions{}); err != nil {
		b.Fatal(err)
	}
	if _, err := db.ImportMunicipalities(ctx, kolada.NewStream(strings.NewReader(munis.String()+"]}")), store.ImportOptions{}); err != nil {
		b.Fatal(err)
	}
	return db
}

func comma(i int) string {
	if i == 0 {
		return ""
	}
	return ","
}

// BenchmarkImportCSV imports generated values into an empty table and
// reports values/s and the peak live heap, which should not grow with the
// number of values. The rows come sorted by key, as Kolada's exports do;
// "shuffled" has a record's genders far apart, which the database then
// gathers, and "again" imports the same values a second time, which
// changes nothing.
func BenchmarkImportCSV(b *testing.B) {
	cases := []struct {
		name     string
		n        int
		shuffled bool
		again    bool
	}{
		{"values=100000", 100_000, false, false},
		{"values=1000000", 1_000_000, false, false},
		{"shuffled/values=1000000", 1_000_000, true, false},
		{"again/values=1000000", 1_000_000, false, true},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var elapsed time.Duration
			var peak uint64
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				db := benchDB(b)
				if c.again {
					if _, err := db.ImportCSV(asAdmin(), &csvGenerator{n: c.n}, store.ImportOptions{}); err != nil {
						b.Fatal(err)
					}
				}
				runtime.GC()
				stop := watchHeap(&peak)
				b.StartTimer()
				start := time.Now()
				sum, err := db.ImportCSV(asAdmin(), &csvGenerator{n: c.n, shuffled: c.shuffled}, store.ImportOptions{})
				elapsed += time.Since(start)
				b.StopTimer()
				stop()
				if want := c.n; err != nil || c.again && sum.Unchanged != want || !c.again && sum.Inserted != want {
					b.Fatalf("ImportCSV = %+v, %v", sum, err)
				}
				db.Close()
			}
			b.ReportMetric(float64(c.n)*float64(b.N)/elapsed.Seconds(), "values/s")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
		})
	}
}

// watchHeap samples the live heap every millisecond into peak until stop
// is called.
func watchHeap(peak *uint64) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			*peak = max(*peak, s[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}
