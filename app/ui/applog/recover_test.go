package applog

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
)

// runTask runs task the way background work does: in its own goroutine with
// Recover deferred, and returns what show received.
func runTask(t *testing.T, task func()) (logged string, shown []string) {
	t.Helper()
	log, buf := newTestLogger()
	var mu sync.Mutex
	show := func(msg string) {
		mu.Lock()
		defer mu.Unlock()
		shown = append(shown, msg)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer Recover(log, "import members", show)
		task()
	}()
	<-done
	return buf.String(), shown
}

func TestRecover(t *testing.T) {
	tests := []struct {
		name  string
		task  func()
		panic string // the logged panic value
	}{
		{"string", func() { panic("member 123456789 has no group") }, `panic="member 123****789 has no group"`},
		{"error", func() { panic(errors.New("卡密：ABCD1234EFGH5678 used")) }, `panic="卡密：**** used"`},
		{"runtime error", func() {
			qqs := []string{"123456789"}
			fmt.Println(qqs[len(qqs)])
		}, `panic="runtime error: index out of range [1] with length 1"`},
		{"nil", func() { panic(nil) }, `panic="panic called with nil argument`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			logged, shown := runTask(t, tt.task)
			for _, want := range []string{"level=ERROR", "msg=panic", `where="import members"`, tt.panic,
				"stack=", "goroutine", "runtime/debug.Stack", "applog.TestRecover"} {
				if !strings.Contains(logged, want) {
					t.Errorf("log lacks %q:\n%s", want, logged)
				}
			}
			if strings.Contains(logged, "123456789") || strings.Contains(logged, "ABCD1234EFGH5678") {
				t.Errorf("log holds a secret:\n%s", logged)
			}
			if strings.Count(logged, "\n") != 1 {
				t.Errorf("log is not one line:\n%s", logged)
			}
			if len(shown) != 1 || shown[0] != PanicMessage {
				t.Errorf("shown %q, want [%q]", shown, PanicMessage)
			}
		})
	}
}

func TestRecoverWithoutPanic(t *testing.T) {
	logged, shown := runTask(t, func() {})
	if logged != "" || len(shown) != 0 {
		t.Errorf("no panic: logged %q, shown %q", logged, shown)
	}
}

func TestRecoverNilLoggerAndShow(t *testing.T) {
	defaultLog := slog.Default()
	t.Cleanup(func() { slog.SetDefault(defaultLog) })
	var buf bytes.Buffer
	slog.SetDefault(slog.New(slog.NewTextHandler(&buf, nil))) // not redacting by itself

	done := make(chan struct{})
	go func() {
		defer close(done)
		defer Recover(nil, "nil logger", nil)
		panic("QQ 123456789")
	}()
	<-done // reaching here means the panic was stopped
	if logged := buf.String(); !strings.Contains(logged, `panic="QQ 123****789"`) {
		t.Errorf("default log lacks the redacted panic:\n%s", logged)
	}
}
