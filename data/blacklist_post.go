package data

// PostBlacklist is the 失效资源公示: the resources on the blacklist as a QQ post.
const PostBlacklist PostKind = "blacklist"

func init() { postKindLabels[PostBlacklist] = "失效资源公示" }
