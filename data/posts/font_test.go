package posts

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/image/font/sfnt"

	"github.com/qunhuo/qunhuo/assets"
)

// The app previews posts in its embedded font subset, which lacks many symbols (⏰ ✔
// ❤ and emoji): every character of the default templates and of the golden posts must
// have a glyph there, or the owner sees boxes.
func TestPostsUseOnlyCharactersTheFontHas(t *testing.T) {
	texts := map[string]string{}
	for _, kind := range kinds {
		texts[string(kind)+".tmpl"] = Default(kind)
	}
	goldens, err := filepath.Glob(filepath.Join("testdata", "*.golden"))
	if err != nil || len(goldens) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, g := range goldens {
		b, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		texts[g] = string(b)
	}
	for name, font := range map[string][]byte{"regular": assets.FontRegular, "bold": assets.FontBold} {
		has := glyphChecker(t, font)
		for file, text := range texts {
			missing := map[rune]bool{}
			for _, r := range text {
				if r == '\n' || missing[r] || has(r) {
					continue
				}
				missing[r] = true
				t.Errorf("%s: %q (U+%04X) has no glyph in the %s font", file, r, r, name)
			}
		}
	}
}

// The check above can fail: the font has the symbols the templates use and lacks
// some that look just as harmless.
func TestGlyphChecker(t *testing.T) {
	has := glyphChecker(t, assets.FontRegular)
	for r, want := range map[rune]bool{'★': true, '☆': true, '◆': true, '●': true, '※': true,
		'▶': true, '━': true, '¥': true, '群': true, '⏰': false, '✔': false, '❤': false, '🔥': false} {
		if got := has(r); got != want {
			t.Errorf("glyph for %q: %v, want %v", r, got, want)
		}
	}
}

// glyphChecker tells whether font has a glyph for a character.
func glyphChecker(t *testing.T, font []byte) func(rune) bool {
	t.Helper()
	f, err := sfnt.Parse(font)
	if err != nil {
		t.Fatalf("parse font: %v", err)
	}
	var buf sfnt.Buffer
	return func(r rune) bool {
		i, err := f.GlyphIndex(&buf, r)
		return err == nil && i != 0
	}
}
