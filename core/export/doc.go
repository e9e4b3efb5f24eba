// Package export writes a trained generator in formats other tools read, so
// a model can leave the playground.
//
// # safetensors
//
// Safetensors writes the format of huggingface/safetensors
// (https://github.com/huggingface/safetensors, "Format"):
//
//	8 bytes   N, the header's length, unsigned little-endian
//	N bytes   a JSON object: for each tensor its name →
//	          {"dtype": "F32", "shape": [...], "data_offsets": [begin, end]},
//	          plus "__metadata__", a string → string map;
//	          padded with spaces so that the data starts 8-byte aligned
//	rest      the tensors' bytes, little-endian, back to back: offsets are
//	          relative to here, and every byte belongs to exactly one tensor
//
// Generator names G's tensors as PyTorch's nn.Sequential of nn.Linear would
// ("g.0.weight", "g.0.bias", "g.1.weight", …: layer i is the i-th affine
// map) and stores each weight as nn.Linear does, [out, in], so that
// `linear.weight.copy_(t)` loads it. The metadata holds the recipe (its
// full text: architecture, activations, prior), and says how to run the
// net; see Generator.
package export
