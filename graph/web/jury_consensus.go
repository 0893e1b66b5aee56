package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// consensusData is one application's deliberation page.
type consensusData struct {
	Me    me `json:"me"`
	Cycle *struct {
		ID       string      `json:"id"`
		Title    string      `json:"title"`
		Phase    string      `json:"phase"`
		Jury     []jurySeat  `json:"jury"`
		Criteria []criterion `json:"criteria"`
		Ranking  *struct {
			Flags []struct {
				ApplicationID string   `json:"applicationId"`
				CriterionID   string   `json:"criterionId"`
				HasConsensus  bool     `json:"hasConsensus"`
				Range         *float64 `json:"range"`
			} `json:"flags"`
		} `json:"ranking"`
	} `json:"cycle"`
	Application *struct {
		ID           string `json:"id"`
		Title        string `json:"title"`
		Organisation *struct {
			Name string `json:"name"`
		} `json:"organisation"`
		Cycle struct {
			ID string `json:"id"`
		} `json:"cycle"`
		Scores    []score     `json:"scores"`
		Consensus []consensus `json:"consensus"`
	} `json:"application"`
	Cells []*deliberation
}

type consensus struct {
	CriterionID   string   `json:"criterionId"`
	Value         float64  `json:"value"`
	Band          *string  `json:"band"`
	Rationale     *string  `json:"rationale"`
	Participants  []string `json:"participants"`
	Strengths     string   `json:"strengths"`
	Opportunities string   `json:"opportunities"`
	RecordedAt    string   `json:"recordedAt"`
}

// deliberation is one scored criterion of the application: the jurors'
// scores side by side, whether it is flagged, the agreed score.
type deliberation struct {
	criterion
	Scores  []namedScore
	Flagged bool
	Range   *float64
	Agreed  *consensus
}

// prepare arranges the page by criterion.
func (d *consensusData) prepare() {
	refs := make([]criterionRef, len(d.Cycle.Criteria))
	for i, k := range d.Cycle.Criteria {
		refs[i] = criterionRef{ID: k.ID, ParentID: k.ParentID}
	}
	leaves := scored(refs)
	for _, k := range d.Cycle.Criteria {
		if !leaves[k.ID] {
			continue
		}
		c := &deliberation{criterion: k}
		for _, s := range d.Application.Scores {
			if s.CriterionID == k.ID {
				c.Scores = append(c.Scores, namedScore{Name: d.JurorName(s.JurorID), score: s})
			}
		}
		for _, f := range d.Cycle.Ranking.Flags {
			if f.ApplicationID == d.Application.ID && f.CriterionID == k.ID {
				c.Flagged, c.Range = true, f.Range
			}
		}
		for i, a := range d.Application.Consensus {
			if a.CriterionID == k.ID {
				c.Agreed = &d.Application.Consensus[i]
			}
		}
		d.Cells = append(d.Cells, c)
	}
}

// JurorName is the name of the juror with user id id.
func (d *consensusData) JurorName(id string) string {
	for _, j := range d.Cycle.Jury {
		if j.UserID == id {
			return j.Name
		}
	}
	return "#" + id
}

// Open is how many flagged cells of the application lack an agreed score.
func (d *consensusData) Open() int {
	n := 0
	for _, c := range d.Cells {
		if c.Flagged && c.Agreed == nil {
			n++
		}
	}
	return n
}

// Editable reports whether an agreed score can be recorded in this phase.
func (d *consensusData) Editable() bool {
	return d.Cycle.Phase == "SCORING" || d.Cycle.Phase == "CONSENSUS"
}

// formValues fill each criterion's consensus form: the agreed score when
// recorded, else the jurors' comments merged and every juror who scored
// as a participant.
func (d *consensusData) formValues() url.Values {
	f := url.Values{}
	for _, c := range d.Cells {
		k := c.ID
		if a := c.Agreed; a != nil {
			f.Set("value-"+k, inputNumber(a.Value))
			if a.Rationale != nil {
				f.Set("rationale-"+k, *a.Rationale)
			}
			f.Set("strengths-"+k, a.Strengths)
			f.Set("opportunities-"+k, a.Opportunities)
			f["participants-"+k] = a.Participants
			continue
		}
		var st, op []string
		for _, s := range c.Scores {
			st, op = appendText(st, s.Strengths), appendText(op, s.Opportunities)
			f.Add("participants-"+k, s.JurorID)
		}
		f.Set("strengths-"+k, strings.Join(st, "\n"))
		f.Set("opportunities-"+k, strings.Join(op, "\n"))
	}
	return f
}

