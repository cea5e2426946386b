package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/qunhuo/qunhuo/assets"
)

// fyneLocales are the languages Fyne ships words for; each gets the Chinese words, so
// whatever the system language, Fyne's own buttons and dialogs speak Chinese.
var fyneLocales = []string{"en", "cs", "de", "el", "es", "fr", "ja", "pl", "pt", "pt-BR", "ru", "sv", "ta", "uk", "zh-Hans"}

func UseChineseForFyne() {
	for _, l := range fyneLocales {
		if err := lang.AddTranslationsForLocale(assets.FyneChinese, fyne.Locale(l)); err != nil {
			fyne.LogError("load Chinese words for "+l, err)
		}
	}
}
