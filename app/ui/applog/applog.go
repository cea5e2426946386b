package applog

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"gopkg.in/natefinch/lumberjack.v2"
)

// FileName is the name of the current log file inside Dir.
const FileName = "qunhuo.log"

// Rotation: at most 5 files of 5 MB (the current one and 4 backups), enough for
// months of ordinary use and small enough to attach to a message when asking for help.
const (
	maxSizeMB  = 5
	maxBackups = 4
)

// Dir returns the log folder inside the data folder.
func Dir(dataDir string) string {
	return filepath.Join(dataDir, "log")
}

// Open creates the log folder if needed and returns a logger that appends to
// Dir(dataDir)/qunhuo.log through a redacting text handler. Close the returned
// Closer when the app quits.
func Open(dataDir string) (*slog.Logger, io.Closer, error) {
	dir := Dir(dataDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, nil, fmt.Errorf("open log: %w", err)
	}
	file := &lumberjack.Logger{
		Filename:   filepath.Join(dir, FileName),
		MaxSize:    maxSizeMB,
		MaxBackups: maxBackups,
		LocalTime:  true, // backup names are read by the owner, in local time
	}
	// lumberjack opens the file at the first write; an empty write makes an
	// unwritable folder fail here rather than silently at the first error.
	if _, err := file.Write(nil); err != nil {
		return nil, nil, fmt.Errorf("open log: %w", err)
	}
	text := slog.NewTextHandler(file, &slog.HandlerOptions{Level: slog.LevelInfo})
	return slog.New(NewHandler(text)), file, nil
}
