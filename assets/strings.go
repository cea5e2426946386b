package assets

import _ "embed"

// FyneChinese translates Fyne's own words (dialog buttons, file dialog, entry menus)
// into Simplified Chinese; the app loads it for every locale so owners on an English
// system still see Chinese.
//
//go:embed fyne-zh.json
var FyneChinese []byte
