package graph

import (
	"strings"

	"github.com/graphql-go/graphql"
)

// The descriptions GraphiQL's documentation pane shows, for the types,
// fields and arguments whose definition does not carry its own. A field
// is looked up as "Type.field" (an argument as "Type.field(arg)"), then
// by its name alone in commonDocs, for names that mean the same wherever
// they occur. TestEveryTypeAndFieldIsDescribed fails for anything still
// without one, so a new field needs a description where it is defined or
// here.

// typeDocs describe types.
var typeDocs = map[string]string{
	"Query":                  "What can be read. Public data (awards, cycles, criteria, published results, municipalities, KPIs, benchmark reports) need no login; the rest is filtered by who asks.",
	"Mutation":               "What can be changed. Every mutation checks the caller's rights and writes all or nothing.",
	"Answer":                 "An application's answer to one criterion.",
	"AcceptInvitationInput":  "What an invited person sends back: the link's token, their name and password.",
	"InviteUserInput":        "Whom to invite, as what, and in which language.",
	"AnswerInput":            "An answer to one criterion.",
	"ApplicationStatus":      "DRAFT (being written, editable by its organisation's members), SUBMITTED (before the deadline; frozen), WITHDRAWN (with a reason).",
	"OrganisationKind":       "MUNICIPALITY, DISTRICT (a part of one, such as a city district), REGION, AGENCY (a state agency), COMPANY or OTHER.",
	"Sector":                 "PUBLIC or PRIVATE.",
	"PageInfo":               "Where a page of a list ends and whether more follow.",
	"BandInput":              "A named range of a criterion's scale.",
	"BenchmarkKPI":           "A KPI as a benchmark report's content holds it.",
	"BenchmarkReportInput":   "A benchmark report's definition: its title, KPIs, years, comparison group and focus municipalities.",
	"ConflictInput":          "A conflict of interest to declare: with an organisation or with a whole municipality.",
	"ConsensusInput":         "The score the jury agreed on one criterion of an application.",
	"CreateApplicationInput": "A new draft application of an organisation in an open cycle.",
	"CreateCycleInput":       "A new cycle of an award, with its dates and the template its criteria start from.",
	"CreateUserInput":        "A new user created by an admin.",
	"CriterionInput":         "A criterion's editable fields.",
	"CriterionReliability":   "The reliability of the jurors' scores on one criterion.",
	"CycleSettingsInput":     "A cycle's editable dates and title.",
	"EvidencePoint":          "One year's official value.",
	"FocusMunicipality":      "A municipality a benchmark report puts in focus.",
	"GroupRef":               "A municipality group named by id and title.",
	"IndicatorInput":         "A measured result an application claims.",
	"JurorInput":             "A user to add to a cycle's jury.",
	"OrganisationInput":      "An organisation's editable fields.",
	"Peer":                   "A municipality on the efficient frontier and its weight in another's reference point.",
	"RankedApplication":      "An application in a cycle's ranking, with its three views and its cells.",
	"ScoreInput":             "A juror's score and comments on one criterion of an assigned application.",
	"SeriesPoint":            "One year's value of a series.",
	"SignUpInput":            "A new applicant account with its organisation.",
	"TrendPoint":             "One year's value of a trend.",
	"UpdateApplicationInput": "A draft application's editable fields; answers and indicators given replace the stored ones.",
}

