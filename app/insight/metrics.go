package insight

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/data/insightchart"
	qqpost "github.com/qunhuo/qunhuo/data/posts"
)

// The size of one number's card and of its chart, in pixels at scale 1.
const (
	metricWidth  = 330
	metricHeight = 250
	chartWidth   = 320
	chartHeight  = 150
)

// chartStyle draws the charts in the theme's colours, so a dark window gets dark charts.
func chartStyle() insightchart.Style {
	th := fyne.CurrentApp().Settings().Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	return insightchart.Style{
		Foreground: th.Color(theme.ColorNameForeground, v),
		Background: th.Color(theme.ColorNameBackground, v),
		Accent:     th.Color(theme.ColorNamePrimary, v),
		Grid:       th.Color(theme.ColorNameSeparator, v),
	}
}

// MetricCard is one number: its name, this week's value, last week's and the change,
// and the 12-week chart.
type MetricCard struct {
	Label, Value, Last *widget.Label
	Chart              *canvas.Image
}

// showMetrics lays out one card per number.
func (s *Screen) showMetrics(l *loaded) {
	s.metrics.RemoveAll()
	for i, line := range qqpost.WeekLines(l.insight) {
		c := &MetricCard{
			Label: widget.NewLabelWithStyle(line.Label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			Value: widget.NewLabel("本周 " + line.This),
			Last:  widget.NewLabel("上周 " + line.Last),
		}
		c.Value.SizeName = theme.SizeNameSubHeadingText
		c.Value.Importance = widget.HighImportance
		if line.Change != "" {
			c.Last.SetText("上周 " + line.Last + "，" + line.Change)
		}
		var chart fyne.CanvasObject = widget.NewLabel("")
		if i < len(l.charts) {
			c.Chart = canvas.NewImageFromImage(l.charts[i])
			c.Chart.FillMode = canvas.ImageFillContain
			c.Chart.SetMinSize(fyne.NewSize(chartWidth, chartHeight))
			chart = c.Chart
		}
		bg := canvas.NewRectangle(color.Transparent)
		bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
		bg.StrokeWidth = 1
		bg.CornerRadius = theme.Size(theme.SizeNameInputRadius)
		card := container.NewBorder(container.NewVBox(c.Label, container.NewHBox(c.Value, c.Last)), nil, nil, nil, chart)
		s.metrics.Add(container.NewStack(bg, container.NewPadded(card)))
	}
}

// Cards are the number cards shown, for tests.
func (s *Screen) Cards() []fyne.CanvasObject { return s.metrics.Objects }
