// Package posts makes the text of QunHuo's posts (公告) for QQ groups: the data each
// template sees (BuildIndex, BuildNewStock), the default templates and the check of an
// owner's own (Default, Check, Fields), rendering (RenderIndex, RenderNewStock), the
// safety pass that hides QQ numbers and card codes (Sanitize) and the split of long
// posts into numbered parts (Split). A 上新 post is only made for a resource on sale
// now (CheckOnSale).
//
// The template editor's owner's mode writes a template as parts with Chinese
// placeholders such as {名称} (Parts, PartSpecs, Pieces, Preview); Parts.Template turns
// them into the stored text/template and PartsOf reads one back when it can.
//
// Posts are plain text for pasting into QQ on Windows and macOS: 【标题】 headings,
// short lines, symbols the app's font has (★ ◆ ● ※ ☆ ▶ ━), no Markdown, "\n" line ends.
// The package is pure Go: it never imports the GUI or the database driver.
package posts
