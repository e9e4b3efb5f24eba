package data

import (
	"bytes"
	"errors"
	"testing"
)

func idxFiles(t testing.TB, m *MNIST) (images, labels []byte) {
	return gz(t, be32(idxImagesMagic, uint32(m.Len()), Side, Side), m.Images),
		gz(t, be32(idxLabelsMagic, uint32(m.Len())), m.Labels)
}

func TestReadIDX(t *testing.T) {
	m := fakeMNIST(5, 3)
	img, lab := idxFiles(t, m)
	got, err := ReadIDX(bytes.NewReader(img), bytes.NewReader(lab))
	if err != nil {
		t.Fatal(err)
	}
	if !equalMNIST(got, m) {
		t.Fatal("IDX contents differ")
	}
}

func TestReadIDXRejectsCorrupt(t *testing.T) {
	m := fakeMNIST(3, 4)
	img, lab := idxFiles(t, m)
	short, _ := idxFiles(t, m.Slice(0, 2))
	cases := []struct {
		name     string
		img, lab []byte
	}{
		{"images not gzip", m.Images, lab},
		{"labels not gzip", img, m.Labels},
		{"images magic", gz(t, be32(idxLabelsMagic, 3, Side, Side), m.Images), lab},
		{"labels magic", img, gz(t, be32(idxImagesMagic, 3), m.Labels)},
		{"image size", gz(t, be32(idxImagesMagic, 3, 28, 27), m.Images), lab},
		{"zero count", gz(t, be32(idxImagesMagic, 0, Side, Side)), lab},
		{"huge count", gz(t, be32(idxImagesMagic, MaxImages+1, Side, Side), m.Images), lab},
		{"huge label count", img, gz(t, be32(idxLabelsMagic, 1<<32-1), m.Labels)},
		{"truncated images", img[:len(img)/2], lab},
		{"truncated header", gz(t, be32(idxImagesMagic, 3)), lab},
		{"short pixels", gz(t, be32(idxImagesMagic, 3, Side, Side), m.Images[:10]), lab},
		{"extra pixels", gz(t, be32(idxImagesMagic, 3, Side, Side), m.Images, []byte{0}), lab},
		{"trailing bytes", append(bytes.Clone(img), 1, 2), lab},
		{"label not digit", img, gz(t, be32(idxLabelsMagic, 3), []byte{1, 2, 200})},
		{"count mismatch", short, lab},
	}
	for _, c := range cases {
		if _, err := ReadIDX(bytes.NewReader(c.img), bytes.NewReader(c.lab)); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: got %v, want ErrCorrupt", c.name, err)
		}
	}
}

func TestLoadModuleMNISTMissing(t *testing.T) {
	_, _, err := LoadModuleMNIST(t.TempDir())
	if err == nil || errors.Is(err, ErrCorrupt) {
		t.Fatalf("got %v, want a file-not-found error", err)
	}
}

// FuzzReadIDX: no pair of files may panic, and what is accepted must be
// a valid set.
func FuzzReadIDX(f *testing.F) {
	m := fakeMNIST(2, 5)
	img, lab := gz(f, be32(idxImagesMagic, 2, Side, Side), m.Images), gz(f, be32(idxLabelsMagic, 2), m.Labels)
	f.Add(img, lab)
	f.Add(img[:len(img)/2], lab)
	f.Add(gz(f, be32(idxImagesMagic, 1<<30, Side, Side)), lab)
	f.Fuzz(func(t *testing.T, img, lab []byte) {
		m, err := ReadIDX(bytes.NewReader(img), bytes.NewReader(lab))
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("error %v does not match ErrCorrupt", err)
			}
			return
		}
		if err := m.Validate(); err != nil {
			t.Fatalf("accepted an invalid set: %v", err)
		}
	})
}
