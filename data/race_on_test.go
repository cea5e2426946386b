//go:build race

package data

// raceBuild says the tests run under the race detector, which makes the pure-Go
// SQLite some 30 times slower: long randomized tests take fewer steps then.
const raceBuild = true
