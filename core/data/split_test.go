package data

import "testing"

func TestSplits(t *testing.T) {
	cases := []struct{ n, train, valid int }{
		{60000, 50000, 10000},
		{50001, 50000, 1},
		{100, 100, 0},
	}
	for _, c := range cases {
		m := &MNIST{Images: make([]uint8, c.n*Pixels), Labels: make([]uint8, c.n)}
		tr, va := m.TrainSplit(), m.ValidSplit()
		if tr.Len() != c.train || va.Len() != c.valid || len(tr.Images) != c.train*Pixels || len(va.Images) != c.valid*Pixels {
			t.Errorf("n=%d: splits of %d and %d, want %d and %d", c.n, tr.Len(), va.Len(), c.train, c.valid)
		}
		if c.valid > 0 {
			// Views, not copies: the validation split starts at image TrainLen.
			m.Images[c.train*Pixels] = 99
			m.Labels[c.train] = 7
			if va.Images[0] != 99 || va.Labels[0] != 7 {
				t.Errorf("n=%d: ValidSplit is not a view at image %d", c.n, c.train)
			}
			// Capped: growing the training view must not write into the validation one.
			_ = append(tr.Labels, 1)
			if va.Labels[0] != 7 {
				t.Errorf("n=%d: append to TrainSplit overwrote ValidSplit", c.n)
			}
		}
	}
}

func TestSubsetRejectsNonDigits(t *testing.T) {
	m := fakeMNIST(20, 2)
	if _, err := m.Subset([]int{3, 10}); err == nil {
		t.Fatal("Subset accepted digit 10")
	}
	if _, err := m.Subset([]int{-1}); err == nil {
		t.Fatal("Subset accepted digit -1")
	}
}
