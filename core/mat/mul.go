package mat

// MulNN sets C = A·B (or adds it when acc), with A m×k, B k×n, C m×n.
// This is the forward pass X·W.
func MulNN(c, a, b []float32, m, k, n int, acc bool) {
	if !split(kindNN, c, a, b, m, k, n, acc) {
		mulNN(c, a, b, m, k, n, acc)
	}
}

// MulTN sets C = Aᵀ·B (or adds it when acc), with A k×m, B k×n, C m×n.
// This is the weight gradient Xᵀ·dY.
func MulTN(c, a, b []float32, m, k, n int, acc bool) {
	if !split(kindTN, c, a, b, m, k, n, acc) {
		mulTN(c, a, b, m, k, n, acc)
	}
}

// MulNT sets C = A·Bᵀ (or adds it when acc), with A m×k, B n×k, C m×n.
// This is the input gradient dY·Wᵀ.
func MulNT(c, a, b []float32, m, k, n int, acc bool) {
	if !split(kindNT, c, a, b, m, k, n, acc) {
		mulNT(c, a, b, m, k, n, acc)
	}
}
