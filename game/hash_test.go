package game_test

import (
	"reflect"
	"testing"

	"zerosum/game"
)

// TestHashCoversEveryField changes every integer, string and bool reachable
// in a state, one at a time, and checks the hash notices. A field added to
// State but forgotten in Hash fails here.
func TestHashCoversEveryField(t *testing.T) {
	sc := scenario(t)
	st, _ := sc.NewGame(3)
	// Make sure every slice has at least one element to mutate.
	st.Pending = append(st.Pending, game.Pending{Due: 2, Add: 1, Target: game.Ref{Kind: game.RefTrack}})
	st.Covert = append(st.Covert, game.CovertRecord{Turn: 1})
	st.News = append(st.News, 0)
	st.Crisis.Culprits = append(st.Crisis.Culprits, 0)
	st.Crisis.Shares = append(st.Crisis.Shares, 0)
	base := st.Hash()
	n := 0
	var walk func(v reflect.Value, path string)
	walk = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.Struct:
			for i := range v.NumField() {
				walk(v.Field(i), path+"."+v.Type().Field(i).Name)
			}
		case reflect.Slice, reflect.Array:
			if v.Len() > 0 {
				walk(v.Index(v.Len()-1), path+"[last]")
			}
		case reflect.Int, reflect.Int64, reflect.Int32:
			old := v.Int()
			v.SetInt(old + 1)
			check(t, &st, base, path)
			v.SetInt(old)
			n++
		case reflect.Uint8, reflect.Uint64:
			old := v.Uint()
			v.SetUint(old + 1)
			check(t, &st, base, path)
			v.SetUint(old)
			n++
		case reflect.String:
			old := v.String()
			v.SetString(old + "x")
			check(t, &st, base, path)
			v.SetString(old)
			n++
		case reflect.Bool:
			v.SetBool(!v.Bool())
			check(t, &st, base, path)
			v.SetBool(!v.Bool())
			n++
		default:
			t.Errorf("%s: kind %s is not covered by this test", path, v.Kind())
		}
	}
	walk(reflect.ValueOf(&st).Elem(), "State")
	if st.Hash() != base {
		t.Fatal("the walk did not restore the state")
	}
	if n < 40 {
		t.Fatalf("only %d fields visited", n)
	}
}

func check(t *testing.T, st *game.State, base game.Hash, path string) {
	t.Helper()
	if st.Hash() == base {
		t.Errorf("changing %s does not change the state hash", path)
	}
}
