package store_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/leanforum/awards/store/storetest"
)

func TestLoginAttemptWindow(t *testing.T) {
	db := storetest.MustOpenDB(t)
	ctx := context.Background()
	const window = 1500 * time.Millisecond
	attempt := func(keys ...string) time.Duration {
		t.Helper()
		wait, err := db.RecordLoginAttempt(ctx, keys, 2, window)
		if err != nil {
			t.Fatal(err)
		}
		return wait
	}
	if attempt("a", "x") != 0 || attempt("a", "y") != 0 {
		t.Fatal("the first two attempts were refused")
	}
	if w := attempt("a", "z"); w <= 0 || w > window {
		t.Fatalf("third attempt: wait %v, want up to %v", w, window)
	}
	if attempt("b", "z") != 0 {
		t.Error("a refused attempt was counted against its other keys")
	}
	// Refunds take attempts back.
	for i := 0; i < 5; i++ {
		if attempt("c") != 0 {
			t.Fatalf("attempt %d under c refused; each was refunded", i)
		}
		if err := db.RefundLoginAttempt(ctx, "c"); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(window) // the attempts leave the window
	if attempt("a") != 0 || attempt("a") != 0 || attempt("a") == 0 {
		t.Error("after the window a had not two attempts again, and no more")
	}
}

// Concurrent attempts under one key are counted one at a time: no more
// than the limit get through.
func TestLoginAttemptsConcurrently(t *testing.T) {
	db := storetest.MustOpenDB(t)
	var wg sync.WaitGroup
	var mu sync.Mutex
	allowed := 0
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			wait, err := db.RecordLoginAttempt(context.Background(), []string{"account:a", "address:x"}, 5, time.Minute)
			if err != nil {
				t.Error(err)
			}
			if wait == 0 {
				mu.Lock()
				allowed++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if allowed != 5 {
		t.Errorf("%d of 20 concurrent attempts allowed, want the limit of 5", allowed)
	}
}
