package share

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Links of every released format version. They must keep opening, to the
// same samples, in every later build: a shared link lives in chats and
// bookmarks for years. Add a file per new version; never rewrite an old one.
var corpusFiles = []string{"links-v1.txt", "links-v2.txt"}

// corpusRecipes make testdata/links-vN.txt for the current version (with
// -update-links, once per version).
var corpusRecipes = []struct {
	name, recipe string
	steps        int
	q            Quant
}{
	{"ring8-default", "steps=60", 60, QuantAuto},
	{"ring8-int8", "g=64,64&d=64&z=4&seed=2", 30, QuantInt8},
	{"grid25-maxout-uniform", "data=grid25&g=16,16&gact=maxout&pieces=3&prior=uniform&d=16&seed=3", 30, QuantF16},
	{"custom-tanh-dropout", "data=custom&points=1,1;-1,0.5;0,-1.25&g=24&gact=tanh&gdrop=0.2&d=8&z=3&seed=4", 30, QuantF16},
	{"mnist-tiny", "data=mnist&digits=38&z=4&g=8&d=8&seed=5", 0, QuantF16},
}

var updateLinks = flag.Bool("update-links", false, "write testdata/links-vN.txt for the current version N (only when creating a new format version's file)")

func TestUpdateLinks(t *testing.T) {
	if !*updateLinks {
		t.Skip("run with -update-links to write the corpus of the current version")
	}
	path := filepath.Join("testdata", fmt.Sprintf("links-v%d.txt", Version))
	var b strings.Builder
	fmt.Fprintf(&b, "# Model links of format version %d: name, fingerprint of 64 G samples (noise seed 7), link.\n", Version)
	fmt.Fprintf(&b, "# Every line must keep opening to the same samples. Never edit; add a file for a new version.\n")
	for _, c := range corpusRecipes {
		tr := trained(t, c.recipe, c.steps)
		s, _, err := EncodeQuant(tr, c.q)
		if err != nil {
			t.Fatal(err)
		}
		opened, _, err := Decode(s) // the fingerprint is of what the link opens to
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s %s %s\n", c.name, sampleFP(opened), s)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// corpus reads every committed link.
func corpus(t testing.TB) (names, fps, links []string) {
	for _, file := range corpusFiles {
		f, err := os.Open(filepath.Join("testdata", file))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 2*MaxLinkBytes)
		for sc.Scan() {
			line := sc.Text()
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			parts := strings.Fields(line)
			if len(parts) != 3 {
				t.Fatalf("%s: bad line %.40q", file, line)
			}
			names, fps, links = append(names, file+":"+parts[0]), append(fps, parts[1]), append(links, parts[2])
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return
}

func TestCorpusOpens(t *testing.T) {
	names, fps, links := corpus(t)
	if len(links) < len(corpusRecipes) {
		t.Fatalf("%d links in the corpus", len(links))
	}
	for i, s := range links {
		tr, info, err := Decode(s)
		if err != nil {
			t.Errorf("%s: %v", names[i], err)
			continue
		}
		if got := sampleFP(tr); got != fps[i] {
			t.Errorf("%s: samples fingerprint %s, want %s", names[i], got, fps[i])
		}
		if info.Bytes != len(s) || !info.Fits() {
			t.Errorf("%s: info %+v", names[i], info)
		}
		// Version 2's corpus is small enough to carry D on every line: D's
		// decoding is pinned too.
		if v2 := strings.HasPrefix(names[i], "links-v2"); info.WithD != v2 {
			t.Errorf("%s: WithD %v at step %d", names[i], info.WithD, tr.Step)
		}
	}
}

// Every truncation of a real link is refused with a typed error.
func TestCorpusTruncations(t *testing.T) {
	_, _, links := corpus(t)
	s := links[len(links)-1]
	stride := 1
	// Every prefix takes most of a minute under WASM (and instrumented):
	// there every 13th, which still meets every position modulo the
	// encoding's 3- and 4-byte groups. The decoder is the same code in
	// both builds; the native pass tries every prefix.
	if raceEnabled || runtime.GOOS == "js" {
		stride = 13
	}
	for n := 0; n < len(s); n += stride {
		if _, _, err := Decode(s[:n]); !errors.Is(err, ErrLink) {
			t.Fatalf("prefix of %d bytes: %v", n, err)
		}
	}
}
