// Package chatlog reads QQ chat exports as streams of messages: the classic QQ PC
// 消息管理器 text export and the JSON export of QQChatExporter. It never holds a whole
// file: a Reader hands out one Message at a time. It knows nothing of the database.
//
// The API:
//
//	rd, err := chatlog.Open(f)      // sniffs the format (and the text's encoding: UTF-8, else GBK)
//	rd.Only("资源分享群")              // optional: the groups the owner picked
//	for {
//		m, err := rd.Next()         // one Message; io.EOF at the clean end
//		…                           // rd.Offset() is the bytes read, for progress
//	}
//	groups, err := chatlog.ListGroups(f) // one pass: each group's name, count, first and last time
//
// Every refusal is an *Error whose Kind says why (NotExport, Undecodable, Empty,
// Incomplete, Damaged, ReadFailed) and whose Problem() says it in Chinese. A file cut
// short ends, after its complete messages, with Kind Incomplete and Complete = how
// many messages came out before the cut, so the importer can offer to keep them.
// Text exports are read as China wall-clock time (UTC+8) and every At is UTC.
// Lines, message texts and JSON messages are bounded (MaxLine, MaxText,
// MaxJSONMessage), so memory stays small whatever the file holds.
//
// How a text export's lines are taken (text.go has the details):
//   - The encoding is decided from the start: the title line 消息记录… in UTF-8 (with
//     or without a BOM) or in GBK; a file without the title by whether its first
//     64 KB are UTF-8, else GBK. Bytes invalid in the chosen encoding later on stop
//     the reading with Undecodable and the line. CRLF or LF. A file saved again as
//     UTF-16 with a BOM (Notepad's 「Unicode」) is read through a decoder.
//   - A header is a line that matches the header grammar exactly (date, time with
//     1–2 digit hours, optional AM/PM/上午/下午 before or after the time, the sender
//     as name(QQ号) with the number the last parenthesised digits, or name<email>)
//     AND follows a blank line or a block's head. Anything else is body text, so a
//     header-like line inside a message does not start a new one.
//   - A body is every line up to the next header or block, without its leading and
//     trailing blank lines; blank lines inside are kept.
//   - A line of 64 '=' followed by 消息分组:… or 消息对象:… starts a block;
//     消息对象 names the group. Otherwise such a line is body text.
//   - 【…】 before a name is the Title; senders 10000 and 1000000 are System; @name
//     in a body is a mention (up to a space or punctuation; not inside an e-mail).
//   - A file whose last line (without a line end) stands where a header would and
//     starts like a date, or ends mid-character, is Incomplete.
//
// How a JSON export is read (json.go, jsonscan.go): the fields before the messages
// array with encoding/json; the messages with a small scanner of this package, one
// at a time out of a window of the file (256 KB, doubled up to MaxJSONMessage for a
// larger message). The scanner checks every byte's syntax as encoding/json does but
// decodes only the fields a Message needs, so a broken file is Damaged (or
// Incomplete where it ends) rather than misread; FuzzJSONSame holds it to the
// messages and errors of the first, encoding/json-only reader (json_ref_test.go).
package chatlog

import "time"

// Kind is what a message is.
type Kind uint8

// The kinds of message.
const (
	Text     Kind = iota // a member's message (placeholders such as [图片] kept in Text)
	System               // 系统消息: a join, a leave, a recall notice …
	Recalled             // a message its sender took back (JSON exports mark them)
)

// Message is one message of a group chat as an export holds it.
type Message struct {
	Group      string    // the group's name as the export names it (消息对象, or the chat's name)
	GroupQQ    string    // the group's number when the export gives it, else ""
	At         time.Time // in UTC; text exports are read as China time (UTC+8)
	SenderQQ   string    // digits; "" when the sender is known only by e-mail
	SenderMail string    // the e-mail of a name<email> sender
	SenderName string    // the name as shown (group card or nickname), without a 【…】 title
	Title      string    // the 【管理员】-style title before the name, without brackets
	Text       string    // the body, lines joined by "\n"
	Kind       Kind
	Mentions   []string // names @-ed in the body, in order
	Line       int      // where the message starts in the file (1-based line, or the JSON message's index+1)
	Clipped    bool     // Text was cut to MaxText (or a line to MaxLine): the file held more
	ID         string   // the export's own message id (JSON), else ""
}
