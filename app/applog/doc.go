// Package applog is the app's log: a size-rotated text file in the data folder
// (Open, Dir), a slog.Handler that masks QQ numbers, card codes and secrets before
// anything reaches that file (NewHandler, Redact), and Recover for panics in
// background work, which logs the cause and gives the owner a Chinese sentence.
//
// It imports the standard library and lumberjack only: never fyne.io or gorm.io,
// so that any package, in app/ or data/, can log through it.
package applog
