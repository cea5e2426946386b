// Package datatest holds made-up data for QunHuo: the demo data an owner can load to
// try the app from the welcome screen (FillDemo with SmallDemo), the reference
// database that benchmarks measure the design's performance targets on (DemoFile with
// BigDemo, cached per machine), and the clocks tests fix or move (Now, Clock).
//
// It writes only through package data's exported API, so demo data passes the same
// checks as what an owner types or imports. It does not import testing: the app links
// it for the welcome screen.
package datatest
