package rulebook

// Defaults are the sections a group without rules of its own starts from: what a 卡盟
// group's members need to know before they buy — how to join in, how to talk, how a
// trade is guaranteed, where after-sales help is and how fast it answers, what is
// forbidden and what happens to those who do it anyway. The owner edits them; nothing
// is kept until the first save, which makes version 1.
func Defaults() []Section {
	out := make([]Section, len(defaults))
	copy(out, defaults)
	return out
}

var defaults = []Section{
	{"入群须知", "1. 本群是资源分享与交易群，进群请先改群名片：地区-昵称，方便大家称呼。\n" +
		"2. 新人请先看群公告和资源索引表，想要什么直接在群里发，如「求王者点券」，群主和管理员会尽快回复。\n" +
		"3. 群文件里有最新的资源表和使用教程，遇到问题先看教程。"},
	{"发言规范", "1. 友好交流，不人身攻击，不刷屏，不发与本群无关的广告和链接。\n" +
		"2. 求资源请写清楚要什么、要多少、什么时候要。\n" +
		"3. 分享使用心得、避坑经验欢迎发群里，有用的分享会记互助积分。"},
	{"交易规则（担保交易）", "1. 群内交易建议走群主担保：买家先把款交给群主，卖家发货、买家确认收到后，群主再把款转给卖家。\n" +
		"2. 不走担保、私下交易出了问题，本群不负责处理。\n" +
		"3. 卡密、账号等发货内容请私聊发送，不要发在群里。\n" +
		"4. 价格以资源索引表和群主公告为准，限时资源过期后按新价格。"},
	{"售后通道（24小时内响应）", "1. 资源用不了、到账不对、卡密失效等问题，请私聊群主或管理员报售后，说清楚买的什么、什么时候买的，并附截图。\n" +
		"2. 售后问题 24 小时内一定有人回复；处理结果会在群里说明。\n" +
		"3. 确认是资源本身的问题，按情况补发、换货或退款。"},
	{"禁止事项", "1. 禁止诈骗、倒卖他人卡密、发布虚假资源。\n" +
		"2. 禁止发布违法违规内容，禁止引流到其他群或平台。\n" +
		"3. 禁止冒充群主或管理员私聊群友收款。群主和管理员不会主动私聊要钱，收款前请在群里确认。"},
	{"违规处理", "1. 第一次违规提醒并撤回消息，第二次禁言一天，屡次违规或情节严重的直接移出本群。\n" +
		"2. 有诈骗行为的，移出本群并加入黑名单公示。\n" +
		"3. 对处理有异议的，可以私聊群主申诉。"},
}
