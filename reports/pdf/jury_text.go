package pdf

// juryText holds the fixed texts of the jury report.
type juryText struct {
	title, confidential, counts, ranking                  string
	rank, application, total, raw, z, zRank, sev, sevRank string
	coverage, flags, viewsNote                            string
	flagsHeading, criterion, spread, sd, rule, noFlags    string
	byRange, bySD, byBoth                                 string
	reliability, measure, model, value, alpha             string
	iccN, noICC, alphaN, noAlpha                          string
	iccCells, tooFew, ci, ciNote                          string
	jurorsHeading, juror, scores, mean, spreadJ, offset   string
	compared, jurorNote                                   string
	claimsHeading, indicator, baseline, current, verdict  string
	claimsNote, official, noOfficial, of                  string
	disputedMark, disputedNote                            string
	otherMunicipality, unverified                         string
	verdicts                                              map[string]string
	iccModels                                             [6]string
	levels                                                map[string]string
}

// juryWords returns the jury report's texts in the language.
func juryWords(l Lang) juryText {
	if l == English {
		return juryText{title: "Jury ranking", confidential: "Confidential – jury only",
			counts: "%d applications · %d jurors", ranking: "Ranking", rank: "Rank", application: "Application",
			total: "Total", raw: "Raw %", z: "z %", zRank: "z rank", sev: "Sev. %", sevRank: "Sev. rank",
			coverage: "Cover.", flags: "Flags",
			viewsNote: "Total: weighted mean on the criteria's scale. Raw %: weighted mean in percent of the scales, " +
				"which the ranking uses. z %: after z-normalising each juror's scores per criterion. Sev. %: after " +
				"correcting each juror's severity per criterion. In brackets: change against the raw rank (+ = up). " +
				"Cover.: share of the weight with scores. Flags: cells on which the jurors disagree.",
			flagsHeading: "Jury disagreement", criterion: "Criterion", spread: "Range", sd: "SD", rule: "Rule",
			noFlags: "No cell is flagged.", byRange: "range", bySD: "SD", byBoth: "range and SD",
			reliability: "Reliability", measure: "Measure", model: "Model", value: "Value", alpha: "Krippendorff's α",
			iccN:     "ICC: n = %d applications, k = %d jurors.",
			noICC:    "ICC not computed: it needs every juror to score every application.",
			iccCells: "ICC: n = %d scored cells (application × criterion) from %d applications, k = %d jurors.",
			tooFew: "ICC: too few applications to estimate. The largest block scored by the same jurors holds %d " +
				"applications (k = %d jurors); the cycle estimates ICC from %d applications on.",
			ci: "95 % CI", ciNote: "CI: %s %% confidence interval, F-based after McGraw & Wong (1996).",
			alphaN: "α: %d pairable units, n = %d values.", noAlpha: "α not computed.",
			claimsHeading: "Claimed results against official statistics", indicator: "Indicator · KPI · municipality",
			baseline: "Baseline: claimed / official", current: "Current: claimed / official", verdict: "Verdict",
			claimsNote: "Each claim is checked at the year it is claimed for: the official value of that year must lie within " +
				"5 % of the claim. When the year is not published the nearest year within two stands in, in brackets, for the " +
				"place (rank of municipalities with a value) but not for the verdict. Red: a claim disagrees.",
			official: "off.", noOfficial: "no official value", of: "of",
			disputedMark: "(!)", disputedNote: "(!) A claimed result disagrees with the official statistics: see " +
				"\"Claimed results against official statistics\".",
			otherMunicipality: "not the organisation's municipality", unverified: "municipality not verified",
			verdicts:      map[string]string{"AGREES": "agrees", "DISAGREES": "DISAGREES", "NO_OFFICIAL_VALUE": "not checkable"},
			jurorsHeading: "Juror severity", juror: "Juror", scores: "Scores", mean: "Mean %", spreadJ: "Spread",
			offset: "Offset", compared: "Compared",
			jurorNote: "In percentage points of the scales. Offset: mean deviation from the other jurors of the same " +
				"cells; positive means lenient. MAD and Pearson: against the consensus scores.",
			iccModels: [6]string{"one-way random, single rater", "two-way random, absolute agreement, single rater",
				"two-way mixed, consistency, single rater", "one-way random, mean of k raters",
				"two-way random, absolute agreement, mean of k raters", "two-way mixed, consistency, mean of k raters"},
			levels: map[string]string{"nominal": "nominal", "ordinal": "ordinal", "interval": "interval", "ratio": "ratio"}}
	}
	return juryText{title: "Juryns rangordning", confidential: "Konfidentiellt – endast för juryn",
		counts: "%d ansökningar · %d jurymedlemmar", ranking: "Rangordning", rank: "Plac.", application: "Ansökan",
		total: "Total", raw: "Rå %", z: "z %", zRank: "z plac.", sev: "Str. %", sevRank: "Str. plac.",
		coverage: "Täckn.", flags: "Flaggor",
		viewsNote: "Total: viktat medelvärde på kriteriernas skala. Rå %: viktat medelvärde i procent av skalorna, " +
			"som rangordningen bygger på. z %: efter z-normalisering av varje jurymedlems poäng per kriterium. " +
			"Str. %: efter korrigering för varje jurymedlems stränghet per kriterium. Inom parentes: förändring mot " +
			"den råa placeringen (+ = upp). Täckn.: andel av vikten med poäng. Flaggor: celler där juryn är oenig.",
		flagsHeading: "Oenighet i juryn", criterion: "Kriterium", spread: "Vidd", sd: "Std.avv.", rule: "Regel",
		noFlags: "Ingen cell är flaggad.", byRange: "vidd", bySD: "std.avv.", byBoth: "vidd och std.avv.",
		reliability: "Tillförlitlighet", measure: "Mått", model: "Modell", value: "Värde", alpha: "Krippendorffs α",
		iccN:     "ICC: n = %d ansökningar, k = %d jurymedlemmar.",
		noICC:    "ICC är inte beräknad: den kräver att varje jurymedlem bedömt varje ansökan.",
		iccCells: "ICC: n = %d bedömda celler (ansökan × kriterium) från %d ansökningar, k = %d jurymedlemmar.",
		tooFew: "ICC: för få ansökningar för att skatta. Det största blocket bedömt av samma jurymedlemmar har %d " +
			"ansökningar (k = %d jurymedlemmar); omgången skattar ICC från %d ansökningar.",
		ci: "95 % KI", ciNote: "KI: %s %%-konfidensintervall, F-baserat enligt McGraw & Wong (1996).",
		alphaN: "α: %d parbara enheter, n = %d värden.", noAlpha: "α är inte beräknad.",
		claimsHeading: "Redovisade resultat mot officiell statistik", indicator: "Indikator · KPI · kommun",
		baseline: "Utgångsläge: redovisat / officiellt", current: "Nuläge: redovisat / officiellt", verdict: "Bedömning",
		claimsNote: "Varje uppgift prövas mot det år den gäller: årets officiella värde ska ligga inom 5 % av uppgiften. " +
			"När året inte är publicerat används närmaste år inom två år, inom parentes, för placeringen (rang bland kommuner " +
			"med värde) men inte för bedömningen. Rött: en uppgift avviker.",
		official: "off.", noOfficial: "inget officiellt värde", of: "av",
		disputedMark: "(!)", disputedNote: "(!) Ett redovisat resultat avviker från den officiella statistiken: se " +
			"\"Redovisade resultat mot officiell statistik\".",
		otherMunicipality: "inte organisationens kommun", unverified: "kommunen ej verifierad",
		verdicts:      map[string]string{"AGREES": "stämmer", "DISAGREES": "AVVIKER", "NO_OFFICIAL_VALUE": "kan inte prövas"},
		jurorsHeading: "Jurymedlemmarnas stränghet", juror: "Jurymedlem", scores: "Antal", mean: "Medel %",
		spreadJ: "Spridning", offset: "Avvikelse", compared: "Jämförda",
		jurorNote: "I procentenheter av skalorna. Avvikelse: medelavvikelse från de andra jurymedlemmarna i samma " +
			"celler; positiv betyder generös. MAD och Pearson: mot konsensuspoängen.",
		iccModels: [6]string{"envägs slumpmässig, en bedömare", "tvåvägs slumpmässig, absolut överensstämmelse, en bedömare",
			"tvåvägs blandad, konsistens, en bedömare", "envägs slumpmässig, medel av k bedömare",
			"tvåvägs slumpmässig, absolut överensstämmelse, medel av k bedömare", "tvåvägs blandad, konsistens, medel av k bedömare"},
		levels: map[string]string{"nominal": "nominalskala", "ordinal": "ordinalskala", "interval": "intervallskala", "ratio": "kvotskala"}}
}
