//go:build !unix

package chatlog

import "time"

// cpuTime is 0 where the benchmarks do not measure it.
func cpuTime() time.Duration { return 0 }
