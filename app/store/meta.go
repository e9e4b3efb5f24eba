package store

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ganplayground/ganplayground/core/checkpoint"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// NewMeta encodes t as a checkpoint and describes it. The caller adds
// Metrics and Thumbnail, then Saves.
func NewMeta(t *gan.Trainer, name string) (Meta, []byte, error) {
	var b bytes.Buffer
	if err := checkpoint.Encode(&b, t); err != nil {
		return Meta{}, nil, err
	}
	if name == "" {
		name = fmt.Sprintf("%s, step %d", t.Recipe.Data, t.Step)
	}
	return Meta{Name: name, Data: t.Recipe.Data, Recipe: t.Recipe.String(), Step: t.Step,
		Size: b.Len(), Fingerprint: t.Fingerprint()}, b.Bytes(), nil
}

// LoadTrainer loads a record and decodes its checkpoint, checking that the
// weights are the ones recorded at save time. The trainer has no data
// source: Attach one before training.
func LoadTrainer(ctx context.Context, s Store, id string) (Meta, *gan.Trainer, error) {
	m, b, err := s.Load(ctx, id)
	if err != nil {
		return m, nil, err
	}
	t, err := checkpoint.Decode(bytes.NewReader(b))
	if err != nil {
		return m, nil, &RecordError{ID: id, Err: fmt.Errorf("%w: %w", ErrCorrupt, err)}
	}
	if fp := t.Fingerprint(); fp != m.Fingerprint {
		return m, nil, corrupt(id, "weights have fingerprint %s, saved as %s", fp, m.Fingerprint)
	}
	return m, t, nil
}

// metaVersion is the layout of the stored metadata JSON.
const metaVersion = 1

// stored is the JSON form of Meta. Thumbnail goes as base64 (encoding/json's
// []byte); Created as RFC 3339 with nanoseconds.
type stored struct {
	V           int                `json:"v"`
	ID          string             `json:"id"`
	Name        string             `json:"name"`
	Data        string             `json:"data"`
	Recipe      string             `json:"recipe"`
	Step        int                `json:"step"`
	Created     time.Time          `json:"created"`
	Size        int                `json:"size"`
	Metrics     map[string]float64 `json:"metrics,omitempty"`
	Thumbnail   []byte             `json:"thumb,omitempty"`
	Fingerprint string             `json:"fp"`
}

// prepare fills what Save owns (ID, Created, Size) and validates the rest;
// it returns the JSON to store. Everything is checked before any storage is
// touched.
func prepare(m Meta, ckpt []byte, now time.Time) (Meta, string, error) {
	if m.ID == "" {
		m.ID = newID(now)
	}
	if m.Created.IsZero() {
		m.Created = now
	}
	m.Created = m.Created.UTC()
	m.Size = len(ckpt)
	m.Name = strings.TrimSpace(m.Name)
	clean := map[string]float64{}
	for k, v := range m.Metrics {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			clean[k] = v
		}
	}
	m.Metrics = clean
	if len(clean) == 0 {
		m.Metrics = nil
	}
	if err := checkHeader(ckpt, m.Size); err != nil {
		return m, "", fmt.Errorf("%w: checkpoint bytes: %v", ErrInvalid, err)
	}
	js, err := marshalMeta(m)
	return m, js, err
}

// marshalMeta validates m and returns its stored JSON.
func marshalMeta(m Meta) (string, error) {
	if err := validate(m); err != nil {
		return "", fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	js, err := json.Marshal(stored{V: metaVersion, ID: m.ID, Name: m.Name, Data: m.Data, Recipe: m.Recipe,
		Step: m.Step, Created: m.Created, Size: m.Size, Metrics: m.Metrics, Thumbnail: m.Thumbnail, Fingerprint: m.Fingerprint})
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	return string(js), nil
}

// parseMeta reads stored metadata, refusing anything Save would not write.
func parseMeta(key, s string) (Meta, error) {
	var st stored
	dec := json.NewDecoder(strings.NewReader(s))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&st); err != nil {
		return Meta{}, corrupt(key, "metadata: %v", err)
	}
	if st.V != metaVersion {
		return Meta{}, corrupt(key, "metadata version %d, this page reads %d", st.V, metaVersion)
	}
	if st.ID != key {
		return Meta{}, corrupt(key, "metadata names id %q", st.ID)
	}
	m := Meta{ID: st.ID, Name: st.Name, Data: st.Data, Recipe: st.Recipe, Step: st.Step, Created: st.Created,
		Size: st.Size, Metrics: st.Metrics, Thumbnail: st.Thumbnail, Fingerprint: st.Fingerprint}
	if err := validate(m); err != nil {
		return Meta{}, corrupt(key, "metadata: %v", err)
	}
	return m, nil
}

