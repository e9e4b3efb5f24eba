//go:build !(js && wasm)

package cli

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/ganplayground/ganplayground/core/classify"
)

func init() {
	register(&command{
		name:  "train-classifier",
		usage: "[-mnist DIR] [-seed N] [-epochs N] -o FILE   train the MNIST classifier behind eval's digit shares and fd_classifier; prints JSON",
		run:   runTrainClassifier,
	})
}

type classifierResult struct {
	Seed     uint64  `json:"seed"`
	Hidden   []int   `json:"hidden"`
	Epochs   int     `json:"epochs"`
	Loss     float64 `json:"loss"` // mean training loss of the last epoch
	TestAcc  float64 `json:"test_acc"`
	Seconds  float64 `json:"seconds"`
	Out      string  `json:"out"`
	OutBytes int     `json:"out_bytes"`
}

// runTrainClassifier trains on all 60,000 training images (the classifier
// is a measuring stick, not part of the GAN protocol, so it needs no
// validation split) and reports accuracy on the 10,000 test images.
func runTrainClassifier(args []string, stdout, stderr io.Writer) error {
	cfg := classify.DefaultTrain()
	fs := newFlags("train-classifier", stderr)
	mnist := fs.String("mnist", "", "folder of the MNIST .gz files (default: the GoMNIST module's)")
	out := fs.String("o", "", "output file (required)")
	fs.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "random seed (initialisation, order, shifts)")
	fs.IntVar(&cfg.Epochs, "epochs", cfg.Epochs, "passes over the training images")
	quiet := fs.Bool("quiet", false, "no per-epoch progress on stderr")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if *out == "" || fs.NArg() != 0 {
		return errors.New("want -o FILE and no arguments")
	}
	if err := checkWritable(*out); err != nil {
		return err
	}
	train, test, err := loadMNIST(*mnist)
	if err != nil {
		return err
	}
	start := time.Now()
	res := classifierResult{Seed: cfg.Seed, Hidden: cfg.Hidden, Epochs: cfg.Epochs, Out: *out}
	c, err := classify.Train(cfg, train, func(ep int, loss float64) {
		res.Loss = loss
		if !*quiet {
			fmt.Fprintf(stderr, "epoch %d/%d loss %.4f (%.0fs)\n", ep, cfg.Epochs, loss, time.Since(start).Seconds())
		}
	})
	if err != nil {
		return err
	}
	res.Seconds = time.Since(start).Seconds()
	res.TestAcc = c.Accuracy(test)
	b, err := c.MarshalBinary()
	if err != nil {
		return err
	}
	res.OutBytes = len(b)
	if err := writeFile(*out, func(w io.Writer) error { _, err := w.Write(b); return err }); err != nil {
		return err
	}
	return printJSON(stdout, res)
}
