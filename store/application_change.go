package store

import (
	"context"
	"strings"
)

// ApplicationUpdate holds the changes to a draft; nil fields stay as they
// are. Answers are set per criterion (an empty text removes the answer);
// Indicators, when not nil, replace the whole list.
type ApplicationUpdate struct {
	Title      *string
	Summary    *string
	Answers    []AnswerInput
	Indicators *[]IndicatorInput
}

// changeApplication runs fn on a locked application the caller may
// change (applicationWritable), refusing a stale version, then bumps the
// version, records action (when not "") in the audit log and returns the
// row. A caller who may read the application but not change it is
// FORBIDDEN; one who may not read it gets NOT_FOUND, as for an id that
// does not exist, and locks nothing.
func (db *DB) changeApplication(ctx context.Context, id int64, version int, action string,
	fn func(tx conn, a *Application, c *Cycle) error) (*Application, error) {
	act := ActorFrom(ctx)
	if act == nil {
		return nil, Errorf(Unauthenticated, "log in to change an application")
	}
	out := &Application{}
	err := db.inTx(ctx, func(tx conn) error {
		a := &Application{}
		err := lockForChange(ctx, tx, a, "application", id,
			`SELECT a.* FROM applications a WHERE a.id = $4 AND `+applicationWritable+` FOR UPDATE OF a`,
			`SELECT EXISTS (SELECT 1 FROM applications a WHERE a.id = $4 AND `+applicationVisible+`)`,
			visibility(act, id))
		if err != nil {
			return err
		}
		if a.Version != version {
			return Errorf(Conflict, "application %d is at version %d, not %d; reload it and try again", id, a.Version, version)
		}
		c, err := db.findCycle(ctx, tx, a.CycleID)
		if err != nil {
			return err
		}
		before := applicationState(a)
		if err := fn(tx, a, c); err != nil {
			return err
		}
		err = tx.get(ctx, out, `UPDATE applications SET title = $2, summary = $3, status = $4, eligibility = $5,
				eligibility_reason = $6, withdrawal_reason = $7, submitted_at = $8, withdrawn_at = $9,
				decision = $11, citation = $12, version = version + 1, updated_at = $10
			WHERE id = $1 RETURNING *`, a.ID, a.Title, a.Summary, a.Status, a.Eligibility,
			a.EligibilityReason, a.WithdrawalReason, a.SubmittedAt, a.WithdrawnAt, db.Now(), a.Decision, a.Citation)
		if err != nil || action == "" {
			return err
		}
		return db.audit(ctx, tx, a.CycleID, action, "application", a.ID, before, applicationState(out))
	})
	return out, err
}

// applicationState is what the audit log keeps of an application's
// change: its status, eligibility, decision and their reasons.
func applicationState(a *Application) map[string]any {
	return map[string]any{"status": a.Status, "eligibility": a.Eligibility, "eligibilityReason": a.EligibilityReason,
		"withdrawalReason": a.WithdrawalReason, "decision": a.Decision, "version": a.Version}
}

// lockForChange locks into dest the row that lock selects: a row of kind
// id that the caller may change, by a write predicate. When there is
// none it tells the caller only what they may already know: FORBIDDEN
// when visible (a read predicate, no lock) says they may see the row,
// NOT_FOUND otherwise, the same as for an id that does not exist. Both
// statements take args.
func lockForChange(ctx context.Context, tx conn, dest any, kind string, id int64, lock, visible string, args []any) error {
	err := tx.get(ctx, dest, lock, args...)
	if !isNoRows(err) {
		return err
	}
	var seen bool
	if err := tx.get(ctx, &seen, visible, args...); err != nil {
		return err
	}
	if seen {
		return Errorf(Forbidden, "you may not change %s %d", kind, id)
	}
	return notFound(kind, id)
}

// UpdateApplication edits a draft while its cycle is open.
func (db *DB) UpdateApplication(ctx context.Context, id int64, version int, upd ApplicationUpdate) (*Application, error) {
	if err := upd.validate(); err != nil {
		return nil, err
	}
	return db.changeApplication(ctx, id, version, "", func(tx conn, a *Application, c *Cycle) error {
		if a.Status != StatusDraft {
			return Errorf(WrongPhase, "application %d is %s; only drafts can be edited", id, a.Status)
		}
		if err := db.checkOpen(c); err != nil {
			return err
		}
		if upd.Title != nil {
			a.Title = *upd.Title
		}
		if upd.Summary != nil {
			a.Summary = *upd.Summary
		}
		if err := saveAnswers(ctx, tx, a, upd.Answers); err != nil {
			return err
		}
		if upd.Indicators == nil {
			return nil
		}
		return replaceIndicators(ctx, tx, a.ID, *upd.Indicators)
	})
}

