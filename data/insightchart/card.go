package insightchart

import (
	"image"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// Card is the 周报 picture's content, already worded (the post and the picture say
// the same, from the same numbers).
type Card struct {
	Title    string   // 本周群活力周报
	Group    string   // the group's name
	Period   string   // 11月23日—11月29日
	Headline string   // 互动率 60%（上周 56%）
	Lines    []string // one number a line: 活跃成员 6 人，上周 5 人 …
	Trend    Series   // drawn under the numbers
	Top      []string // 1. 小明 12 条 …
	Footer   string
}

// CardWidth is the picture's width in pixels: wide enough to read on a phone.
const CardWidth = 1080

// Picture draws the card as an image CardWidth pixels wide.
func Picture(c Card) (image.Image, error) {
	plotMu.Lock()
	defer plotMu.Unlock()
	if err := useFont(); err != nil {
		return nil, err
	}
	st := Light
	const dpi = 144 // 1 pt = 2 px
	const w = vg.Length(CardWidth / 2)
	lineH := vg.Length(22)
	h := 40 + 34 + 22 + 22 + 44 + lineH*vg.Length(len(c.Lines)) + 230 + 30 + lineH*vg.Length(len(c.Top)) + 50
	cv := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(dpi))
	dc := draw.New(cv)
	dc.SetColor(st.Background)
	dc.Fill(dc.Rectangle.Path())
	// A band of the accent colour across the top.
	band := dc.Rectangle
	band.Min.Y = band.Max.Y - 8
	dc.SetColor(st.Accent)
	dc.Fill(band.Path())

	y := h - 40
	left := vg.Length(28)
	text := func(s string, f font.Font, size vg.Length, clr any) {
		sty := draw.TextStyle{Font: font.From(f, size), Handler: plotTextHandler(), Color: st.Foreground}
		if clr != nil {
			sty.Color = st.Accent
		}
		dc.FillText(sty, vg.Point{X: left, Y: y}, s)
	}
	text(c.Title, bold, 24, true)
	y -= 34
	text(c.Group, bold, 16, nil)
	y -= 22
	text(c.Period, regular, 12, nil)
	y -= 36
	text(c.Headline, bold, 20, true)
	y -= 30
	for _, l := range c.Lines {
		text(l, regular, 13, nil)
		y -= lineH
	}
	y -= 4
	p, err := trendPlot(c.Trend, st, 12)
	if err != nil {
		return nil, err
	}
	area := draw.Crop(dc, left-6, -left, y-210, -(h - y))
	p.Draw(area)
	y -= 230
	if len(c.Top) > 0 {
		text("本周活跃之星", bold, 14, nil)
		y -= lineH + 4
		for _, l := range c.Top {
			text(l, regular, 13, nil)
			y -= lineH
		}
	}
	y -= 10
	if c.Footer != "" {
		text(c.Footer, regular, 11, nil)
	}
	return cv.Image(), nil
}

func plotTextHandler() text.Handler { return text.Plain{Fonts: font.DefaultCache} }
