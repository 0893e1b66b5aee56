package graph

import (
	"encoding/json"
	"errors"

	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/reports/assign"
	"github.com/leanforum/awards/store"
)

func rawJSON(m *json.RawMessage) any {
	if m == nil {
		return nil
	}
	return string(*m)
}

func pairArgs() graphql.FieldConfigArgument {
	return graphql.FieldConfigArgument{
		"applicationId": {Type: graphql.NewNonNull(idType)},
		"jurorId":       {Type: graphql.NewNonNull(idType)},
	}
}

func pairFrom(p graphql.ResolveParams) (store.Pair, error) {
	app, err := idArg(p, "applicationId")
	if err != nil {
		return store.Pair{}, err
	}
	juror, err := idArg(p, "jurorId")
	return store.Pair{ApplicationID: app, JurorID: juror}, err
}

func (s *schema) juryMutations(mutation graphql.Fields) {
	mutation["addJuror"] = &graphql.Field{Type: nonNull(s.juror), Description: "Puts a juror user on a cycle's jury (or updates lead and affiliation); admins only.",
		Args: graphql.FieldConfigArgument{"cycleId": {Type: graphql.NewNonNull(idType)},
			"input": {Type: graphql.NewNonNull(inputObject("JurorInput", graphql.InputObjectConfigFieldMap{
				"userId": {Type: graphql.NewNonNull(idType)}, "lead": {Type: graphql.Boolean},
				"organisationId": {Type: idType}, "affiliation": {Type: graphql.String},
				"municipalityCode": {Type: graphql.String}}))}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			cycle, err := idArg(p, "cycleId")
			if err != nil {
				return nil, err
			}
			in := input(p)
			user, err := parseID("userId", in["userId"])
			if err != nil {
				return nil, err
			}
			org, err := optionalID(in, "organisationId")
			ji := store.JurorInput{UserID: user, Affiliation: str(in, "affiliation"), MunicipalityCode: optStr(in, "municipalityCode")}
			ji.Lead, _ = in["lead"].(bool)
			if org != 0 {
				ji.OrganisationID = &org
			}
			if err != nil {
				return nil, err
			}
			return s.db.AddJuror(p.Context, cycle, ji)
		}}
	mutation["removeJuror"] = &graphql.Field{Type: nonNull(graphql.Boolean), Description: "Admins only; not while the juror has assignments.",
		Args: graphql.FieldConfigArgument{"cycleId": {Type: graphql.NewNonNull(idType)}, "userId": {Type: graphql.NewNonNull(idType)}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			cycle, err := idArg(p, "cycleId")
			if err != nil {
				return nil, err
			}
			user, err := idArg(p, "userId")
			if err != nil {
				return nil, err
			}
			return true, s.db.RemoveJuror(p.Context, cycle, user)
		}}
	s.conflictMutations(mutation)
	s.assignmentMutations(mutation)
}

func (s *schema) conflictMutations(mutation graphql.Fields) {
	mutation["declareConflict"] = &graphql.Field{Type: nonNull(s.conflictT),
		Description: "A juror declares a conflict with an organisation or a municipality (jurorId omitted); an admin records one for any juror. Assignments it covers are recused.",
		Args: graphql.FieldConfigArgument{"input": {Type: graphql.NewNonNull(inputObject("ConflictInput", graphql.InputObjectConfigFieldMap{
			"jurorId": {Type: idType}, "organisationId": {Type: idType}, "municipalityCode": {Type: graphql.String},
			"reason": {Type: graphql.NewNonNull(graphql.String)}}))}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			in := input(p)
			juror, err := optionalID(in, "jurorId")
			if err != nil {
				return nil, err
			}
			org, err := optionalID(in, "organisationId")
			if err != nil {
				return nil, err
			}
			ci := store.ConflictInput{JurorID: juror, MunicipalityCode: optStr(in, "municipalityCode"), Reason: str(in, "reason")}
			if org != 0 {
				ci.OrganisationID = &org
			}
			return s.db.DeclareConflict(p.Context, ci)
		}}
}

