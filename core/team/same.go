package team

import (
	"math"
	"reflect"

	"github.com/ganplayground/ganplayground/core/recipe"
)

// sameRecipe reports whether a and b hold the same settings, field by
// field: what comparing their texts says, without writing two texts each
// update (recipe.String allocates dozens of strings).
func sameRecipe(a, b *recipe.Recipe) bool {
	return sameValue(reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem())
}

func sameValue(a, b reflect.Value) bool {
	switch a.Kind() {
	case reflect.Struct:
		for i := range a.NumField() {
			if !sameValue(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !sameValue(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.String:
		return a.String() == b.String()
	case reflect.Bool:
		return a.Bool() == b.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return a.Int() == b.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return a.Uint() == b.Uint()
	case reflect.Float32, reflect.Float64:
		// The bits: -0 is not 0, as in the text (at worst a needless sync).
		return math.Float64bits(a.Float()) == math.Float64bits(b.Float())
	}
	// A kind the recipe does not use yet: unequal, so a sync is never missed.
	return false
}
