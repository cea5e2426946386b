package insightchart

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

func series() Series {
	s := Series{Title: "互动率（%）", Unit: "%"}
	for i, v := range []float64{30, 32, 35, 0, 40, 38, 45, 50, 48, 52, 55, 60} {
		s.Labels = append(s.Labels, []string{"9/7", "9/14", "9/21", "9/28", "10/5", "10/12", "10/19", "10/26", "11/2", "11/9", "11/16", "11/23"}[i])
		s.Values = append(s.Values, v)
		s.Valid = append(s.Valid, i != 3)
	}
	return s
}

// keep writes the image under testdata/failed (ignored by git) to look at with
// -keep, so a change in drawing can be seen.
func keep(t *testing.T, name string, b []byte) {
	if os.Getenv("CHART_KEEP") == "" {
		return
	}
	dir := filepath.Join("testdata", "failed")
	_ = os.MkdirAll(dir, 0o755)
	_ = os.WriteFile(filepath.Join(dir, name), b, 0o644)
}

func TestTrend(t *testing.T) {
	img, err := Trend(series(), Light, 360, 180)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 360 || b.Dy() != 180 {
		t.Fatalf("size %v", b)
	}
	// The line is drawn in the accent colour somewhere.
	found := false
	for y := 0; y < 180 && !found; y++ {
		for x := 0; x < 360; x++ {
			if r, g, b, _ := img.At(x, y).RGBA(); r>>8 == 0xe8 && g>>8 == 0x5d && b>>8 == 0x2a {
				found = true
				break
			}
		}
	}
	if !found {
		t.Error("no line in the accent colour")
	}
	b, err := PNG(img)
	if err != nil {
		t.Fatal(err)
	}
	keep(t, "trend.png", b)
}

func TestPicture(t *testing.T) {
	c := Card{Title: "【本周群活力周报】", Group: "王者卡盟1群", Period: "11月23日—11月29日", Headline: "互动率 60%（上周 56%）",
		Lines: []string{"活跃成员 6 人，共 10 人", "人均发言 2.2 条", "求助 4 条，1 小时内回复 25%"}, Trend: series(),
		Top: []string{"1. 小明 12 条", "2. 小红 9 条"}, Footer: "群活 · 一起把群养活"}
	img, err := Picture(c)
	if err != nil {
		t.Fatal(err)
	}
	b, err := PNG(img)
	if err != nil {
		t.Fatal(err)
	}
	dec, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if dec.Bounds().Dx() != CardWidth || dec.Bounds().Dy() < 600 {
		t.Errorf("size %v", dec.Bounds())
	}
	keep(t, "card.png", b)
}
