package data

import (
	"fmt"
	"strconv"
	"time"

	"github.com/qunhuo/qunhuo/data/escrow"
	"gorm.io/gorm"
)

// Keys of the escrow deadlines, in hours.
const (
	settingEscrowPay     = "escrow_pay_hours"
	settingEscrowDeliver = "escrow_deliver_hours"
	settingEscrowConfirm = "escrow_confirm_hours"
)

// EscrowDeadlines are how long a trade may wait for payment, delivery and
// confirmation: escrow.DefaultDeadlines until the owner sets others.
func (s *Store) EscrowDeadlines() (escrow.Deadlines, error) { return escrowDeadlines(s.db) }

func escrowDeadlines(db *gorm.DB) (escrow.Deadlines, error) {
	d := escrow.DefaultDeadlines
	for key, into := range map[string]*time.Duration{
		settingEscrowPay: &d.Pay, settingEscrowDeliver: &d.Deliver, settingEscrowConfirm: &d.Confirm,
	} {
		v, ok, err := getSetting(db, key)
		if err != nil {
			return escrow.DefaultDeadlines, err
		}
		if !ok {
			continue
		}
		h, err := strconv.Atoi(v)
		if err != nil {
			return escrow.DefaultDeadlines, fmt.Errorf("setting %s = %q: %w", key, v, err)
		}
		*into = time.Duration(h) * time.Hour
	}
	return d, nil
}

// SetEscrowDeadlines keeps the three deadlines, in whole hours from escrow.MinHours to
// escrow.MaxHours; another is refused at its field: pay_hours, deliver_hours,
// confirm_hours. They apply to the moves made from now on.
func (s *Store) SetEscrowDeadlines(d escrow.Deadlines) error {
	var p problems
	fields := []struct {
		key, field, label string
		wait              time.Duration
	}{
		{settingEscrowPay, "pay_hours", "付款期限", d.Pay},
		{settingEscrowDeliver, "deliver_hours", "交付期限", d.Deliver},
		{settingEscrowConfirm, "confirm_hours", "确认期限", d.Confirm},
	}
	for _, f := range fields {
		h := f.wait.Hours()
		if h != float64(int(h)) || h < escrow.MinHours || h > escrow.MaxHours {
			p.add(f.field, "%s须是 %d 到 %d 之间的整小时数", f.label, escrow.MinHours, escrow.MaxHours)
		}
	}
	if err := p.err(); err != nil {
		return err
	}
	return s.db.Transaction(func(tx *gorm.DB) error {
		for _, f := range fields {
			if err := setSetting(tx, f.key, strconv.Itoa(int(f.wait.Hours()))); err != nil {
				return err
			}
		}
		return nil
	})
}
