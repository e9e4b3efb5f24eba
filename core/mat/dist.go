package mat

// SqDistBytes returns the squared Euclidean distance between the byte
// vectors a and b (len(b) ≥ len(a)) — or, once a partial sum reaches
// bound, some partial sum ≥ bound: the caller looking for the nearest of
// many vectors passes the best distance so far and discards any result
// ≥ it, so where the sum stops never changes which vector wins. The sums
// are exact integers; the SIMD build (16 bytes a step) returns the same
// choice, though it may stop at another partial sum.
func SqDistBytes(a, b []byte, bound int) int { return sqDistBytes(a, b, bound) }

// distCheck is how many bytes are summed between two looks at the bound:
// two MNIST rows.
const distCheck = 56

func sqDistBytesScalar(a, b []byte, bound int) int {
	b = b[:len(a)]
	s := 0
	for p := 0; p < len(a); p += distCheck {
		q1 := min(p+distCheck, len(a))
		for q := p; q < q1; q++ {
			e := int(a[q]) - int(b[q])
			s += e * e
		}
		if s >= bound {
			return s
		}
	}
	return s
}
