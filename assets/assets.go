// Package assets holds the files QunHuo embeds in its binary. It has no logic and
// imports nothing from the GUI, so data may use it too.
package assets

import "embed"

// FontRegular and FontBold are a Noto Sans SC subset (GB2312 and punctuation, OFL: see
// fonts/OFL.txt), so Chinese looks the same on every system and in headless renders.
var (
	//go:embed fonts/NotoSansSC-Regular.otf
	FontRegular []byte
	//go:embed fonts/NotoSansSC-Bold.otf
	FontBold []byte
)

// Templates holds the default post (公告) templates, one text/template file per post
// kind, named after the kind: templates/index.tmpl, templates/new_stock.tmpl. The
// data/posts package reads them; owners' own versions live in the database.
//
//go:embed templates
var Templates embed.FS
