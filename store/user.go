package store

import (
	"context"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/lib/pq"
	"golang.org/x/crypto/bcrypt"
)

// User is an account.
type User struct {
	ID           int64     `db:"id"`
	Email        string    `db:"email"`
	Name         string    `db:"name"`
	PasswordHash string    `db:"password_hash"`
	Role         Role      `db:"role"`
	Demo         bool      `db:"demo"`
	CreatedAt    time.Time `db:"created_at"`
	// Language is the user's preferred language, sv or en: their mails
	// are written in it.
	Language string `db:"language"`
}

// NewUser describes an account to create.
type NewUser struct {
	Email, Name, Password string
	Role                  Role
	OrganisationIDs       []int64
	Demo                  bool
	// Language is sv (the default when empty) or en.
	Language string
}

// checkPassword checks a new password's length (bcrypt reads 72 bytes).
func checkPassword(pw string) error {
	if utf8.RuneCountInString(pw) < MinPasswordLength {
		return InvalidField("password", "must be at least %d characters", MinPasswordLength)
	}
	if len(pw) > 72 {
		return InvalidField("password", "must be at most 72 bytes")
	}
	return nil
}

// checkEmail refuses anything but a bare address (no name, no comment, no
// line break), at most 254 bytes.
func checkEmail(email string) error {
	if a, err := mail.ParseAddress(email); err != nil || a.Address != email || len(email) > 254 {
		return InvalidField("email", "is not a valid e-mail address")
	}
	return nil
}

// MinPasswordLength is the shortest password accepted.
const MinPasswordLength = 12

func (nu *NewUser) validate() error {
	nu.Email = strings.TrimSpace(nu.Email)
	nu.Name = strings.TrimSpace(nu.Name)
	if err := checkEmail(nu.Email); err != nil {
		return err
	}
	if err := checkText("name", nu.Name, 1, 200); err != nil {
		return err
	}
	if err := checkPassword(nu.Password); err != nil {
		return err
	}
	if !nu.Role.Valid() {
		return InvalidField("role", "must be ADMIN, JUROR or APPLICANT")
	}
	var err error
	nu.Language, err = checkLanguage(nu.Language)
	return err
}

// Languages are the languages users may prefer; the first is the default.
var Languages = []string{"sv", "en"}

// checkLanguage returns lang, or the default for "", or INVALID.
func checkLanguage(lang string) (string, error) {
	if lang == "" {
		return Languages[0], nil
	}
	if !contains(Languages, lang) {
		return "", InvalidField("language", "must be sv or en")
	}
	return lang, nil
}

// SetLanguage sets the caller's preferred language, in which their mails
// are written.
func (db *DB) SetLanguage(ctx context.Context, lang string) (*User, error) {
	a := ActorFrom(ctx)
	if a == nil {
		return nil, Errorf(Unauthenticated, "log in to choose a language")
	}
	lang, err := checkLanguage(lang)
	if err != nil {
		return nil, err
	}
	u := &User{}
	err = db.conn().get(ctx, u, `UPDATE users SET language = $2 WHERE id = $1 RETURNING *`, a.UserID, lang)
	return u, err
}

// PasswordGate is asked before a password is compared with a stored hash
// anywhere but Login, with the e-mail of the account: it may refuse the
// comparison, as the login limiter does after too many attempts.
type PasswordGate func(email string) error

// CreateUser creates an account of any role. Only admins may. A retry
// with the same idempotency key compares its password with the account's
// hash (another password is other input); gate, when not nil, is asked
// first, so that replays cannot try passwords faster than logins can.
func (db *DB) CreateUser(ctx context.Context, nu NewUser, gate PasswordGate) (*User, error) {
	if !ActorFrom(ctx).IsAdmin() {
		return nil, Errorf(Forbidden, "only admins create users")
	}
	return db.createUser(ctx, nu, gate)
}

// CreateAdmin creates an administrator without a caller; it backs the
// create-admin command that makes the first admin.
func (db *DB) CreateAdmin(ctx context.Context, email, name, password string) (*User, error) {
	return db.createUser(ctx, NewUser{Email: email, Name: name, Password: password, Role: RoleAdmin}, nil)
}

func (db *DB) createUser(ctx context.Context, nu NewUser, gate PasswordGate) (*User, error) {
	if err := nu.validate(); err != nil {
		return nil, err
	}
	return createOnce(ctx, db, callerKey(ActorFrom(ctx)), "createUser", func(tx conn) (*User, error) {
		return db.insertUser(ctx, tx, nu)
	}, func(id int64) (*User, error) {
		m, err := db.FindUsersByIDs(ctx, []int64{id})
		u, err := foundOr(m, err, "user", id)
		// The key's fingerprint leaves the password out: a retry with
		// another one is other input all the same.
		if err == nil && gate != nil {
			if err := gate(u.Email); err != nil {
				return nil, err
			}
		}
		if err == nil && bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte(nu.Password)) != nil {
			return nil, errOtherInput()
		}
		return u, err
	})
}

