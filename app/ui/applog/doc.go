// Package applog is the app's log: a size-rotated text file in the data folder
// (Open, Dir), a slog.Handler that masks QQ numbers, card codes and secrets before
// anything reaches that file (NewHandler, Redact), and Recover for panics in
// background work, which logs the cause and gives the owner a Chinese sentence.
//
// It imports lumberjack and data/mask (the masking posts use too, so a QQ number or a
// code is hidden the same way in the log as in posts), and never fyne.io: any package
// under app/ can log through it.
package applog
