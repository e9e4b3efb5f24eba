package export

import (
	"fmt"
	"strings"

	"github.com/ganplayground/ganplayground/core/gan"
)

// Generator lists G's tensors under PyTorch-style names, each weight
// transposed to nn.Linear's [out, in], with metadata describing how to run
// them. The trainer's own storage is [in, out] (y = x·W + b).
func Generator(t *gan.Trainer) ([]Tensor, map[string]string) {
	rc := t.Recipe
	var out []Tensor
	layer := 0
	for _, p := range t.Sampler().Params() {
		switch {
		case strings.HasSuffix(p.Name, ".w"):
			w := make([]float32, len(p.W))
			for i := 0; i < p.Rows; i++ {
				for j := 0; j < p.Cols; j++ {
					w[j*p.Rows+i] = p.W[i*p.Cols+j]
				}
			}
			out = append(out, Tensor{Name: fmt.Sprintf("g.%d.weight", layer), Shape: []int{p.Cols, p.Rows}, Data: w})
		case strings.HasSuffix(p.Name, ".b"):
			out = append(out, Tensor{Name: fmt.Sprintf("g.%d.bias", layer), Shape: []int{p.Cols}, Data: append([]float32(nil), p.W...)})
			layer++
		}
	}
	act := rc.GAct
	if act == "maxout" {
		act = fmt.Sprintf("maxout with %d pieces: each hidden layer's outputs are grouped by unit (unit u is the max of outputs u*%d … u*%d+%d)", rc.Pieces, rc.Pieces, rc.Pieces, rc.Pieces-1)
	}
	outAct := "linear"
	if rc.DataDim() != 2 {
		outAct = "sigmoid (pixels in [0, 1], 28×28 row-major)"
	}
	meta := map[string]string{
		"format":      "ganplayground generator",
		"recipe":      rc.Full(),
		"step":        fmt.Sprint(t.Step),
		"fingerprint": t.Fingerprint(),
		"layers":      fmt.Sprint(layer),
		"input":       fmt.Sprintf("z: %d values from the %s prior", rc.Z, rc.Prior),
		"hidden_act":  act,
		"output_act":  outAct,
		"usage":       "x = z; for each layer i: x = x @ g.i.weight.T + g.i.bias, then hidden_act (output_act after the last)",
	}
	return out, meta
}

// GeneratorSafetensors is Safetensors of Generator(t).
func GeneratorSafetensors(t *gan.Trainer) ([]byte, error) {
	ts, meta := Generator(t)
	return Safetensors(ts, meta)
}
