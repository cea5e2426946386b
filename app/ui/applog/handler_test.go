package applog

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"
)

// newTestLogger returns a logger that writes redacted text lines into the buffer.
func newTestLogger() (*slog.Logger, *bytes.Buffer) {
	var buf bytes.Buffer
	text := slog.NewTextHandler(&buf, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{} // lines the tests can compare
			}
			return a
		},
	})
	return slog.New(NewHandler(text)), &buf
}

type member struct{ QQ string }

type qqValuer string

func (q qqValuer) LogValue() slog.Value { return slog.StringValue("member " + string(q)) }

func TestHandlerRedacts(t *testing.T) {
	wrapped := fmt.Errorf("import row 3: %w", errors.New("duplicate QQ 123456789"))
	tests := []struct {
		name string
		log  func(*slog.Logger)
		want string // the line without time
	}{
		{"message", func(l *slog.Logger) { l.Info("已发货 卡密：ABCD-1234 给 123456789") },
			`level=INFO msg="已发货 卡密：**** 给 123****789"`},
		{"string attribute", func(l *slog.Logger) { l.Info("saved", "note", "QQ 1234567890") },
			`level=INFO msg=saved note="QQ 123****890"`},
		{"wrapped error", func(l *slog.Logger) { l.Error("import", slog.Any("err", wrapped)) },
			`level=ERROR msg=import err="import row 3: duplicate QQ 123****789"`},
		{"nil error", func(l *slog.Logger) { l.Error("import", slog.Any("err", nil)) },
			`level=ERROR msg=import err=<nil>`},
		{"struct", func(l *slog.Logger) { l.Info("got", "m", member{QQ: "123456789"}) },
			`level=INFO msg=got m={QQ:123****789}`},
		{"bytes", func(l *slog.Logger) { l.Info("got", "raw", []byte("ABCDEFGH12345678")) },
			`level=INFO msg=got raw=AB****78`},
		{"log valuer", func(l *slog.Logger) { l.Info("got", "who", qqValuer("123456789")) },
			`level=INFO msg=got who="member 123****789"`},
		{"group", func(l *slog.Logger) { l.Info("got", slog.Group("m", "qq", "123456789", "n", 3)) },
			`level=INFO msg=got m.qq=123****789 m.n=3`},
		{"with attrs", func(l *slog.Logger) { l.With("qq", "20150612").WithGroup("g").Info("x", "code", "A1B2C3D4E5F6") },
			`level=INFO msg=x qq=20****2 g.code=A1****F6`},
		{"QQ key with a number", func(l *slog.Logger) { l.Info("x", "memberQQ", 123456789, "count", 123456789) },
			`level=INFO msg=x memberQQ=123****789 count=123456789`},
		{"secret key", func(l *slog.Logger) { l.Info("x", "卡密", "short", "cdkey", 42) },
			`level=INFO msg=x 卡密=**** cdkey=****`},
		{"kept values", func(l *slog.Logger) {
			l.Info("x", "price", "12.50", "day", "20261231", "took", 1500*time.Millisecond, "ok", true)
		}, `level=INFO msg=x price=12.50 day=20261231 took=1.5s ok=true`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log, buf := newTestLogger()
			tt.log(log)
			if got := strings.TrimSpace(buf.String()); got != tt.want {
				t.Errorf("logged\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

type nilError struct{ msg string }

func (e *nilError) Error() string { return e.msg }

func TestHandlerSurvivesPanickingError(t *testing.T) {
	log, buf := newTestLogger()
	var err *nilError
	log.Error("x", slog.Any("err", err))
	if !strings.Contains(buf.String(), "err=\"!PANIC:") {
		t.Errorf("logged %q, want err=!PANIC", buf.String())
	}
}

func TestHandlerLevel(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(NewHandler(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelWarn})))
	log.Info("hidden")
	if buf.Len() != 0 {
		t.Errorf("info logged at warn level: %q", buf.String())
	}
}
