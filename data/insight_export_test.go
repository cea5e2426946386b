package data

// ResetInsightCache forgets what LoadInsight and 今日 read of the chat, so a benchmark
// can measure a first load.
func ResetInsightCache() { insightCache = &chatCache{vals: map[string]chatCached{}} }

// CPUTime is the process's CPU time, for benchmarks on a busy machine.
var CPUTime = cpuTime
