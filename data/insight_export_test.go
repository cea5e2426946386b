package data

// ResetInsightCache forgets what LoadInsight and 今日 read of the chat, so a benchmark
// can measure a first load.
func ResetInsightCache() { insightCache = &chatCache{vals: map[string]chatCached{}} }
