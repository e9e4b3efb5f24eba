//go:build !(js && wasm)

package main

import "github.com/ganplayground/ganplayground/core/recipe"

// tfjsSpec is a recipe spelled out for the TF.js reference
// (web/tfjs-worker.js), which builds the same nets, step and optimiser.
type tfjsSpec struct {
	Data    string  `json:"data"`
	Dim     int     `json:"dim"`
	Z       int     `json:"z"`
	Prior   string  `json:"prior"`
	G       []int   `json:"g"`
	D       []int   `json:"d"`
	GAct    string  `json:"gact"`
	DAct    string  `json:"dact"`
	Pieces  int     `json:"pieces"`
	GDrop   float64 `json:"gdrop"`
	DDrop   float64 `json:"ddrop"`
	DDropIn float64 `json:"ddropin"`
	Loss    string  `json:"loss"`
	Opt     string  `json:"opt"`
	LRG     float64 `json:"lrg"`
	LRD     float64 `json:"lrd"`
	Mom     float64 `json:"mom"`
	B2      float64 `json:"b2"`
	Decay   float64 `json:"decay"`
	LRMin   float64 `json:"lrmin"`
	Batch   int     `json:"batch"`
	K       int     `json:"k"`
	Pack    int     `json:"pack"`
}

func specOf(rec string) (tfjsSpec, error) {
	rc, err := recipe.Parse(rec)
	if err != nil {
		return tfjsSpec{}, err
	}
	return tfjsSpec{
		Data: rc.Data, Dim: rc.DataDim(), Z: rc.Z, Prior: rc.Prior, G: rc.G, D: rc.D,
		GAct: rc.GAct, DAct: rc.DAct, Pieces: rc.Pieces, GDrop: rc.GDrop, DDrop: rc.DDrop, DDropIn: rc.DDropIn,
		Loss: rc.Loss, Opt: rc.Opt, LRG: rc.LRG, LRD: rc.LRD, Mom: rc.Mom, B2: rc.B2,
		Decay: rc.Decay, LRMin: rc.LRMin, Batch: rc.Batch, K: rc.K, Pack: rc.Pack,
	}, nil
}
