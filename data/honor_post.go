package data

// PostHonor is the 群荣誉榜: the badges members hold and the top point earners.
const PostHonor PostKind = "honor"

func init() { postKindLabels[PostHonor] = "群荣誉榜" }
