package content

import (
	"testing"

	"zerosum/game"
)

// TestEngineWordsInEnglish: the engine's phrases as the content gives them
// are, in English, exactly the engine's own (a key mistyped in words.go
// would otherwise go unnoticed until a translation missed it).
func TestEngineWordsInEnglish(t *testing.T) {
	if got := *engineWords(); got != game.English {
		t.Errorf("engineWords in English differ from game.English:\n%+v\n%+v", got, game.English)
	}
}