// appendText adds s to list unless it is empty or there already.
func appendText(list []string, s string) []string {
	if s = strings.TrimSpace(s); s != "" && !slices.Contains(list, s) {
		return append(list, s)
	}
	return list
}

func (s *Server) readConsensus(w http.ResponseWriter, r *http.Request, v *view, d *consensusData) bool {
	vars := map[string]any{"cycle": r.PathValue("id"), "app": r.PathValue("app")}
	if !s.read(w, r, "jury_consensus", vars, v, d) {
		return false
	}
	if d.Cycle == nil || d.Application == nil || d.Application.Cycle.ID != d.Cycle.ID {
		s.notFound(w, r)
		return false
	}
	if d.Cycle.Ranking == nil {
		s.errorPage(w, r, forbidden)
		return false
	}
	d.prepare()
	v.Title = d.Application.Title
	return true
}

func (s *Server) consensusPage(w http.ResponseWriter, r *http.Request) {
	if !s.requireLogin(w, r) {
		return
	}
	v := &view{Flash: s.flash(w, r)}
	var d consensusData
	if !s.readConsensus(w, r, v, &d) {
		return
	}
	v.Form = newForm(d.formValues())
	s.render(w, r, http.StatusOK, "jury_consensus", v)
}

// recordConsensus records the agreed score of one criterion; on an error
// the page comes back with what was typed, the error at its field.
func (s *Server) recordConsensus(w http.ResponseWriter, r *http.Request) {
	if !s.requireLogin(w, r) || !s.parsePost(w, r) {
		return
	}
	v := &view{}
	var d consensusData
	if !s.readConsensus(w, r, v, &d) {
		return
	}
	k := r.PathValue("criterion")
	f := newForm(d.formValues())
	for name, vals := range r.PostForm {
		if strings.HasSuffix(name, "-"+k) {
			f.Values[name] = vals
		}
	}
	if len(r.PostForm["participants-"+k]) == 0 {
		delete(f.Values, "participants-"+k)
	}
	v.Form = f
	value, ok := number(f.Get("value-" + k))
	if !ok || value == nil {
		f.fail("value-"+k, s.cat(r).text("consensus.valueMissing"))
		s.render(w, r, http.StatusUnprocessableEntity, "jury_consensus", v)
		return
	}
	in := map[string]any{"applicationId": d.Application.ID, "criterionId": k, "value": *value,
		"rationale": strings.TrimSpace(f.Get("rationale-" + k)), "participants": f.Values["participants-"+k],
		"strengths": strings.TrimSpace(f.Get("strengths-" + k)), "opportunities": strings.TrimSpace(f.Get("opportunities-" + k))}
	if len(f.Values["participants-"+k]) == 0 { // a nil []string in an any is not nil
		in["participants"] = []string{}
	}
	errs, cont := s.write(w, r, "jury_consensus_post", map[string]any{"input": in}, nil)
	if !cont {
		return
	}
	if len(errs) > 0 {
		fields := map[string]string{"value": "value-" + k, "rationale": "rationale-" + k, "participants": "participants-" + k,
			"strengths": "strengths-" + k, "opportunities": "opportunities-" + k}
		for _, e := range errs {
			f.fail(fields[e.Field], codeMessage(s.cat(r), e))
		}
		s.render(w, r, http.StatusUnprocessableEntity, "jury_consensus", v)
		return
	}
	s.setFlash(w, "flash.consensusRecorded")
	http.Redirect(w, r, "/jury/cycles/"+url.PathEscape(d.Cycle.ID)+"/applications/"+url.PathEscape(d.Application.ID)+"#k-"+url.PathEscape(k), http.StatusSeeOther)
}

// Checked reports whether the form's field name holds value, for a
// checkbox.
func (v *view) Checked(name, value string) bool { return slices.Contains(v.Form.Values[name], value) }
