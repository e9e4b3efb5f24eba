package recipe

import "fmt"

// MaxShards caps the shards key: more shards than the workers a machine
// or a browser could run buys nothing and costs a gradient buffer each.
const MaxShards = 64

// checkShards holds shards to what the sharded trainer needs: a power of
// two, so that the fixed summation tree's subtrees are whole blocks of
// shards; and a divisor of batch/pack, so that every shard holds the same
// number of D's packed rows and no shard boundary splits a pack group.
func (r *Recipe) checkShards() error {
	s := r.Shards
	if s&(s-1) != 0 {
		return &Error{Key: "shards", Msg: fmt.Sprintf("%d is not a power of two (1, 2, 4, 8, …)", s)}
	}
	if np := r.Batch / r.Pack; np%s != 0 {
		return &Error{Key: "shards", Msg: fmt.Sprintf("batch/pack = %d/%d = %d rows of D do not split into %d equal shards", r.Batch, r.Pack, np, s)}
	}
	return nil
}