// commonDocs describe fields and arguments by name alone, for names that
// mean the same on every type. %s is the type's name.
var commonDocs = map[string]string{
	"id":               "The %s's id.",
	"createdAt":        "When it was created.",
	"updatedAt":        "When it last changed.",
	"demo":             "Whether it belongs to the demo data set (make run loads it).",
	"version":          "The version, raised by every change; send it back with an update, which fails with CONFLICT when someone else changed it first.",
	"title":            "The title.",
	"name":             "The name.",
	"code":             "The municipality's four-digit code, such as 1280 (Malmö).",
	"municipalityCode": "A municipality's four-digit code, such as 1280 (Malmö).",
	"municipalityName": "The municipality's name.",
	"applicationId":    "The application's id.",
	"criterionId":      "The criterion's id.",
	"jurorId":          "The juror's user id.",
	"userId":           "The user's id.",
	"organisationId":   "The organisation's id.",
	"cycleId":          "The cycle's id.",
	"awardId":          "The award's id.",
	"kpiId":            "A Kolada KPI id, such as U33401.",
	"kpiIds":           "Kolada KPI ids, such as U33401.",
	"year":             "The year.",
	"years":            "The years.",
	"unit":             "The unit of the values, such as dagar or %.",
	"direction":        "Whether lower or higher values are better.",
	"legalLimit":       "A legal limit: a maximum when lower is better, a minimum when higher is better; null without one.",
	"strengths":        "Strengths noted, without jurors' names.",
	"opportunities":    "Opportunities for improvement noted, without jurors' names.",
	"email":            "The e-mail address, which is the login.",
	"input":            "The fields to write.",
	"nodes":            "The items of this page.",
	"edges":            "The items of this page with their cursors.",
	"node":             "The item.",
	"cursor":           "Pass it as after to get the items that follow this one.",
	"pageInfo":         "Where this page ends and whether more follow.",
	"totalCount":       "How many items the whole list has (one more query).",
	"endCursor":        "The cursor of the last item of the page; pass it as after for the next page.",
	"hasNextPage":      "Whether more items follow this page.",
	"opensAt":          "When applications open.",
	"closesAt":         "The deadline for submitting applications.",
	"scoringClosesAt":  "When the jury's scoring closes.",
	"summary":          "A short summary.",
	"reason":           "The reason, kept in the audit log.",
	"value":            "The value.",
	"n":                "How many values it is computed from.",
	"mean":             "The mean.",
	"median":           "The median.",
	"count":            "How many have a value.",
	"focus":            "The municipalities in focus (four-digit codes).",
	"groupId":          "A municipality group's id, such as a kommungrupp G92790.",
	"fromYear":         "The first year, inclusive.",
	"toYear":           "The last year, inclusive.",
	"kpi":              "The KPI.",
	"series":           "The values by year.",
	"municipality":     "The municipality.",
	"organisation":     "The organisation.",
	"cycle":            "The cycle.",
	"award":            "The award.",
	"user":             "The user.",
	"decision":         "The jury's decision; null before it, and for others than admins until the cycle is PUBLISHED.",
	"citation":         "The jury's citation (motivering) of the decision.",
	"alpha":            "Krippendorff's alpha: 1 is perfect agreement, 0 no more than chance.",
	"icc":              "The six Shrout–Fleiss intraclass correlations.",
	"iccNote":          "Why ICC is not given, when it is not, such as \"too few applications to estimate\".",
	"trend":            "The trend over the years.",
	"efficiency":       "DEA efficiency, 0–1; 1 is on the frontier.",
}

