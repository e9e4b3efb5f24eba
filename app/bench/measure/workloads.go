package measure

// Workload is one benchmarked training setup.
type Workload struct {
	Name   string // short name for the table
	About  string // what it is
	Recipe string // the trainer's recipe
}

// Workloads are the three setups of docs/speed.md and core/gan's benchmarks
// (BenchmarkStepW1, …W2, …PaperMNIST use the same recipes): W1 and W2 are
// the toy and MNIST MLPs the kernels were first measured on; the third is the paper's MNIST
// preset (maxout D with dropout, SGD with momentum, batch 100).
var Workloads = []Workload{
	{"W1", "toy2d G 2→64→64→2, D 2→64→64→1, batch 256, Adam", "z=2&g=64,64&d=64,64&batch=256&pack=1"},
	{"W2", "mnist-mlp G 64→256→512→784, D 784→512→256→1, batch 64, Adam", "data=mnist&z=64&g=256,512&d=512,256&batch=64&pack=1"},
	{"paper", "paper MNIST G 100→1200→1200→784, D maxout 784→240×5→240×5→1, dropout, batch 100, SGD", "data=mnist&z=100&g=1200,1200&gact=relu&dact=maxout&d=240,240&pieces=5&ddrop=0.5&ddropin=0.2&opt=sgd&lrg=0.1&lrd=0.1&batch=100&prior=uniform&pack=1"},
}
