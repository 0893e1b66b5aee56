package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/leanforum/awards/graph"
)

// saveScores saves the scores and comments of the scoring form that
// differ from those stored, then submits when asked. On any error the form
// comes back with everything typed and each error beside its criterion.
func (s *Server) saveScores(w http.ResponseWriter, r *http.Request) {
	if !s.requireLogin(w, r) || !s.parsePost(w, r) {
		return
	}
	v := &view{}
	var d scoringData
	if !s.readScoring(w, r, v, &d) {
		return
	}
	c := s.cat(r)
	f := newForm(without(r.PostForm, "csrf", "action"))
	v.Form = f
	if was, now := f.Get("phase"), d.Application.Cycle.Phase; was != now {
		f.fail("", c.text("scoring.phaseMoved", c.text("phase."+was), c.text("phase."+now)))
		s.render(w, r, http.StatusConflict, "jury_scoring", v)
		return
	}
	submit := r.PostFormValue("action") == "submit"
	ok, answered := s.saveChanged(w, r, &d, f)
	if ok && submit {
		ok, answered = s.submitScores(w, r, &d, f)
	}
	if answered {
		return
	}
	if !ok {
		s.render(w, r, http.StatusUnprocessableEntity, "jury_scoring", v)
		return
	}
	if submit {
		s.setFlash(w, "flash.scoresSubmitted")
	} else {
		s.setFlash(w, "flash.scoresSaved")
	}
	http.Redirect(w, r, "/jury/applications/"+url.PathEscape(d.Application.ID), http.StatusSeeOther)
}

// saveChanged runs saveScore for every scored criterion whose value or
// comments differ from the stored ones; it reports whether all went well,
// and whether it has answered (an expired session).
func (s *Server) saveChanged(w http.ResponseWriter, r *http.Request, d *scoringData, f *form) (ok, answered bool) {
	c := s.cat(r)
	ok = true
	for _, k := range d.Criteria {
		if k.Category {
			continue
		}
		in, changed, valid := scoreInput(d.Application.ID, k, f)
		if !valid {
			f.fail("score-"+k.ID, c.text("scoring.notNumber"))
			ok = false
			continue
		}
		if !changed {
			continue
		}
		errs, cont := s.write(w, r, "jury_score_post", map[string]any{"input": in}, nil)
		if !cont {
			return false, true
		}
		for _, e := range errs {
			f.fail(scoreField(e, k.ID), codeMessage(c, e))
			ok = false
		}
	}
	return ok, false
}

// scoreInput is the ScoreInput the form holds for criterion k, whether it
// differs from the stored score, and whether the score is a number.
func scoreInput(app string, k *scoringCriterion, f *form) (map[string]any, bool, bool) {
	value, valid := number(f.Get("score-" + k.ID))
	if !valid {
		return nil, false, false
	}
	strengths := strings.TrimSpace(f.Get("strengths-" + k.ID))
	opportunities := strings.TrimSpace(f.Get("opportunities-" + k.ID))
	in := map[string]any{"applicationId": app, "criterionId": k.ID, "value": nil,
		"strengths": strengths, "opportunities": opportunities}
	if value != nil {
		in["value"] = *value
	}
	old := k.Mine
	if old == nil {
		return in, value != nil || strengths != "" || opportunities != "", true
	}
	same := (value == nil) == (old.Value == nil) && (value == nil || *value == *old.Value) &&
		strengths == old.Strengths && opportunities == old.Opportunities
	return in, !same, true
}

// scoreField is the form field of criterion id an API error belongs to.
func scoreField(e graph.Error, id string) string {
	switch e.Field {
	case "strengths", "opportunities":
		return e.Field + "-" + id
	case "value", "":
		if e.Code == "WRONG_PHASE" || e.Code == "DEADLINE_PASSED" || e.Code == "RECUSED" || e.Code == "NOT_ASSIGNED" ||
			e.Code == "CONFLICT_OF_INTEREST" {
			return ""
		}
	}
	return "score-" + id
}

// submitScores submits the evaluation; INCOMPLETE marks each criterion
// still without a score. It answers as saveChanged.
func (s *Server) submitScores(w http.ResponseWriter, r *http.Request, d *scoringData, f *form) (ok, answered bool) {
	c := s.cat(r)
	errs, cont := s.write(w, r, "jury_submit_post", map[string]any{"id": d.Application.ID}, nil)
	if !cont {
		return false, true
	}
	for _, e := range errs {
		if e.Code != "INCOMPLETE" {
			f.fail("", codeMessage(c, e))
			continue
		}
		f.fail("", c.text("scoring.incomplete"))
		for _, k := range d.Criteria {
			if !k.Category && !k.Independent && strings.TrimSpace(f.Get("score-"+k.ID)) == "" {
				f.fail("score-"+k.ID, c.text("scoring.missing"))
			}
		}
	}
	return len(errs) == 0, false
}