func (s *schema) assignmentMutations(mutation graphql.Fields) {
	mutation["assignJuror"] = &graphql.Field{Type: nonNull(s.assignmentT), Args: pairArgs(), Description: "Admins only.",
		Resolve: func(p graphql.ResolveParams) (any, error) {
			pair, err := pairFrom(p)
			if err != nil {
				return nil, err
			}
			return s.db.Assign(p.Context, pair)
		}}
	mutation["unassignJuror"] = &graphql.Field{Type: nonNull(graphql.Boolean), Args: pairArgs(), Description: "Admins only; not after the evaluation is submitted.",
		Resolve: func(p graphql.ResolveParams) (any, error) {
			pair, err := pairFrom(p)
			if err != nil {
				return nil, err
			}
			return true, s.db.Unassign(p.Context, pair)
		}}
	mutation["recuse"] = &graphql.Field{Type: nonNull(s.assignmentT), Description: "The calling juror withdraws from an assignment; their scores leave every aggregate.",
		Args: graphql.FieldConfigArgument{"applicationId": {Type: graphql.NewNonNull(idType)}, "reason": {Type: graphql.NewNonNull(graphql.String)}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			app, err := idArg(p, "applicationId")
			if err != nil {
				return nil, err
			}
			return s.db.Recuse(p.Context, app, str(p.Args, "reason"))
		}}
	mutation["autoAssign"] = &graphql.Field{Type: listOf(s.assignmentT),
		Description: "Gives every submitted, eligible application of the cycle jurorsPerApplication jurors (counting those it has), never a conflicted one, with loads as even as possible; all or nothing. Admins only.",
		Args: graphql.FieldConfigArgument{"cycleId": {Type: graphql.NewNonNull(idType)},
			"jurorsPerApplication": {Type: graphql.Int, Description: "Default: the cycle's setting."}},
		Resolve: s.autoAssign}
}

func (s *schema) autoAssign(p graphql.ResolveParams) (any, error) {
	cycleID, err := idArg(p, "cycleId")
	if err != nil {
		return nil, err
	}
	prob, err := s.db.FindAssignmentProblem(p.Context, cycleID)
	if err != nil {
		return nil, err
	}
	r := integer(p.Args, "jurorsPerApplication")
	if r == 0 {
		c, err := loadersFrom(p.Context).cycles.get(p.Context, cycleID)
		if err != nil || c == nil {
			return nil, err
		}
		r = c.JurorsPerApplication
	}
	plan, err := assign.Assign(assignInput(prob, r))
	var inf *assign.InfeasibleError
	switch {
	case errors.As(err, &inf):
		return nil, infeasible(inf)
	case err != nil:
		return nil, store.Errorf(store.Invalid, "%v", err)
	}
	pairs := make([]store.Pair, len(plan.Pairs))
	for i, pr := range plan.Pairs {
		pairs[i] = store.Pair{ApplicationID: parseKey(pr.Application), JurorID: parseKey(pr.Juror)}
	}
	return s.db.AssignAll(p.Context, cycleID, pairs)
}

// infeasible is the INFEASIBLE error of a failed auto-assignment:
// extensions.rule is the reason (not_enough_jurors, over_fixed,
// too_few_candidates, over_capacity or no_assignment) and
// extensions.missing the id of the application that lacks jurors, when
// one does, so that a client can say so in its own words.
func infeasible(inf *assign.InfeasibleError) *store.Error {
	e := &store.Error{Code: store.Infeasible, Message: "no assignment: " + inf.Error(), Rule: inf.Reason.String()}
	if inf.Application != "" {
		e.Missing = []string{inf.Application}
	}
	return e
}

func assignInput(prob *store.AssignmentProblem, r int) assign.Input {
	in := assign.Input{PerApplication: r}
	for _, a := range prob.Applications {
		in.Applications = append(in.Applications, key(a))
	}
	for _, j := range prob.Jurors {
		in.Jurors = append(in.Jurors, key(j))
	}
	for _, x := range prob.Excluded {
		in.Conflicts = append(in.Conflicts, assign.Pair{Juror: key(x.JurorID), Application: key(x.ApplicationID)})
	}
	apps, jurors := map[int64]bool{}, map[int64]bool{}
	for _, a := range prob.Applications {
		apps[a] = true
	}
	for _, j := range prob.Jurors {
		jurors[j] = true
	}
	for _, f := range prob.Fixed {
		if apps[f.ApplicationID] && jurors[f.JurorID] {
			in.Fixed = append(in.Fixed, assign.Pair{Juror: key(f.JurorID), Application: key(f.ApplicationID)})
		}
	}
	return in
}
