package scoring

// Flag marks a cell on which the jurors disagree, and says which rule
// triggered; both rules may.
type Flag struct {
	Application string
	Criterion   string
	Range       float64 // the cell's range, on the criterion's scale
	SD          float64 // the cell's sample SD, on the criterion's scale
	// ByRange is set when Range exceeds Options.RangeShare of the scale.
	ByRange bool
	// BySD is set when SD exceeds Options.SDShare of the scale.
	BySD bool
}

// shareTolerance keeps a range that equals the limit exactly, such as 30 on
// a 0–100 scale at share 0.30, from being flagged through rounding.
const shareTolerance = 1e-12

// flags returns the flagged cells in cell order. Independent criteria are
// checked too: disagreement matters whether or not a criterion is summed.
func flags(d *dataset, g grid, o Options) []Flag {
	var out []Flag
	for i := range g.cells {
		cell := &g.cells[i]
		scale := d.criteria[g.crit[i]].scale()
		st := cell.Stats
		f := Flag{
			Application: cell.Application,
			Criterion:   cell.Criterion,
			Range:       st.Range,
			SD:          st.SD,
			ByRange:     exceeds(st.Range, o.RangeShare, scale),
			BySD:        exceeds(st.SD, o.SDShare, scale),
		}
		if f.ByRange || f.BySD {
			out = append(out, f)
		}
	}
	return out
}

// exceeds reports whether v is more than share of scale.
func exceeds(v, share, scale float64) bool {
	return v/scale > share+shareTolerance
}
