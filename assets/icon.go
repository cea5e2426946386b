package assets

import _ "embed"

// Icon is the app icon: 群活 in white on the brand orange, 512×512 PNG.
//
//go:embed icon.png
var Icon []byte
