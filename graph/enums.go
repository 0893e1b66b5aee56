package graph

import (
	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/reports/jury"
	"github.com/leanforum/awards/store"
)

// enum makes an enum type whose values are the given strings, converted
// to T when read and written.
func enum[T ~string](name, desc string, values ...T) *graphql.Enum {
	vals := graphql.EnumValueConfigMap{}
	for _, v := range values {
		vals[string(v)] = &graphql.EnumValueConfig{Value: v}
	}
	return graphql.NewEnum(graphql.EnumConfig{Name: name, Description: desc, Values: vals})
}

type enums struct {
	role, orgKind, sector, phase, visibility, aggregation, status, eligibility, direction, template, decision *graphql.Enum
	rts, orientation, groupKind                                                                               *graphql.Enum
	iccReason, alphaReason                                                                                    *graphql.Enum
}

func newEnums() enums {
	return enums{
		role:    enum("Role", "What a user may do.", store.RoleAdmin, store.RoleJuror, store.RoleApplicant),
		orgKind: enum("OrganisationKind", "", "MUNICIPALITY", "DISTRICT", "REGION", "AGENCY", "COMPANY", "OTHER"),
		sector:  enum("Sector", "", "PUBLIC", "PRIVATE"),
		phase: enum("Phase", "Where a cycle stands; phases move forward one step at a time.",
			store.Phases...),
		visibility: enum("ScoreVisibility", "When a juror sees other jurors' scores on the same application.",
			"NEVER", "AFTER_OWN_SUBMISSION", "ALWAYS"),
		aggregation: enum("Aggregation", "How jurors' scores on a criterion are combined.", "MEAN", "MEDIAN"),
		status:      enum("ApplicationStatus", "", store.StatusDraft, store.StatusSubmitted, store.StatusWithdrawn),
		eligibility: enum("Eligibility", "The secretariat's screening of a submitted application.",
			"PENDING", "ELIGIBLE", "NOT_ELIGIBLE"),
		direction: enum("Direction", "Whether lower or higher values of an indicator are better.",
			"LOWER_IS_BETTER", "HIGHER_IS_BETTER"),
		decision: enum("Decision", "The jury's decision on an application; several winners may share a prize.",
			"WINNER", "FINALIST", "HONOURABLE_MENTION", "NOT_SELECTED"),
		template: enum("CycleTemplate", "Criteria a new cycle can start from.", store.TemplateNames()...),
		rts: enum("ReturnsToScale", "Returns to scale of a DEA frontier: CRS constant, VRS variable, DRS non-increasing, IRS non-decreasing, FDH free disposal hull (no convexity).",
			"CRS", "VRS", "DRS", "IRS", "FDH"),
		orientation: enum("Orientation", "IN: how far inputs could shrink at the same outputs; OUT: how far outputs could grow at the same inputs.",
			"IN", "OUT"),
		groupKind: enum("GroupKind", "KOMMUNGRUPP (SKR's municipality groups), COUNTY, SIZE_CLASS (by population), SIMILAR (Kolada's \"Liknande kommuner …\"), NETWORK (any other Kolada group), CUSTOM (defined by an admin).",
			store.KindKommungrupp, store.KindCounty, store.KindSizeClass, store.KindSimilar, store.KindNetwork, store.KindCustom),
		iccReason: enum("ICCReason", "Why ICC is not given: NO_CROSSED_BLOCK (no two targets scored by the same two or more jurors), "+
			"TOO_FEW_APPLICATIONS (fewer than the cycle's reliabilityMinApplications: too few applications to estimate), "+
			"NO_VARIATION (every target has the same mean) or NOT_COMPUTABLE.",
			"NO_CROSSED_BLOCK", "TOO_FEW_APPLICATIONS", "NO_VARIATION", "NOT_COMPUTABLE"),
		alphaReason: enum("AlphaReason", "Why Krippendorff's alpha is not given at a level: INSUFFICIENT_DATA (no unit has two "+
			"or more values), NO_VARIATION (every pairable value is the same) or NOT_COMPUTABLE (such as negative values at the ratio level).",
			string(jury.AlphaReasonInsufficientData), string(jury.AlphaReasonNoVariation), string(jury.AlphaReasonNotComputable)),
	}
}
