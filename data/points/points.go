// Package points holds the rules of the mutual-aid points ledger (互助积分): why points
// are given or spent, the default amount of each reason, and the balance rule every write
// obeys. It knows nothing of the database; package data applies Next inside the
// transaction that writes the entry, so a balance is never negative.
package points

import (
	"errors"
	"fmt"
)

// Reason is why an entry was written. Stored as its code; Label is the owner's word.
type Reason string

// The reasons. Awards are what the owner gives points for; Redeem and Refund are written
// by redemptions; Reversal undoes one award entry.
const (
	Help            Reason = "help"             // 帮助解答
	ShareResource   Reason = "share_resource"   // 分享资源
	ShareExperience Reason = "share_experience" // 分享体验
	Swap            Reason = "swap"             // 完成置换
	Attend          Reason = "attend"           // 参加分享会
	Speak           Reason = "speak"            // 主讲分享会
	Other           Reason = "other"            // 其他 (an award or a deduction the owner names in the note)
	Redeem          Reason = "redeem"           // 兑换
	Refund          Reason = "refund"           // 兑换撤销退回
	Reversal        Reason = "reversal"         // 更正（冲销）
)

// Awards lists the reasons the owner gives points for, in the order forms offer them.
var Awards = []Reason{Help, ShareResource, ShareExperience, Swap, Attend, Speak, Other}

var labels = map[Reason]string{Help: "帮助解答", ShareResource: "分享资源", ShareExperience: "分享体验",
	Swap: "完成置换", Attend: "参加分享会", Speak: "主讲分享会", Other: "其他", Redeem: "兑换",
	Refund: "兑换撤销退回", Reversal: "更正"}

var defaults = map[Reason]int64{Help: 5, ShareResource: 10, ShareExperience: 8, Swap: 3,
	Attend: 2, Speak: 20, Other: 1}

// Label is the reason in the owner's words.
func (r Reason) Label() string {
	if l, ok := labels[r]; ok {
		return l
	}
	return string(r)
}

// DefaultAmount is the amount an award reason gives until the owner sets another; 0 for
// the reasons that are not awards.
func (r Reason) DefaultAmount() int64 { return defaults[r] }

// IsAward reports whether the owner gives points for r (and may change its amount).
func (r Reason) IsAward() bool { _, ok := defaults[r]; return ok }

// Ranked reports whether entries of r count toward the leaderboards: awards and their
// corrections do; spending on a redemption and its refund do not, since spending points
// must not lower a member's standing.
func (r Reason) Ranked() bool { return r != Redeem && r != Refund }

// ByLabel finds a reason by its Chinese label or code.
func ByLabel(s string) (Reason, bool) {
	for r, l := range labels {
		if l == s || string(r) == s {
			return r, true
		}
	}
	return "", false
}

// MaxAmount bounds one entry: a larger number is a typing mistake.
const MaxAmount = 100000

// The ways a write can break the rule.
var (
	ErrZero     = errors.New("points: amount is zero")
	ErrTooLarge = errors.New("points: amount too large")
	ErrOverdraw = errors.New("points: balance would go negative")
)

// Next is the balance after an entry of amount is written on balance, or why it may not
// be: a zero amount, one beyond MaxAmount, or one that would leave the balance negative.
func Next(balance, amount int64) (int64, error) {
	switch {
	case amount == 0:
		return balance, ErrZero
	case amount > MaxAmount || amount < -MaxAmount:
		return balance, fmt.Errorf("%d: %w", amount, ErrTooLarge)
	case balance+amount < 0:
		return balance, fmt.Errorf("balance %d, amount %d: %w", balance, amount, ErrOverdraw)
	}
	return balance + amount, nil
}