func (upd *ApplicationUpdate) validate() error {
	if upd.Title != nil {
		t := strings.TrimSpace(*upd.Title)
		upd.Title = &t
		if err := checkText("title", t, 1, MaxTitleLength); err != nil {
			return err
		}
	}
	if upd.Summary != nil {
		if err := checkText("summary", *upd.Summary, 0, MaxSummaryLength); err != nil {
			return err
		}
	}
	for _, ans := range upd.Answers {
		if err := checkText("answers.text", ans.Text, 0, MaxAnswerLength); err != nil {
			return err
		}
	}
	if upd.Indicators != nil {
		return validateIndicators(*upd.Indicators)
	}
	return nil
}

// SubmitApplication submits a complete draft before the cycle closes.
func (db *DB) SubmitApplication(ctx context.Context, id int64, version int) (*Application, error) {
	return db.changeApplication(ctx, id, version, "application.submit", func(tx conn, a *Application, c *Cycle) error {
		if a.Status != StatusDraft {
			return Errorf(WrongPhase, "application %d is %s; only drafts can be submitted", id, a.Status)
		}
		if err := db.checkOpen(c); err != nil {
			return err
		}
		if err := checkAnswersComplete(ctx, tx, a); err != nil {
			return err
		}
		now := db.Now()
		a.Status, a.SubmittedAt = StatusSubmitted, &now
		return mailApplication(ctx, tx, a, c, MailApplicationSubmitted, map[string]any{"submittedAt": now})
	})
}

// WithdrawApplication withdraws a draft or submitted application until
// the cycle's decisions are made; a decision already recorded for it is
// cleared (the audit entry keeps it).
func (db *DB) WithdrawApplication(ctx context.Context, id int64, version int, reason string) (*Application, error) {
	if err := checkText("reason", reason, 0, 2000); err != nil {
		return nil, err
	}
	return db.changeApplication(ctx, id, version, "application.withdraw", func(tx conn, a *Application, c *Cycle) error {
		if a.Status == StatusWithdrawn {
			return Errorf(WrongPhase, "application %d is already withdrawn", id)
		}
		if !c.Phase.Before(PhaseDecided) {
			return Errorf(WrongPhase, "cycle %d is %s; applications cannot be withdrawn after the decisions", c.ID, c.Phase)
		}
		now := db.Now()
		a.Status, a.WithdrawnAt, a.WithdrawalReason = StatusWithdrawn, &now, reason
		a.Decision, a.Citation = nil, ""
		return mailApplication(ctx, tx, a, c, MailApplicationWithdrawn, map[string]any{"reason": reason})
	})
}

// ScreenApplication records whether a submitted application is eligible;
// only admins may, and an ineligible one needs a reason. One decided
// other than NOT_SELECTED stays eligible (RuleScreenedEligible).
func (db *DB) ScreenApplication(ctx context.Context, id int64, version int, eligible bool, reason string) (*Application, error) {
	if !ActorFrom(ctx).IsAdmin() {
		return nil, Errorf(Forbidden, "only admins screen applications")
	}
	reason = strings.TrimSpace(reason)
	if err := checkText("reason", reason, 0, 2000); err != nil {
		return nil, err
	}
	if !eligible && reason == "" {
		return nil, InvalidField("reason", "must say why the application is not eligible")
	}
	return db.changeApplication(ctx, id, version, "application.screen", func(tx conn, a *Application, c *Cycle) error {
		if a.Status != StatusSubmitted {
			return Errorf(WrongPhase, "application %d is %s; only submitted applications are screened", id, a.Status)
		}
		if !c.Phase.Before(PhaseDecided) {
			return Errorf(WrongPhase, "cycle %d is %s; screening ends with the decisions", c.ID, c.Phase)
		}
		if eligible {
			a.Eligibility, a.EligibilityReason = "ELIGIBLE", reason
			return nil
		}
		if a.Decision != nil && *a.Decision != "NOT_SELECTED" {
			return refusal(Invalid, RuleScreenedEligible, nil, "application %d is decided %s, which needs it eligible; "+
				"record NOT_SELECTED before screening it not eligible", id, *a.Decision)
		}
		a.Eligibility, a.EligibilityReason = "NOT_ELIGIBLE", reason
		return mailApplication(ctx, tx, a, c, MailApplicationRejected, map[string]any{"reason": reason})
	})
}

// ReopenApplication makes a withdrawn application a draft again while its
// cycle is OPEN, so that its organisation, which cannot apply twice in a
// cycle, can take part after all; its members and admins may. The
// application must be submitted and screened again.
func (db *DB) ReopenApplication(ctx context.Context, id int64, version int) (*Application, error) {
	return db.changeApplication(ctx, id, version, "application.reopen", func(tx conn, a *Application, c *Cycle) error {
		if a.Status != StatusWithdrawn {
			return Errorf(WrongPhase, "application %d is %s; only a withdrawn application is reopened", id, a.Status)
		}
		if err := db.checkOpen(c); err != nil {
			return err
		}
		a.Status, a.SubmittedAt, a.WithdrawnAt, a.WithdrawalReason = StatusDraft, nil, nil, ""
		a.Eligibility, a.EligibilityReason, a.Decision, a.Citation = "PENDING", "", nil, ""
		return nil
	})
}
