package store_test

import (
	"context"
	"sync"
	"testing"

	"github.com/leanforum/awards/store"
	"github.com/leanforum/awards/store/storetest"
)

func TestConcurrentMigrationsApplyOnce(t *testing.T) {
	dsn := storetest.NewBlankDatabase(t)
	ctx := context.Background()
	const n = 4
	applied := make([][]string, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			db, err := store.Open(ctx, dsn)
			if err != nil {
				errs[i] = err
				return
			}
			defer db.Close()
			applied[i], errs[i] = db.Migrate(ctx)
		}(i)
	}
	wg.Wait()
	migrators := 0
	for i := range errs {
		if errs[i] != nil {
			t.Fatalf("Migrate %d: %v", i, errs[i])
		}
		if len(applied[i]) > 0 {
			migrators++
		}
	}
	if migrators != 1 {
		t.Errorf("%d processes applied migrations (%v), want exactly 1", migrators, applied)
	}
}
