package applog

import (
	"context"
	"encoding"
	"fmt"
	"log/slog"
	"strings"

	"github.com/qunhuo/qunhuo/data/mask"
)

// NewHandler wraps next so that every record it receives has its message and
// attributes redacted (see Redact): strings, errors (their Error text) and any
// other value as it would be printed. Numbers, times and durations pass as they
// are, except numbers under a key that names a QQ number ("qq", "memberQQ").
// Under a key that names a secret (卡密, 密码, 激活码, 兑换码, CDK) the whole value
// becomes ****.
func NewHandler(next slog.Handler) slog.Handler {
	return &redactingHandler{next: next}
}

type redactingHandler struct {
	next slog.Handler
}

func (h *redactingHandler) Enabled(ctx context.Context, level slog.Level) bool {
	return h.next.Enabled(ctx, level)
}

func (h *redactingHandler) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, Redact(r.Message), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(redactAttr(a))
		return true
	})
	return h.next.Handle(ctx, out)
}

func (h *redactingHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return &redactingHandler{next: h.next.WithAttrs(redactAttrs(attrs))}
}

func (h *redactingHandler) WithGroup(name string) slog.Handler {
	return &redactingHandler{next: h.next.WithGroup(name)}
}

func redactAttrs(attrs []slog.Attr) []slog.Attr {
	out := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		out[i] = redactAttr(a)
	}
	return out
}

func redactAttr(a slog.Attr) slog.Attr {
	if a.Equal(slog.Attr{}) {
		return a // handlers drop it; a string "<nil>" would be printed
	}
	v := a.Value.Resolve()
	switch {
	case v.Kind() == slog.KindGroup:
		return slog.Attr{Key: a.Key, Value: slog.GroupValue(redactAttrs(v.Group())...)}
	case isSecretKey(a.Key):
		return slog.String(a.Key, mask.Hidden)
	}
	switch v.Kind() {
	case slog.KindString:
		return slog.String(a.Key, redactValue(a.Key, v.String()))
	case slog.KindAny:
		return slog.String(a.Key, redactValue(a.Key, anyString(v.Any())))
	case slog.KindInt64, slog.KindUint64:
		if isQQKey(a.Key) {
			return slog.String(a.Key, redactValue(a.Key, v.String()))
		}
	}
	return slog.Attr{Key: a.Key, Value: v}
}

// redactValue redacts s; under a QQ key a bare number is masked even when it
// reads as a date, since the key says what it is.
func redactValue(key, s string) string {
	if isQQKey(key) && len(s) >= 5 && len(s) <= 12 && strings.Trim(s, "0123456789") == "" {
		return mask.QQ(s)
	}
	return Redact(s)
}

func isQQKey(key string) bool {
	return strings.Contains(strings.ToLower(key), "qq")
}

func isSecretKey(key string) bool {
	key = strings.ToLower(key)
	for _, k := range mask.Keywords() {
		if strings.Contains(key, strings.ToLower(k)) {
			return true
		}
	}
	return false
}

// anyString prints v as slog's text handler would. A value whose Error or String
// method panics (a nil pointer with a value method) is logged, not fatal.
func anyString(v any) (s string) {
	defer func() {
		if p := recover(); p != nil {
			s = fmt.Sprintf("!PANIC: %v", p)
		}
	}()
	switch v := v.(type) {
	case error:
		return v.Error()
	case encoding.TextMarshaler:
		text, err := v.MarshalText()
		if err != nil {
			return "!ERROR: " + err.Error()
		}
		return string(text)
	case []byte:
		return string(v)
	}
	return fmt.Sprintf("%+v", v)
}
