package protocol

import "fmt"

// CheckpointInfo answers OpCheckpoint (the trainer encoded as a checkpoint,
// with what the page's list shows about it) and OpLoad (a checkpoint put
// in place of the run, or why not) in a KindCheckpoint report. A failed
// request leaves everything but Op and Tag empty and says why in
// Report.Error; the run it was asked of goes on unchanged.
type CheckpointInfo struct {
	Op  Op  // OpCheckpoint or OpLoad
	Tag int // the command's N, echoed: the page's request (save, autosave, export…)

	Bytes       []byte // OpCheckpoint: checkpoint.Encode of the whole trainer
	Step        int
	Data        string // the recipe's data set
	Recipe      string // canonical recipe text
	Fingerprint string
	Metrics     []Metric // 2-D data: modes, hq, kl (mixtures) and jsd; none for MNIST
	Thumbnail   []byte   // a small PNG of G's samples
}

// Metric is one named score of a checkpoint.
type Metric struct {
	Name  string
	Value float64
}

// maxMetrics caps the metric list a report may carry.
const maxMetrics = 32

func (c *CheckpointInfo) append(w *writer) {
	w.u8(uint8(c.Op))
	w.int(c.Tag)
	w.bytes(c.Bytes)
	w.int(c.Step)
	w.str(c.Data)
	w.str(c.Recipe)
	w.str(c.Fingerprint)
	w.u32(uint32(len(c.Metrics)))
	for _, m := range c.Metrics {
		w.str(m.Name)
		w.f64(m.Value)
	}
	w.bytes(c.Thumbnail)
}

func (c *CheckpointInfo) decode(r *reader) {
	c.Op = Op(r.u8())
	c.Tag = r.int()
	c.Bytes = r.bytesInto(c.Bytes)
	c.Step = r.int()
	c.Data = r.str()
	c.Recipe = r.str()
	c.Fingerprint = r.str()
	n := r.length()
	if n > maxMetrics {
		r.fail(fmt.Sprintf("metrics (%d)", n))
		n = 0
	}
	c.Metrics = c.Metrics[:0]
	for i := 0; i < n; i++ {
		c.Metrics = append(c.Metrics, Metric{Name: r.str(), Value: r.f64()})
	}
	c.Thumbnail = r.bytesInto(c.Thumbnail)
}