func (db *DB) insertUser(ctx context.Context, tx conn, nu NewUser) (*User, error) {
	hash, err := bcrypt.GenerateFromPassword([]byte(nu.Password), db.BcryptCost)
	if err != nil {
		return nil, err
	}
	u := &User{}
	err = tx.get(ctx, u, `INSERT INTO users (email, name, password_hash, role, demo, language)
		VALUES ($1, $2, $3, $4, $5, coalesce(nullif($6, ''), 'sv')) RETURNING *`, nu.Email, nu.Name, string(hash), nu.Role, nu.Demo, nu.Language)
	if err != nil {
		return nil, err
	}
	for _, orgID := range nu.OrganisationIDs {
		if err := insertMember(ctx, tx, orgID, u.ID); err != nil {
			return nil, err
		}
	}
	return u, nil
}

// SignUp creates an applicant together with a new organisation whose
// member the applicant becomes.
func (db *DB) SignUp(ctx context.Context, nu NewUser, org OrganisationInput) (*User, *Organisation, error) {
	nu.Role = RoleApplicant
	if err := nu.validate(); err != nil {
		return nil, nil, err
	}
	if err := org.validate(); err != nil {
		return nil, nil, err
	}
	var o *Organisation
	u, err := createOnce(ctx, db, emailKey(nu.Email), "signUp", func(tx conn) (*User, error) {
		var err error
		if o, err = insertOrganisation(ctx, tx, org); err != nil {
			return nil, err
		}
		nu.OrganisationIDs = []int64{o.ID}
		return db.insertUser(ctx, tx, nu)
	}, func(id int64) (*User, error) {
		u := &User{}
		if err := db.conn().get(ctx, u, `SELECT * FROM users WHERE id = $1`, id); err != nil {
			return nil, err
		}
		o = &Organisation{}
		return u, db.conn().get(ctx, o, `SELECT o.* FROM organisations o JOIN memberships m ON m.organisation_id = o.id
			WHERE m.user_id = $1 ORDER BY o.id LIMIT 1`, id)
	})
	if err != nil {
		return nil, nil, err
	}
	return u, o, nil
}

// FindUsersByIDs returns the users with the given ids that the caller may
// see: admins see everyone, others themselves and fellow members.
func (db *DB) FindUsersByIDs(ctx context.Context, ids []int64) (map[int64]*User, error) {
	a := ActorFrom(ctx)
	var users []*User
	err := db.conn().sel(ctx, &users, `SELECT u.* FROM users u WHERE u.id = ANY($3)
		AND ($1 = 'ADMIN' OR u.id = $4 OR EXISTS (SELECT 1 FROM memberships m
			WHERE m.user_id = u.id AND m.organisation_id = ANY($2)))`,
		a.role(), pq.Array(a.orgs()), pq.Array(ids), actorID(a))
	if err != nil {
		return nil, err
	}
	out := make(map[int64]*User, len(users))
	for _, u := range users {
		out[u.ID] = u
	}
	return out, nil
}

// FindUsers lists every user, or those of role when it is not empty, by
// id; only admins may.
func (db *DB) FindUsers(ctx context.Context, p Page, role Role) ([]*User, bool, error) {
	if !ActorFrom(ctx).IsAdmin() {
		return nil, false, Errorf(Forbidden, "only admins list users")
	}
	var users []*User
	err := db.conn().sel(ctx, &users, `SELECT * FROM users WHERE id > $1 AND ($3 = '' OR role = $3) ORDER BY id LIMIT $2`,
		p.After, p.First+1, role)
	users, more := trimPage(users, p)
	return users, more, err
}

// CountUsers counts every user, or those of role when it is not empty;
// only admins may.
func (db *DB) CountUsers(ctx context.Context, role Role) (int, error) {
	if !ActorFrom(ctx).IsAdmin() {
		return 0, Errorf(Forbidden, "only admins list users")
	}
	var n int
	err := db.conn().get(ctx, &n, `SELECT count(*) FROM users WHERE $1 = '' OR role = $1`, role)
	return n, err
}

func actorID(a *Actor) int64 {
	if a == nil {
		return 0
	}
	return a.UserID
}

// checkText checks that s has between min and max characters.
func checkText(field, s string, min, max int) error {
	n := utf8.RuneCountInString(s)
	if !utf8.ValidString(s) {
		return InvalidField(field, "is not valid UTF-8")
	}
	if n < min {
		if min == 1 {
			return InvalidField(field, "must not be empty")
		}
		return InvalidField(field, "must be at least %d characters", min)
	}
	if n > max {
		return InvalidField(field, "must be at most %d characters", max)
	}
	return nil
}
