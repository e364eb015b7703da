package content

import (
	"testing"
)

// TestEmbeddedScenariosLoad loads every embedded scenario and fails with
// every problem found, file:line first.
func TestEmbeddedScenariosLoad(t *testing.T) {
	ids := ScenarioIDs()
	if len(ids) == 0 {
		t.Fatal("no embedded scenarios")
	}
	for _, id := range ids {
		if _, err := Load(id); err != nil {
			t.Errorf("scenario %s:\n%v", id, err)
		}
	}
}
