//go:build unix

package chatlog

import (
	"syscall"
	"time"
)

// cpuTime is the processor time the process has used (user and system), which
// the benchmarks report beside the wall time: on a busy machine it is the steadier
// number.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