// fieldDocs describe fields and arguments by "Type.field" or
// "Type.field(arg)".
var fieldDocs = map[string]string{
	"AlphaMeasure.level":      "The level of measurement the alpha assumes.",
	"AlphaMeasure.note":       "Why alpha is not given, when it is not.",
	"AlphaMeasure.units":      "How many units (application and criterion) have at least two values.",
	"AlphaMeasure.values":     "How many values the alpha is computed from.",
	"Answer.text":             "The answer.",
	"AnswerInput.text":        "The answer.",
	"Application.answers":     "The answers, one per criterion.",
	"Application.eligibility": "The secretariat's screening.", "Application.eligibilityReason": "Why it is or is not eligible.",
	"Application.indicators": "The measured results the application claims, in its order.",
	"Application.status":     "DRAFT, SUBMITTED or WITHDRAWN.", "Application.submittedAt": "When it was submitted; null for a draft.",
	"Application.summary": "A short summary of the entry.", "Application.withdrawalReason": "Why it was withdrawn; empty otherwise.",
	"Application.withdrawnAt":  "When it was withdrawn; null otherwise.",
	"Assignment.applicationId": "The application to score.", "Assignment.assignedAt": "When the juror was assigned.",
	"Assignment.recusalReason": "Why the juror recused; empty otherwise.", "Assignment.recusedAt": "When the juror recused; null otherwise.",
	"AuditEntry.action": "What was done, such as RECORD_DECISION.", "AuditEntry.actorId": "Who did it; null for the system.",
	"AuditEntry.at": "When.", "AuditEntry.entity": "The kind of thing changed, such as application.",
	"AuditEntry.entityId": "The id of the thing changed.", "AuditEntry.newValue": "The new value as JSON.", "AuditEntry.oldValue": "The old value as JSON; null for a creation.",
	"Award.description": "What the award is for.",
	"Band.from":         "The lowest score of the band.", "Band.to": "The highest score of the band.", "Band.label": "The band's name, such as effektiv.",
	"BandInput.from": "The lowest score of the band.", "BandInput.to": "The highest score of the band.", "BandInput.label": "The band's name.",
	"BenchmarkKPI.id":       "The Kolada KPI id.",
	"BenchmarkReport.years": "The years the report covers.", "BenchmarkReportContent.groupTitle": "The comparison group's title.",
	"BenchmarkReportContent.sections": "One section per KPI and year.", "BenchmarkReportContent.trends": "The focus municipalities' trends per KPI.",
	"BenchmarkReportContent.years": "The years the report covers.",
	"BenchmarkRow.focus":           "Whether the municipality is in focus.", "BenchmarkRow.inGroup": "Whether it belongs to the comparison group.",
	"BenchmarkRow.value":        "Its value; null without one.",
	"BenchmarkTable.compliance": "The share within the KPI's legal limit; null without a limit.", "BenchmarkTable.group": "The comparison group's mean and median.",
	"BenchmarkTable.national": "The mean and median over every municipality.", "BenchmarkTable.rows": "Every municipality, best first, those without a value last.",
	"BenchmarkVersion.content": "The published snapshot: later imports never change it.", "BenchmarkVersion.publishedAt": "When it was published.",
	"Cell.adjusted": "The severity-corrected mean.", "Cell.flagged": "Whether the jurors disagree on it by the cycle's rule.",
	"Cell.max": "The highest juror score.", "Cell.min": "The lowest juror score.", "Cell.range": "Highest minus lowest score.",
	"Cell.sd": "The standard deviation of the jurors' scores.", "Cell.value": "The final value: the consensus when agreed, else the aggregate.",
	"Cell.zValue":        "The mean of the z-normalised scores.",
	"ClaimCheck.claimed": "The value the application claims.", "ClaimCheck.official": "The official value of that year; null without one.",
	"Compliance.limit": "The legal limit.", "Compliance.within": "How many of them are within the limit.",
	"Conflict.declaredBy":         "Who declared it.",
	"ConsensusInput.participants": "The jurors who took part in agreeing.", "ConsensusInput.rationale": "Why the jury agreed on this score; jurors and admins only see it.",
	"Consensus.recordedAt": "When it was recorded.",
	"CostModel.r2":         "The share of the variance the model explains.", "CostModel.rows": "Each municipality's expected and actual cost.",
	"CostRow.actual": "The actual cost.", "CostRow.deviation": "Actual minus expected, in percent of expected.",
	"CostRow.expected": "The cost the structure predicts.", "CostRow.residual": "Actual minus expected.",
	"CreateUserInput.organisationIds": "The organisations an applicant belongs to.", "CreateUserInput.password": "At least 10 characters.",
	"CreateUserInput.role": "What the user may do.",
	"Criterion.bands":      "Named ranges of the scale.", "Criterion.guidance": "What the jury looks for.",
	"Criterion.independent": "Scored, but not part of the weighted total.", "Criterion.parentId": "The criterion this is an item of; null at the top.",
	"Criterion.position": "Its place in the cycle's order.", "Criterion.scaleMax": "The highest score.", "Criterion.scaleMin": "The lowest score.",
	"Criterion.scaleStep": "The step between scores.", "Criterion.weight": "Its weight in the total.",
	"CriterionInput.bands": "Named ranges of the scale.", "CriterionInput.guidance": "What the jury looks for.",
	"CriterionInput.independent": "Scored, but not part of the weighted total.", "CriterionInput.scaleMax": "The highest score.",
	"CriterionInput.scaleMin": "The lowest score.", "CriterionInput.scaleStep": "The step between scores.", "CriterionInput.weight": "Its weight in the total, > 0.",
	"CriterionReliability.code":  "The criterion's code.",
	"Cycle.aggregation":          "How jurors' scores on a criterion are combined where no consensus is recorded.",
	"Cycle.jurorsPerApplication": "How many jurors autoAssign gives each application.", "Cycle.phase": "Where the cycle stands.",
	"Cycle.scoreVisibility": "When a juror sees other jurors' scores.", "Cycle.template": "The criteria template it started from.",
	"Efficiency.inputTargets": "The inputs the municipality would need on the frontier.", "Efficiency.outputTargets": "The outputs it would reach on the frontier.",
	"Efficiency.peers":  "The efficient municipalities its reference point is made of.",
	"Evidence.baseline": "The claimed baseline against the official value.", "Evidence.current": "The claimed current value against the official value.",
	"Evidence.kommungrupp": "The municipality's kommungrupp.", "Evidence.national": "The national median by year.",
	"Evidence.tolerance": "How far, in percent, a claim may lie from the official value before it is marked.",
	"Flag.byRange":       "Flagged by the range rule.", "Flag.bySd": "Flagged by the standard-deviation rule.",
	"Flag.hasConsensus": "Whether an agreed score is recorded.", "Flag.range": "Highest minus lowest score.", "Flag.sd": "The standard deviation.",
	"FocusTrend.change": "Last minus first value.", "FocusTrend.improving": "Whether the change is for the better.",
	"FocusTrend.percentChange": "The change in percent of the first value.", "FocusTrend.slope": "The least-squares slope per year.",
	"ICC.k": "Jurors in the block.", "ICC.n": "Targets in the block: application × criterion cells for the cycle, applications for a criterion.",
	"ICC.icc1Interval": "95 % confidence interval of ICC(1,1).", "ICC.icc1kInterval": "95 % confidence interval of ICC(1,k).",
	"ICC.icc2Interval": "95 % confidence interval of ICC(2,1), with Satterthwaite's degrees of freedom.", "ICC.icc2kInterval": "95 % confidence interval of ICC(2,k).",
	"ICC.icc3Interval": "95 % confidence interval of ICC(3,1).", "ICC.icc3kInterval": "95 % confidence interval of ICC(3,k).",
	"ConfidenceInterval.lower": "The lower bound.", "ConfidenceInterval.upper": "The upper bound.",
	"ReliabilityBlock.n":               "Targets in the block: application × criterion cells for the cycle, applications for a criterion.",
	"ReliabilityBlock.k":               "Jurors who scored every target of the block.",
	"ReliabilityBlock.applications":    "Distinct applications in the block; ICC is estimated only from minApplications on.",
	"ReliabilityBlock.minApplications": "The cycle's reliabilityMinApplications.",
	"iccReason":                        "Why ICC is not given, as a code; null when it is.", "block": "The scores ICC is computed on, or would be: its n, k and applications.",
	"ICC.icc1": "ICC(1,1): one-way random, single rater.", "ICC.icc1k": "ICC(1,k): one-way random, mean of k raters.",
	"ICC.icc2": "ICC(2,1): two-way random, absolute agreement, single rater.", "ICC.icc2k": "ICC(2,k): two-way random, absolute agreement, mean of k raters.",
	"ICC.icc3": "ICC(3,1): two-way mixed, consistency, single rater.", "ICC.icc3k": "ICC(3,k): two-way mixed, consistency, mean of k raters.",
	"ICC.msBetweenRaters": "Mean square between jurors.", "ICC.msBetweenTargets": "Mean square between applications.",
	"ICC.msResidual": "Residual mean square.", "ICC.msWithinTargets": "Mean square within applications.",
	"Indicator.baselineDate": "When the baseline was measured.", "Indicator.baselineValue": "The value before.",
	"Indicator.currentDate": "When the current value was measured.", "Indicator.currentValue": "The value now.",
	"Indicator.evidence": "Where the figures come from.", "Indicator.official": "The official KPI series it names, checked against the claim.",
	"Indicator.targetValue":       "The value aimed at; null without one.",
	"IndicatorInput.baselineDate": "When the baseline was measured.", "IndicatorInput.baselineValue": "The value before.",
	"IndicatorInput.currentDate": "When the current value was measured.", "IndicatorInput.currentValue": "The value now.",
	"IndicatorInput.evidence": "Where the figures come from.", "IndicatorInput.targetValue": "The value aimed at.",
	"Juror.affiliation": "Where the juror works.", "Juror.lead": "Whether the juror leads the jury (records consensus and decisions).",
	"JurorInput.affiliation": "Where the juror works.", "JurorInput.lead": "Whether the juror leads the jury.",
	"JurorSeverity.compared": "Cells compared with other jurors.", "JurorSeverity.consensusMad": "Mean absolute deviation from the consensus scores; null when none was compared.",
	"JurorSeverity.consensusN": "Consensus scores compared.", "JurorSeverity.consensusPearson": "Correlation with the consensus scores.",
	"JurorSeverity.offset": "Mean deviation from the other jurors on the same cells; positive is lenient.", "JurorSeverity.spread": "The standard deviation of the juror's scores.",
	"KPI.description": "Kolada's description.", "KPI.hasOuData": "Whether Kolada has values per organisational unit.",
	"KPI.isDividedByGender": "Whether values come per gender too.", "KPI.municipalityType": "K (municipalities), L (regions) or both.",
	"KPI.operatingArea": "Kolada's operating area.", "KPI.perspective": "Kolada's perspective, such as Resultat or Kostnad.",
	"KPIPage.nodes": "The KPIs of this page.", "KPIValue.municipality": "The municipality (or group) code.",
	"Municipality.countyCode": "The county's two-digit code.", "Municipality.countyName": "The county's name.", "Municipality.type": "K (municipality) or L (region).",
	"MunicipalityGroup.kind": "What kind of group it is.",
	"Neighbour.distance":     "The structural distance; smaller is more alike.",
	"Organisation.kind":      "What kind of organisation.", "Organisation.members": "Its members (users who write its applications).", "Organisation.sector": "PUBLIC or PRIVATE.",
	"OrganisationInput.kind": "What kind of organisation.", "OrganisationInput.orgNumber": "The Swedish organisation number.", "OrganisationInput.sector": "PUBLIC or PRIVATE.",
	"Peer.lambda":      "Its weight in the reference point.",
	"Placement.colour": "GREEN, YELLOW, RED or GREY (no value).", "Placement.of": "Municipalities with a value.",
	"Placement.percentile": "The share of the others it beats, 0–100.", "Placement.rank": "Its rank, best first.",
	"ProfileKPI.colour": "GREEN, YELLOW, RED or GREY.", "ProfileKPI.groupCount": "Members of the kommungrupp with a value.",
	"ProfileKPI.groupMean": "The kommungrupp's mean.", "ProfileKPI.groupMedian": "The kommungrupp's median.", "ProfileKPI.nationalMedian": "The national median.",
	"ProfileKPI.percentile": "The share of the others it beats, 0–100.", "ProfileKPI.rank": "Its rank, best first.",
	"RankedApplication.cells": "Its scores per criterion.", "RankedApplication.organisationName": "The organisation's name.",
	"RankedApplication.raw": "The raw view.", "RankedApplication.severity": "After correcting each juror's severity.", "RankedApplication.zScore": "After z-normalising each juror's scores.",
	"Ranking.flags": "Cells on which the jurors disagree.", "Ranking.jurors": "Each juror's severity and agreement.", "Ranking.reliability": "The reliability of the scores.",
	"Reliability.criteria": "Per criterion.", "Reliability.cycle": "Over the whole cycle.",
	"ReportLink.expiresAt": "When the link stops working.", "ReportLink.url": "The link, to open in a browser.",
	"Result.applicationTitle": "The application's title.", "Result.organisationName": "The organisation's name.",
	"Score.value": "The score; null until given.", "ScoreInput.value": "The score on the criterion's scale; null to clear it.",
	"Session.expiresAt": "When the token stops working.", "Session.token": "Send it as Authorization: Bearer <token>.", "Session.user": "Who is logged in.",
	"SignUpInput.organisation": "The organisation to create, with you as its first member.", "SignUpInput.password": "At least 10 characters.",
	"Standing.coverage": "The share of the weight with scores, 0–1.", "Standing.percent": "The weighted total in percent of the scales.", "Standing.total": "The weighted total on the criteria's scale.",
	"Summary.count": "Members with a value.",
	"Trend.cagr":    "The compound annual growth rate in percent.", "Trend.change": "Last minus first value.", "Trend.first": "The first value.",
	"Trend.firstYear": "The first year with a value.", "Trend.improving": "Whether the change is for the better.", "Trend.last": "The last value.",
	"Trend.lastYear": "The last year with a value.", "Trend.percentChange": "The change in percent of the first value.",
	"Trend.points": "The values by year.", "Trend.slope": "The least-squares slope per year.",
	"UpdateApplicationInput.answers": "Replace the answers.", "UpdateApplicationInput.indicators": "Replace the indicators.",
	"User.organisations": "The organisations the user is a member of.", "User.role": "What the user may do.",
	"Query.award": "One award; null when not found.", "Query.benchmarkReport": "One benchmark report; null when not found.",
	"Query.cycle": "One cycle; null when not found or hidden.", "Query.kpi": "One KPI; null when not found.",
	"Query.municipality": "One municipality by code; null when not found.", "Query.organisation": "One organisation; null when not found or hidden.",
	"Query.user":                               "One user: yourself, or anyone for admins; null otherwise.",
	"Mutation.advanceCycle(to)":                "The next phase (phases move one step at a time).",
	"Mutation.createAward(description)":        "What the award is for.",
	"Mutation.login(password)":                 "The password.",
	"Mutation.publishBenchmarkReport(version)": "The definition's version you saw (BenchmarkReport.version); fails with CONFLICT when it changed since.",
	"Mutation.recordDecision(decision)":        "WINNER, FINALIST, HONOURABLE_MENTION or NOT_SELECTED.",
	"Mutation.recuse(reason)":                  "Why you step aside.",
	"Mutation.reportLink(path)":                "A report path such as /reports/applications/12/feedback.pdf.",
	"Mutation.screenApplication(eligible)":     "Whether the application is eligible.",
	"Mutation.updateKPISettings(direction)":    "Which way is better.",
	"Mutation.withdrawApplication(reason)":     "Why it is withdrawn.",
	"Query.applications(status)":               "Only applications with this status.",
	"Query.benchmarkTable(focus)":              "Codes of municipalities to mark.",
	"Query.efficiency(inputKpiIds)":            "The KPIs used as inputs (less is better).", "Query.efficiency(outputKpiIds)": "The KPIs used as outputs (more is better).",
	"Query.expectedCost(costKpiId)": "The cost KPI to explain.", "Query.expectedCost(qualityKpiId)": "A quality KPI shown beside the cost.",
	"Query.expectedCost(structuralKpiIds)": "Structural KPIs that explain the cost.",
	"Query.groups(kind)":                   "Only groups of this kind.", "Query.groups(search)": "Part of the title, case-insensitive.",
	"Query.kpis(operatingArea)": "Only KPIs of this operating area.", "Query.kpis(search)": "Part of the id or title, case-insensitive.",
	"Query.municipalities(countyCode)": "Only the municipalities of this county.", "Query.municipalities(groupId)": "Only the members of this group.",
	"Query.similarMunicipalities(k)": "How many to return.", "Query.similarMunicipalities(kpiIds)": "The structural KPIs to compare on.",
	"Query.similarMunicipalities(weights)": "A weight per KPI; equal when absent.",
	"Query.trend(municipality)":            "The municipality's code.",
	"Municipality.profile(kpiIds)":         "The KPIs; the first with a value when absent.",
}

