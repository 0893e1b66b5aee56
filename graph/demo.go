package graph

import (
	"context"
	"encoding/json"

	"github.com/leanforum/awards/store"
)

// PublishDemoReport defines and publishes the demo's benchmark report on
// the demo's synthetic values, so a fresh `make run` shows a published
// report; seed-demo calls it once, right after loading the demo.
func PublishDemoReport(ctx context.Context, db *store.DB) (*store.BenchmarkVersion, error) {
	ctx = store.WithActor(ctx, &store.Actor{Role: store.RoleAdmin})
	group := "G92790"
	def, err := db.CreateBenchmarkReport(ctx, store.BenchmarkReportInput{
		Title:  "Väntetider och utredningstider i större städer (demo, syntetiska värden)",
		KPIIDs: []string{"U33401", "U31402", "U21468"}, Years: []int{store.DemoLastYear - 2, store.DemoLastYear - 1, store.DemoLastYear},
		GroupID: &group, Focus: []string{"0181", "0580", "2480", "1280"}})
	if err != nil {
		return nil, err
	}
	built, date, err := buildReport(ctx, db, def)
	if err != nil {
		return nil, err
	}
	snapshot, err := json.Marshal(built)
	if err != nil {
		return nil, err
	}
	return db.PublishBenchmarkReport(ctx, def.ID, def.Version, snapshot, date)
}
