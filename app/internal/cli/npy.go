//go:build !(js && wasm)

package cli

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"strings"
)

// writeNPY writes rows×cols float32 values as a NumPy .npy file, format
// version 1.0: magic, header length, a Python dict literal padded with
// spaces to a multiple of 64 bytes and ended by '\n', then the values
// little-endian in C order. numpy.load reads it as float32 (rows, cols).
func writeNPY(w io.Writer, vals []float32, rows, cols int) error {
	if rows*cols != len(vals) {
		return fmt.Errorf("npy: %d values are not %d×%d", len(vals), rows, cols)
	}
	dict := fmt.Sprintf("{'descr': '<f4', 'fortran_order': False, 'shape': (%d, %d), }", rows, cols)
	const prefix = 6 + 2 + 2 // magic, version, header length
	pad := 64 - (prefix+len(dict)+1)%64
	if pad == 64 {
		pad = 0
	}
	header := dict + strings.Repeat(" ", pad) + "\n"
	b := make([]byte, 0, prefix+len(header)+4*len(vals))
	b = append(b, "\x93NUMPY\x01\x00"...)
	b = binary.LittleEndian.AppendUint16(b, uint16(len(header)))
	b = append(b, header...)
	for _, v := range vals {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(v))
	}
	_, err := w.Write(b)
	return err
}
