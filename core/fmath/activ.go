package fmath

// Sigmoid is 1/(1+e^-x) in float32, computed in float64 and rounded once.
func Sigmoid(x float32) float32 {
	if x >= 0 {
		return float32(1 / (1 + Exp(-float64(x))))
	}
	e := Exp(float64(x))
	return float32(e / (1 + e))
}

// Tanh in float32 via Exp; stable for large |x|.
func Tanh(x float32) float32 {
	a := float64(x)
	neg := a < 0
	if neg {
		a = -a
	}
	if a > 20 {
		a = 1
	} else {
		e := Exp(-2 * a)
		a = (1 - e) / (1 + e)
	}
	if neg {
		a = -a
	}
	return float32(a)
}

// Softplus is log(1+e^x) in float64, without overflow. It is the building
// block of the GAN losses on logits: -log σ(x) = Softplus(-x) and
// -log(1-σ(x)) = Softplus(x).
func Softplus(x float64) float64 {
	if x > 0 {
		return x + Log(1+Exp(-x))
	}
	return Log(1 + Exp(x))
}
