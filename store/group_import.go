package store

import (
	"context"
	"fmt"

	"github.com/lib/pq"

	"github.com/leanforum/awards/store/kolada"
)

// groupUpsert merges the staged groups' ids, titles and kinds.
var groupUpsert = mergeCounts(`INSERT INTO municipality_groups AS g (id, title, kind)
	SELECT id, title, kind FROM groups_in
	ON CONFLICT (id) DO UPDATE SET title = excluded.title, kind = excluded.kind, demo = false, updated_at = now()
	WHERE (g.title, g.kind, g.demo) IS DISTINCT FROM (excluded.title, excluded.kind, false)`)

// groupMembersMerge makes the staged groups' members those of the input
// and answers the ids of the groups whose members changed.
const groupMembersMerge = `WITH want AS (SELECT DISTINCT id AS group_id, unnest(members) AS municipality_code FROM groups_in),
	gone AS (DELETE FROM municipality_group_members gm USING groups_in i WHERE gm.group_id = i.id
		AND NOT EXISTS (SELECT 1 FROM want w WHERE w.group_id = gm.group_id AND w.municipality_code = gm.municipality_code)
		RETURNING gm.group_id),
	added AS (INSERT INTO municipality_group_members (group_id, municipality_code)
		SELECT group_id, municipality_code FROM want ON CONFLICT DO NOTHING RETURNING group_id)
	SELECT DISTINCT group_id FROM (SELECT group_id FROM gone UNION ALL SELECT group_id FROM added) x`

// ImportGroups imports Kolada's municipality groups
// (/municipality_groups) with their members, who must be stored
// municipalities. Only admins may.
func (db *DB) ImportGroups(ctx context.Context, s *kolada.Stream, opts ImportOptions) (*ImportSummary, error) {
	return db.runImport(ctx, "groups", opts, func(run *importRun) error {
		var codes []string
		if err := run.tx.sel(ctx, &codes, `SELECT code FROM municipalities`); err != nil {
			return err
		}
		known := setOf(codes)
		cp, err := run.tx.stage(ctx, "groups_in", `pos integer, id text, title text, kind text, members text[]`,
			"pos", "id", "title", "kind", "members")
		if err != nil {
			return err
		}
		defer cp.stmt.Close()
		var g kolada.Group
		err = run.eachRecord(s, &g, func(i int) error {
			members := make([]string, len(g.Members))
			for j, m := range g.Members {
				if !known[m.ID] {
					return recordError(i, fmt.Sprintf("members[%d].member_id", j),
						fmt.Sprintf("unknown municipality %q (import the municipalities first)", m.ID))
				}
				members[j] = m.ID
			}
			return cp.add(ctx, i, g.ID, g.Title, string(koladaGroupKind(g.ID, g.Title)), pq.Array(members))
		})
		if err != nil {
			return err
		}
		if err := cp.flush(ctx); err != nil {
			return err
		}
		if err := run.merge(ctx, cp.rows, dupes{table: "groups_in", key: []string{"id"}}, groupUpsert); err != nil {
			return err
		}
		return run.mergeMembers(ctx)
	})
}

// mergeMembers merges the members and counts a group whose members alone
// changed as updated. Within the transaction now() is fixed, so a group
// the upsert wrote already has updated_at = now().
func (r *importRun) mergeMembers(ctx context.Context) error {
	var changed []string
	if err := r.tx.sel(ctx, &changed, groupMembersMerge); err != nil {
		return err
	}
	n, err := r.tx.exec(ctx, `UPDATE municipality_groups SET updated_at = now()
		WHERE id = ANY($1) AND updated_at <> now()`, pq.Array(changed))
	r.sum.Updated += int(n)
	r.sum.Unchanged -= int(n)
	return err
}
