package mail

// catalogue holds every text of every mail, per language: for each kind
// K, "K.subject" and "K.body", and "K.action" when the mail carries a
// link. They are text/template sources over the mail's parameters (and
// .name, .link); bodies are paragraphs separated by blank lines. A key in
// one language must be in the other (TestCatalogueComplete).
var catalogue = map[string]map[string]string{
	"sv": {
		"greeting":        "Hej {{.name}}!",
		"greeting.noname": "Hej!",
		"signature":       "Med vänliga hälsningar\nSekretariatet för Svenska Leanpriset",
		"footer":          "Det här meddelandet skickades automatiskt. Du får det för att du har ett konto eller har bjudits in till tjänsten.",
		"link.removed":    "(Engångslänken visas inte här: bara brevet till mottagaren har den.)",
		"role.ADMIN":      "administratör",
		"role.JUROR":      "jurymedlem",
		"role.APPLICANT":  "sökande",

		"INVITATION.subject": "Inbjudan till Svenska Leanpriset",
		"INVITATION.body": "Du har bjudits in som {{role .role}}{{with index . \"organisation\"}} för {{.}}{{end}}.\n\n" +
			"Välj ditt namn och lösenord via länken nedan. Länken kan användas en gång och gäller till {{date .expiresAt}}.",
		"INVITATION.action": "Skapa ditt konto",

		"PASSWORD_RESET.subject": "Återställ ditt lösenord",
		"PASSWORD_RESET.body": "Någon, förhoppningsvis du, har bett om att få återställa lösenordet till ditt konto.\n\n" +
			"Välj ett nytt lösenord via länken nedan. Länken kan användas en gång och gäller till {{date .expiresAt}}. " +
			"När lösenordet är bytt loggas du ut överallt.\n\nHar du inte bett om detta kan du bortse från brevet.",
		"PASSWORD_RESET.action": "Välj ett nytt lösenord",

		"APPLICATION_SUBMITTED.subject": "Kvitto: ansökan ”{{.application}}” är inskickad",
		"APPLICATION_SUBMITTED.body": "Ansökan ”{{.application}}” från {{.organisation}} till {{.cycle}} {{.year}} " +
			"skickades in {{date .submittedAt}}.\n\nSekretariatet går nu igenom att ansökan uppfyller villkoren.",
		"APPLICATION_SUBMITTED.action": "Visa ansökan",

		"APPLICATION_WITHDRAWN.subject": "Ansökan ”{{.application}}” är återkallad",
		"APPLICATION_WITHDRAWN.body": "Ansökan ”{{.application}}” från {{.organisation}} till {{.cycle}} {{.year}} har återkallats." +
			"{{with .reason}}\n\nSkäl: {{.}}{{end}}",
		"APPLICATION_WITHDRAWN.action": "Visa ansökan",

		"APPLICATION_NOT_ELIGIBLE.subject": "Ansökan ”{{.application}}” uppfyller inte villkoren",
		"APPLICATION_NOT_ELIGIBLE.body": "Sekretariatet har gått igenom ansökan ”{{.application}}” från {{.organisation}} " +
			"till {{.cycle}} {{.year}} och funnit att den inte uppfyller villkoren.\n\nSkäl: {{.reason}}",
		"APPLICATION_NOT_ELIGIBLE.action": "Visa ansökan",

		"JUROR_ASSIGNED.subject": "Nya ansökningar att bedöma i {{.cycle}} {{.year}}",
		"JUROR_ASSIGNED.body": "Du har fått {{len .applications}} nya ansökningar att bedöma:\n\n" +
			"{{range .applications}}– {{.title}}\n{{end}}\nBedömningen ska vara klar senast {{date .scoringClosesAt}}.",
		"JUROR_ASSIGNED.action": "Till dina bedömningar",

		"DEADLINE_REMINDER.subject": "Påminnelse: {{.cycle}} {{.year}} stänger {{date .closesAt}}",
		"DEADLINE_REMINDER.body": "Ansökningstiden för {{.cycle}} {{.year}} går ut {{date .closesAt}}. " +
			"Följande ansökningar är ännu inte inskickade:\n\n{{range .applications}}– {{.title}}\n{{end}}",
		"DEADLINE_REMINDER.action": "Till dina ansökningar",

		"SCORING_REMINDER.subject": "Påminnelse: bedömningen i {{.cycle}} {{.year}} stänger {{date .scoringClosesAt}}",
		"SCORING_REMINDER.body": "Du har {{.count}} bedömningar som ännu inte är inskickade. " +
			"Bedömningen ska vara klar senast {{date .scoringClosesAt}}.",
		"SCORING_REMINDER.action": "Till dina bedömningar",

		"RESULTS_PUBLISHED.subject": "Resultaten i {{.cycle}} {{.year}} är publicerade",
		"RESULTS_PUBLISHED.body": "Juryns beslut i {{.cycle}} {{.year}} är nu publicerade. " +
			"Återkopplingen på ansökan ”{{.application}}” från {{.organisation}} finns via länken nedan.",
		"RESULTS_PUBLISHED.action": "Läs återkopplingen",
	},
	"en": {
		"greeting":        "Hello {{.name}},",
		"greeting.noname": "Hello,",
		"signature":       "Kind regards\nThe secretariat of Svenska Leanpriset",
		"footer":          "This message was sent automatically because you have an account with, or were invited to, the service.",
		"link.removed":    "(The one-time link is not shown here: only the mail to the recipient carries it.)",
		"role.ADMIN":      "an administrator",
		"role.JUROR":      "a juror",
		"role.APPLICANT":  "an applicant",

		"INVITATION.subject": "Invitation to Svenska Leanpriset",
		"INVITATION.body": "You have been invited as {{role .role}}{{with index . \"organisation\"}} for {{.}}{{end}}.\n\n" +
			"Choose your name and password through the link below. It works once and is valid until {{date .expiresAt}}.",
		"INVITATION.action": "Create your account",

		"PASSWORD_RESET.subject": "Reset your password",
		"PASSWORD_RESET.body": "Someone, hopefully you, asked to reset the password of your account.\n\n" +
			"Choose a new password through the link below. It works once and is valid until {{date .expiresAt}}. " +
			"Once the password is changed you are logged out everywhere.\n\nIf you did not ask for this, ignore this mail.",
		"PASSWORD_RESET.action": "Choose a new password",

		"APPLICATION_SUBMITTED.subject": "Receipt: application “{{.application}}” submitted",
		"APPLICATION_SUBMITTED.body": "The application “{{.application}}” from {{.organisation}} to {{.cycle}} {{.year}} " +
			"was submitted on {{date .submittedAt}}.\n\nThe secretariat will now check that it meets the conditions.",
		"APPLICATION_SUBMITTED.action": "View the application",

		"APPLICATION_WITHDRAWN.subject": "Application “{{.application}}” withdrawn",
		"APPLICATION_WITHDRAWN.body": "The application “{{.application}}” from {{.organisation}} to {{.cycle}} {{.year}} has been withdrawn." +
			"{{with .reason}}\n\nReason: {{.}}{{end}}",
		"APPLICATION_WITHDRAWN.action": "View the application",

		"APPLICATION_NOT_ELIGIBLE.subject": "Application “{{.application}}” does not meet the conditions",
		"APPLICATION_NOT_ELIGIBLE.body": "The secretariat has screened the application “{{.application}}” from {{.organisation}} " +
			"to {{.cycle}} {{.year}} and found that it does not meet the conditions.\n\nReason: {{.reason}}",
		"APPLICATION_NOT_ELIGIBLE.action": "View the application",

		"JUROR_ASSIGNED.subject": "New applications to score in {{.cycle}} {{.year}}",
		"JUROR_ASSIGNED.body": "You have been given {{len .applications}} new applications to score:\n\n" +
			"{{range .applications}}– {{.title}}\n{{end}}\nScoring closes on {{date .scoringClosesAt}}.",
		"JUROR_ASSIGNED.action": "Go to your evaluations",

		"DEADLINE_REMINDER.subject": "Reminder: {{.cycle}} {{.year}} closes on {{date .closesAt}}",
		"DEADLINE_REMINDER.body": "Applications to {{.cycle}} {{.year}} close on {{date .closesAt}}. " +
			"These applications have not been submitted yet:\n\n{{range .applications}}– {{.title}}\n{{end}}",
		"DEADLINE_REMINDER.action": "Go to your applications",

		"SCORING_REMINDER.subject": "Reminder: scoring in {{.cycle}} {{.year}} closes on {{date .scoringClosesAt}}",
		"SCORING_REMINDER.body": "You have {{.count}} evaluations not yet submitted. " +
			"Scoring closes on {{date .scoringClosesAt}}.",
		"SCORING_REMINDER.action": "Go to your evaluations",

		"RESULTS_PUBLISHED.subject": "The results of {{.cycle}} {{.year}} are published",
		"RESULTS_PUBLISHED.body": "The jury's decisions in {{.cycle}} {{.year}} are now published. " +
			"The feedback on the application “{{.application}}” from {{.organisation}} is at the link below.",
		"RESULTS_PUBLISHED.action": "Read the feedback",
	},
}
