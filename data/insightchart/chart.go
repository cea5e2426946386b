// Package insightchart draws the 互动率 dashboard's charts with gonum.org/v1/plot: a
// metric's trend over the weeks as a small line chart, and the 本周群活力周报 as a
// picture (the numbers, the trend and the top contributors). Text is set in the Noto
// Sans SC subset the app embeds, so Chinese labels show. It renders images only: the
// GUI shows them, the app saves or copies them.
package insightchart

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"sync"

	"golang.org/x/image/font/opentype"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/qunhuo/qunhuo/assets"
)

// typeface is the name the embedded font is known by in plot's font cache.
const typeface = "NotoSansSC"

var (
	fontOnce sync.Once
	fontErr  error
	regular  = font.Font{Typeface: typeface}
	bold     = font.Font{Typeface: typeface, Weight: 700}
	// plotMu serializes drawing: plot's default font and font cache are package state.
	plotMu sync.Mutex
)

// useFont registers the embedded Noto Sans SC (regular and bold) with plot, once.
func useFont() error {
	fontOnce.Do(func() {
		reg, err := opentype.Parse(assets.FontRegular)
		if err != nil {
			fontErr = fmt.Errorf("chart font: %w", err)
			return
		}
		b, err := opentype.Parse(assets.FontBold)
		if err != nil {
			fontErr = fmt.Errorf("chart font: %w", err)
			return
		}
		font.DefaultCache.Add(font.Collection{{Font: regular, Face: reg}, {Font: bold, Face: b}})
		plot.DefaultFont = regular
		plotter.DefaultFont = regular
	})
	return fontErr
}

// Style is the colours a chart is drawn in, so it can follow the app's theme.
type Style struct {
	Foreground, Background, Accent, Grid color.Color
}

// Light is dark text on white, for pictures posted to QQ.
var Light = Style{
	Foreground: color.RGBA{0x33, 0x33, 0x33, 0xff},
	Background: color.White,
	Accent:     color.RGBA{0xe8, 0x5d, 0x2a, 0xff},
	Grid:       color.RGBA{0xdd, 0xdd, 0xdd, 0xff},
}

// Series is one metric over the weeks, oldest first. A week without a value (no
// request to time, no post to measure) has Valid false and leaves a gap.
type Series struct {
	Title  string   // e.g. 互动率
	Unit   string   // shown on the y axis, e.g. %
	Labels []string // one a week, e.g. 11/23
	Values []float64
	Valid  []bool // nil: all valid
}

func (s Series) valid(i int) bool { return s.Valid == nil || s.Valid[i] }

// Trend draws the series as a line chart of w×h pixels.
func Trend(s Series, st Style, w, h int) (image.Image, error) {
	plotMu.Lock()
	defer plotMu.Unlock()
	if err := useFont(); err != nil {
		return nil, err
	}
	const dpi = 96
	c := vgimg.NewWith(vgimg.UseWH(vg.Length(w)*vg.Inch/dpi, vg.Length(h)*vg.Inch/dpi), vgimg.UseDPI(dpi))
	dc := draw.New(c)
	dc.SetColor(st.Background)
	dc.Fill(dc.Rectangle.Path())
	p, err := trendPlot(s, st, 11)
	if err != nil {
		return nil, err
	}
	p.Draw(draw.Crop(dc, 2, -6, 2, -4))
	return c.Image(), nil
}

// trendPlot is the plot of a series with text of size pt.
func trendPlot(s Series, st Style, pt vg.Length) (*plot.Plot, error) {
	p := plot.New()
	p.BackgroundColor = st.Background
	p.Title.Text = s.Title
	p.Title.TextStyle.Font = font.From(bold, pt+1)
	p.Title.TextStyle.Color = st.Foreground
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Color = st.Grid
		a.Tick.Color = st.Grid
		a.Tick.Label.Color = st.Foreground
		a.Tick.Label.Font = font.From(regular, pt-2)
		a.Label.TextStyle.Color = st.Foreground
		a.Label.TextStyle.Font = font.From(regular, pt-2)
	}
	// The unit is in the title: a rotated 条 or ％ on the axis reads badly.
	p.Y.Min = 0
	grid := plotter.NewGrid()
	grid.Vertical.Color = nil
	grid.Horizontal.Color = st.Grid
	p.Add(grid)
	var run plotter.XYs
	top := 0.0
	flush := func() error {
		if len(run) == 0 {
			return nil
		}
		l, pts, err := plotter.NewLinePoints(run)
		if err != nil {
			return err
		}
		l.Color, l.Width = st.Accent, vg.Points(2)
		pts.Color, pts.Shape, pts.Radius = st.Accent, draw.CircleGlyph{}, vg.Points(2.5)
		p.Add(l, pts)
		run = nil
		return nil
	}
	for i, v := range s.Values {
		if !s.valid(i) || math.IsNaN(v) {
			if err := flush(); err != nil {
				return nil, err
			}
			continue
		}
		run = append(run, plotter.XY{X: float64(i), Y: v})
		top = math.Max(top, v)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	if top == 0 {
		top = 1
	}
	p.Y.Max = top * 1.15
	p.X.Min, p.X.Max = -0.3, float64(len(s.Values))-0.7
	var ticks []plot.Tick
	for i, l := range s.Labels {
		if i%2 == (len(s.Labels)-1)%2 { // every other week, ending on this one
			ticks = append(ticks, plot.Tick{Value: float64(i), Label: l})
		}
	}
	p.X.Tick.Marker = plot.ConstantTicks(ticks)
	return p, nil
}

// PNG encodes an image.
func PNG(img image.Image) ([]byte, error) {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		return nil, fmt.Errorf("encode png: %w", err)
	}
	return b.Bytes(), nil
}
