package store

import "database/sql"

// criterionColumns are the columns criterionScanner reads, k being
// criteria.
const criterionColumns = `k.id, k.cycle_id, k.parent_id, k.position, k.code, k.title, k.guidance,
	k.weight, k.scale_min, k.scale_max, k.scale_step, k.bands, k.independent`

// criterionScanner reads criteria rows without sqlx's reflection, and
// decodes each distinct bands text once: a template's criteria share
// theirs, and decoding 420 criteria's bands was a fifth of a request for
// awards → cycles → criteria. Criteria of one scanner share the decoded
// slice, which nothing changes.
type criterionScanner struct {
	bands map[string]Bands
	raw   sql.RawBytes
}

// scan reads the row rows is at.
func (sc *criterionScanner) scan(rows *sql.Rows) (*Criterion, error) {
	k := &Criterion{}
	if err := rows.Scan(&k.ID, &k.CycleID, &k.ParentID, &k.Position, &k.Code, &k.Title, &k.Guidance,
		&k.Weight, &k.ScaleMin, &k.ScaleMax, &k.ScaleStep, &sc.raw, &k.Independent); err != nil {
		return k, err
	}
	if b, ok := sc.bands[string(sc.raw)]; ok {
		k.Bands = b
		return k, nil
	}
	b, err := decodeBands(sc.raw)
	if sc.bands == nil {
		sc.bands = map[string]Bands{}
	}
	sc.bands[string(sc.raw)] = b
	k.Bands = b
	return k, err
}
