package applog

import (
	"log/slog"
	"runtime/debug"
)

// PanicMessage is what the owner reads after a panic in background work.
const PanicMessage = "群活遇到了一个意外问题（已记录在日志里），刚才的操作没有完成。已保存的数据不受影响。"

// Recover stops a panic, logs it with where it happened and its stack, and calls
// show with PanicMessage. Defer it directly, first thing in a goroutine or task:
//
//	defer applog.Recover(log, "import members", env.ShowError)
//
// recover only works in the deferred call itself, so Recover wrapped in another
// func literal catches nothing. show runs on the goroutine that panicked: widget
// updates in it belong in fyne.Do. A nil log logs to slog.Default (redacted);
// a nil show is skipped.
func Recover(log *slog.Logger, where string, show func(msg string)) {
	if p := recover(); p != nil {
		Panicked(log, where, p, show)
	}
}

// Panicked logs a panic value that the caller recovered itself (recover only works in
// the deferred call, so code that defers its own closure hands the value on here) with
// its stack, and calls show with PanicMessage.
func Panicked(log *slog.Logger, where string, p any, show func(msg string)) {
	orDefault(log).Error("panic",
		slog.String("where", where),
		slog.Any("panic", p),
		slog.String("stack", string(debug.Stack())))
	if show != nil {
		show(PanicMessage)
	}
}

// Error logs msg at error level with err under "err" and attrs, all redacted.
func Error(log *slog.Logger, msg string, err error, attrs ...any) {
	orDefault(log).Error(msg, append([]any{slog.Any("err", err)}, attrs...)...)
}

func orDefault(log *slog.Logger) *slog.Logger {
	if log != nil {
		return log
	}
	return slog.New(NewHandler(slog.Default().Handler()))
}
