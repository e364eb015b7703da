package saves

import "testing"

// SlotExists tells a named save that is on disk from one that is not, and
// never matches autosaves or names that cannot be slots.
func TestSlotExists(t *testing.T) {
	st, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	sv, _ := twoSaves(t)
	if st.SlotExists("mine") {
		t.Fatal("no save yet, but SlotExists says there is one")
	}
	if err := st.SaveSlot("mine", sv); err != nil {
		t.Fatal(err)
	}
	if err := st.Autosave(sv); err != nil {
		t.Fatal(err)
	}
	if !st.SlotExists("mine") {
		t.Error("the save just written does not exist")
	}
	for _, name := range []string{"auto-000001", "last-good", "../mine", "", "other"} {
		if st.SlotExists(name) {
			t.Errorf("SlotExists(%q) = true", name)
		}
	}
	if err := st.Delete("mine"); err != nil {
		t.Fatal(err)
	}
	if st.SlotExists("mine") {
		t.Error("a deleted save still exists")
	}
}