func validate(m Meta) error {
	switch {
	case !validID(m.ID):
		return fmt.Errorf("id %q is not 1-64 characters of [A-Za-z0-9_-]", m.ID)
	case !utf8.ValidString(m.Name) || utf8.RuneCountInString(m.Name) > MaxName:
		return fmt.Errorf("name is not valid text of at most %d characters", MaxName)
	case m.Step < 0:
		return fmt.Errorf("step %d", m.Step)
	case m.Size <= 0:
		return fmt.Errorf("size %d", m.Size)
	case len(m.Thumbnail) > MaxThumbnail:
		return fmt.Errorf("thumbnail of %d bytes, max %d", len(m.Thumbnail), MaxThumbnail)
	case len(m.Thumbnail) > 0 && !bytes.HasPrefix(m.Thumbnail, []byte("\x89PNG\r\n\x1a\n")):
		return fmt.Errorf("thumbnail is not a PNG")
	case len(m.Metrics) > MaxMetrics:
		return fmt.Errorf("%d metrics, max %d", len(m.Metrics), MaxMetrics)
	case len(m.Fingerprint) != 16 || !isHex(m.Fingerprint):
		return fmt.Errorf("fingerprint %q is not 16 hex digits", m.Fingerprint)
	}
	rc, err := recipe.Parse(m.Recipe)
	if err != nil {
		return err
	}
	if rc.Data != m.Data {
		return fmt.Errorf("data %q, the recipe says %q", m.Data, rc.Data)
	}
	return nil
}

func validID(id string) bool {
	if len(id) == 0 || len(id) > 64 {
		return false
	}
	for _, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

func isHex(s string) bool {
	_, err := hex.DecodeString(s)
	return err == nil
}

// newID is the creation time in base 36 milliseconds (so IDs sort roughly
// by age) and 32 random bits (so two tabs saving at once do not collide).
func newID(now time.Time) string {
	var r [4]byte
	rand.Read(r[:]) // never fails (crypto/rand)
	return "ck" + strconv.FormatInt(now.UnixMilli(), 36) + "-" + hex.EncodeToString(r[:])
}

// checkpoint header: magic, u32 version, u64 payload length; a CRC-32C
// trailer of 4 bytes follows the payload.
const (
	ckptHeader  = len(checkpoint.Magic) + 4 + 8
	ckptTrailer = 4
)

// checkHeader is the cheap check List and Load make without decoding:
// the magic, and a length that agrees with the header and the metadata.
// A flipped bit inside the payload is left to checkpoint.Decode's CRC.
func checkHeader(head []byte, size int) error {
	if size < ckptHeader+ckptTrailer || len(head) < ckptHeader {
		return fmt.Errorf("%d bytes, shorter than a checkpoint", size)
	}
	if string(head[:len(checkpoint.Magic)]) != checkpoint.Magic {
		return fmt.Errorf("not a checkpoint (no magic header)")
	}
	payload := binary.LittleEndian.Uint64(head[len(checkpoint.Magic)+4:])
	if payload != uint64(size-ckptHeader-ckptTrailer) {
		return fmt.Errorf("header says %d payload bytes, the record holds %d", payload, size-ckptHeader-ckptTrailer)
	}
	return nil
}

// sortMetas orders newest first, then by ID.
func sortMetas(ms []Meta) {
	slices.SortFunc(ms, func(a, b Meta) int {
		if c := b.Created.Compare(a.Created); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}
