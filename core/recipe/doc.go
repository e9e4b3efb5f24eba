// Package recipe is the one settings format of the playground: a
// `key=value&key=value` string that lives in the page's URL fragment, in the
// CLI's -recipe flag and inside checkpoints. Like TF Playground's state.ts it
// is one typed table (keys.go) driving one generic parse/encode loop; unlike
// it, every enum has a whitelist, every number a range, every list a size
// cap, and NaN/Inf are rejected. Errors name the key.
package recipe