// describe gives every type, field and argument of schema without a
// description the one written here.
func describe(schema graphql.Schema) {
	for name, t := range schema.TypeMap() {
		if strings.HasPrefix(name, "__") {
			continue
		}
		switch t := t.(type) {
		case *graphql.Object:
			if t.PrivateDescription == "" {
				t.PrivateDescription = typeDoc(name)
			}
			for fname, f := range t.Fields() {
				if f.Description == "" {
					f.Description = fieldDoc(name, fname)
				}
				for _, a := range f.Args {
					if a.PrivateDescription == "" {
						a.PrivateDescription = fieldDoc(name, fname+"("+a.PrivateName+")")
					}
				}
			}
		case *graphql.InputObject:
			if t.PrivateDescription == "" {
				t.PrivateDescription = typeDoc(name)
			}
			for fname, f := range t.Fields() {
				if f.PrivateDescription == "" {
					f.PrivateDescription = fieldDoc(name, fname)
				}
			}
		case *graphql.Enum:
			if t.PrivateDescription == "" {
				t.PrivateDescription = typeDoc(name)
			}
		}
	}
}

// typeDoc describes a type: the list types connectionType makes by their
// item, the rest from typeDocs.
func typeDoc(name string) string {
	if item, ok := strings.CutSuffix(name, "Connection"); ok {
		return "A page of " + item + " items, with the cursors to go on."
	}
	if item, ok := strings.CutSuffix(name, "Edge"); ok {
		return "One " + item + " of a page, with its cursor."
	}
	return typeDocs[name]
}

// fieldDoc describes field (or "field(arg)") of typ.
func fieldDoc(typ, field string) string {
	if d, ok := fieldDocs[typ+"."+field]; ok {
		return d
	}
	name := field
	if i := strings.Index(field, "("); i >= 0 {
		name = strings.TrimSuffix(field[i+1:], ")")
	}
	if d, ok := commonDocs[name]; ok && strings.Contains(d, "%s") {
		return strings.ReplaceAll(d, "%s", lower(typ))
	} else if ok {
		return d
	}
	return ""
}

// lower returns s with its first letter in lower case, as a type's name
// reads in a sentence.
func lower(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
