package chatlog

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"
)

// checkStream reads in to its end and checks what must hold for any input: no
// panic, an end (io.EOF or an *Error), Complete equal to the messages handed out,
// times in UTC, texts within MaxText.
func checkStream(t *testing.T, in []byte) {
	rd, err := Open(bytes.NewReader(in))
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("Open: %v is not an *Error", err)
		}
		return
	}
	n := 0
	for range len(in) + 2 {
		m, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Next: %v is not an *Error", err)
			}
			if e.Complete != n {
				t.Fatalf("Complete %d after %d messages", e.Complete, n)
			}
			if _, again := rd.Next(); again != err {
				t.Fatalf("the error did not stick: %v then %v", err, again)
			}
			return
		}
		n++
		if m.At.Location() != time.UTC || len(m.Text) > MaxText {
			t.Fatalf("message %d: time %v, %d bytes of text", n, m.At, len(m.Text))
		}
	}
	t.Fatalf("%d messages from %d bytes: the reader does not end", n, len(in))
}

func FuzzText(f *testing.F) {
	for _, name := range []string{"两个群_BOM_CRLF.txt", "两个群_LF.txt", "十二小时制.txt"} {
		b := readFixture(f, name)
		f.Add(b)
		f.Add(b[:len(b)/2])
	}
	title := "消息记录（此消息记录为文本格式，不支持重新导入）\n\n"
	f.Add([]byte(title + "2016-05-03 9:04:05 x(12345)\n\n2016-05-03 9:04:05 PM y<a@b>\n@z"))
	f.Add([]byte(title + strings.Repeat("=", 64) + "\n消息对象：群\n" + strings.Repeat("=", 64) + "\n2016-05-03 9:04:05 x(12345)\n\xe4\xb8"))
	f.Add([]byte(strings.Repeat("=", 64) + "\n\n2016-05-03 上午 9:04:05 【管理员】x(12345)\n\xb2\xe2"))
	f.Fuzz(checkStream)
}

func FuzzJSON(f *testing.F) {
	b := readFixture(f, "QQChatExporter_群.json")
	f.Add(b)
	f.Add(b[:len(b)/2])
	f.Add([]byte(`{"metadata":{"name":"QQChatExporter"},"chatInfo":{"name":1},"messages":[{"timestamp":"x"}]}`))
	f.Add([]byte(`{"metadata":{"name":"QQChatExporter"},"messages":[{"timestamp":1,"sender":{"uin":[]}},2]}`))
	f.Add([]byte(`{"metadata":{"name":"QQChatExporter"},"messages":[{"time":"2024-02-30 00:00:00"}`))
	f.Fuzz(checkStream)
}

// repeatReader gives n bytes of c without holding them.
type repeatReader struct {
	c byte
	n int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	k := min(len(p), r.n)
	for i := range p[:k] {
		p[i] = r.c
	}
	r.n -= k
	return k, nil
}

// allocated runs f and returns the bytes it allocated.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// A single 5 MB line is body text, kept to MaxLine, read with memory that does not
// grow with it; the messages around it are whole.
func TestFiveMegabyteLine(t *testing.T) {
	const size = 5 << 20
	head := "消息记录（此消息记录为文本格式，不支持重新导入）\n\n2016-05-03 9:04:05 x(12345)\n"
	tail := "\n\n2016-05-03 9:04:06 y(23456)\nafter\n"
	for name, line := range map[string]byte{"ASCII": 'a', "a header's start": '2'} {
		t.Run(name, func(t *testing.T) {
			var got []Message
			var err error
			alloc := allocated(func() {
				var rd *Reader
				rd, err = Open(io.MultiReader(strings.NewReader(head), &repeatReader{c: line, n: size}, strings.NewReader(tail)))
				if err != nil {
					return
				}
				for {
					var m Message
					if m, err = rd.Next(); err != nil {
						break
					}
					got = append(got, m)
				}
			})
			if !errors.Is(err, io.EOF) || len(got) != 2 {
				t.Fatalf("%d messages, %v; want 2 and io.EOF", len(got), err)
			}
			if len(got[0].Text) != MaxLine || !got[0].Clipped || got[1].Text != "after" || got[1].Clipped {
				t.Errorf("long message: %d bytes, clipped %v; next %q clipped %v", len(got[0].Text), got[0].Clipped, got[1].Text, got[1].Clipped)
			}
			if alloc > 1<<20 {
				t.Errorf("reading a 5 MB line allocated %d bytes, want under 1 MB", alloc)
			}
		})
	}
	t.Run("many long lines", func(t *testing.T) {
		in := head + strings.Repeat(strings.Repeat("长", MaxLine/3+5)+"\n", 8) + tail
		got, err := readAll(t, []byte(in))
		if err != nil || len(got) != 2 || len(got[0].Text) > MaxText || !got[0].Clipped {
			t.Fatalf("%d messages, %v", len(got), err)
		}
		if !strings.HasPrefix(got[0].Text, "长长") || strings.ContainsRune(got[0].Text, '\uFFFD') {
			t.Errorf("a clipped line was not cut between characters")
		}
	})
}

// A JSON message of 5 MB is read with memory bounded by MaxJSONMessage: a larger
// one is refused as Damaged instead of growing the decoder's buffer without end.
func TestJSONFiveMegabyteMessage(t *testing.T) {
	head := `{"metadata":{"name":"QQChatExporter"},"messages":[{"timestamp":1718454840000,"content":{"text":"`
	tail := `"}}]}`
	for _, size := range []int{5 << 20, MaxJSONMessage + 1<<20} {
		var got []Message
		var err error
		alloc := allocated(func() {
			var rd *Reader
			if rd, err = Open(io.MultiReader(strings.NewReader(head), &repeatReader{c: 'a', n: size}, strings.NewReader(tail))); err != nil {
				return
			}
			for {
				var m Message
				if m, err = rd.Next(); err != nil {
					break
				}
				got = append(got, m)
			}
		})
		if size < MaxJSONMessage {
			if !errors.Is(err, io.EOF) || len(got) != 1 || len(got[0].Text) != size {
				t.Errorf("%d bytes: %d messages, %v", size, len(got), err)
			}
		} else if kindOf(err) != Damaged {
			t.Errorf("%d bytes: %v, want Damaged", size, err)
		}
		if alloc > 8*MaxJSONMessage {
			t.Errorf("%d bytes: allocated %d MB", size, alloc>>20)
		}
	}
}
