package store_test

import (
	"bytes"
	"context"
	"sync"
	"testing"

	"github.com/leanforum/awards/store/storetest"
)

func TestSecretIsMadeOnceAndShared(t *testing.T) {
	db := storetest.MustOpenDB(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	got := make([][]byte, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var err error
			if got[i], err = db.Secret(ctx, "links"); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	for _, g := range got {
		if len(g) != 32 || !bytes.Equal(g, got[0]) {
			t.Fatalf("secrets %x; want one of 32 bytes for every caller", got)
		}
	}
	other, err := db.Secret(ctx, "other")
	if err != nil || bytes.Equal(other, got[0]) {
		t.Errorf("another name's secret = %x, %v; want a different one", other, err)
	}
}
