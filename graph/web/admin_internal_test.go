package web

import "testing"

// TestAdminDynamicKeys: the keys the secretariat's templates build from
// a value are in the catalogues.
func TestAdminDynamicKeys(t *testing.T) {
	cats, err := loadCatalogues()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range adminDynamicKeys {
		for lang, c := range cats {
			if _, ok := c[k]; !ok {
				t.Errorf("the %s catalogue lacks %q", lang, k)
			}
		}
	}
}

// adminDynamicKeys are the keys built from a value by the secretariat's
// pages.
var adminDynamicKeys = []string{"admin.role.ADMIN", "admin.role.JUROR", "admin.role.APPLICANT"}
