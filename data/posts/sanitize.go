package posts

import (
	"strings"

	"github.com/qunhuo/qunhuo/data/mask"
)

// Sanitize hides what must never reach a QQ group in a post, so that a note typed
// carelessly cannot leak it (mask.Text, with the rules of a post):
//
//   - a card code becomes **** whole, since even part of one can be enough to redeem
//     it: the value after 卡密, 密码, 激活码, 兑换码 or CDK (卡密：k8j2…, 密码 123456),
//     and tokens shaped like a code in any case (ABCD-1234-EFGH-5678,
//     k8j2h3g4f5d6s7a8, Ab12Cd34Ef56Gh78Ij90, 16 digits of a card number);
//   - a QQ number is masked like data.MaskQQ (123****789): any run of 7 to 12
//     digits, and a run of 5 or 6 digits when it is one of knownQQ or written after
//     QQ (QQ 10001), since in posts shorter numbers are mostly amounts and stock.
//
// Dates, prices and times never change: 20261231, 2026-12-31 20:00, ¥12.50, 12.5元,
// 654321元, 20:00. Sanitize is idempotent and keeps invalid UTF-8 as it is.
func Sanitize(text string, knownQQ []string) string {
	return mask.Text(text, mask.Rules{KnownQQ: knownSet(knownQQ)})
}

func knownSet(qqs []string) map[string]bool {
	set := make(map[string]bool, len(qqs))
	for _, q := range qqs {
		set[strings.TrimSpace(q)] = true
	}
	return set
}
