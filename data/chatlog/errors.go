package chatlog

import (
	"errors"
	"fmt"
	"io"
)

// ErrorKind is why a file cannot be read (or not to its end). The screen turns it
// into Chinese (like data/qqlist's Kind); Problem gives a ready sentence.
type ErrorKind int

// The reasons a Reader stops before the clean end.
const (
	NotExport   ErrorKind = iota + 1 // not a chat export this package knows (a sheet, a picture, another program's file)
	Undecodable                      // a text export whose bytes are neither UTF-8 nor GBK (Line says where)
	Empty                            // nothing in the file at all
	Incomplete                       // cut short: inside a header line, mid-character, or inside the JSON
	Damaged                          // a JSON export broken in the middle (bad syntax, a value of the wrong type)
	ReadFailed                       // the file could not be read (Err says why)
)

// Error is a refusal, or the end of a file that was cut short. Complete is how many
// whole messages the Reader handed out before it (after the group filter): for
// Incomplete, those are safe to keep. Line is the 1-based line (text) or message
// index+1 (JSON) where the trouble is, 0 when unknown.
type Error struct {
	Kind     ErrorKind
	Format   Format
	Line     int
	Complete int
	Err      error // the underlying error, for logs
}

func (e *Error) Error() string {
	s := fmt.Sprintf("chat export (%s): kind %d", e.Format, e.Kind)
	if e.Line > 0 {
		s += fmt.Sprintf(", line %d", e.Line)
	}
	if e.Kind == Incomplete || e.Complete > 0 {
		s += fmt.Sprintf(", %d complete messages before", e.Complete)
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// noEOF keeps errors.Is(err, io.EOF) for the clean end only: a cut reads as
// io.ErrUnexpectedEOF.
func (e *Error) noEOF() {
	if errors.Is(e.Err, io.EOF) {
		e.Err = io.ErrUnexpectedEOF
	}
}

// Problem says in Chinese what is wrong and what to do, for the screen. The importer
// may word it its own way from Kind, Line and Complete instead.
func (e *Error) Problem() string {
	switch e.Kind {
	case NotExport:
		return "这不是 QQ 聊天记录的导出文件。请在 QQ 的「消息管理器」里导出为 .txt，或用 QQChatExporter 导出为 JSON。"
	case Undecodable:
		if e.Line == 0 {
			return "聊天记录的文字无法识别（既不是 UTF-8 也不是 GBK），文件可能已损坏。请重新导出。"
		}
		return fmt.Sprintf("聊天记录的第 %d 行有无法识别的文字（既不是 UTF-8 也不是 GBK），文件可能已损坏。请重新导出。", e.Line)
	case Empty:
		return "文件是空的，没有任何聊天记录。"
	case Incomplete:
		if e.Complete == 0 {
			return "聊天记录不完整，在第一条消息之前就断掉了（可能没有复制或下载完）。请重新导出。"
		}
		return fmt.Sprintf("聊天记录不完整，在中间断掉了（可能没有复制或下载完）。断开之前有 %d 条完整的消息。", e.Complete)
	case Damaged:
		if e.Line == 0 {
			return "JSON 聊天记录损坏了，请用 QQChatExporter 重新导出。"
		}
		return fmt.Sprintf("JSON 聊天记录在第 %d 条消息处损坏了，请用 QQChatExporter 重新导出。", e.Line)
	case ReadFailed:
		return "读取文件时出错，请确认文件还在、没有被别的程序占用。"
	}
	return "读不出这份聊天记录。"
}
