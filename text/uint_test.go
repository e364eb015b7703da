package text

import "testing"

// A seed is a uint64: F prints it as fmt does, without grouping, in
// Chinese too (the printer of golang.org/x/text groups digits unless told
// otherwise).
func TestUnsignedPlain(t *testing.T) {
	withLang(t, "zh", func() {
		if got := F("H%d %s", uint64(1), "2025"); got != "2025年上半年" {
			t.Errorf("a uint64 deciding a plural form: %q", got)
		}
		if got := F("H%d %s", uint(2), "2026"); got != "2026年下半年" {
			t.Errorf("a uint deciding a plural form: %q", got)
		}
		if got := F("%s, seed %d", "X", uint64(14126450208036296730)); got != "X，种子14126450208036296730" {
			t.Errorf("a uint64 in Chinese: %q", got)
		}
	})
}
