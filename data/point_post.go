package data

// PostPointBoard is the 积分排行榜: a leaderboard of the points ledger as a QQ post.
const PostPointBoard PostKind = "point_board"

func init() { postKindLabels[PostPointBoard] = "积分排行榜" }
