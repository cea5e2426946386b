package posts

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/talent"
)

func talentSample(t *testing.T, places []data.TalentPlace) data.TalentMonth {
	t.Helper()
	top, err := json.Marshal(places)
	if err != nil {
		t.Fatal(err)
	}
	w := talent.Weights{talent.ShareResource: 10, talent.Swap: 5, talent.Help: 3, talent.ShareExperience: 4}
	m := data.TalentMonth{Month: "2026-11", Weights: w.Encode(), Top: string(top)}
	if len(places) > 0 {
		m.WinnerName, m.Score = places[0].Name, places[0].Score
	}
	return m
}

func part(k talent.Kind, n, w int) talent.Part {
	return talent.Part{Kind: k, Count: n, Weight: w, Points: n * w}
}

func TestTalentGolden(t *testing.T) {
	g := data.Group{Name: "王者荣耀交流群"}
	full := talentSample(t, []data.TalentPlace{
		{Rank: 1, Name: "广州-小明", Score: 23, Parts: []talent.Part{part(talent.ShareResource, 2, 10), part(talent.Help, 1, 3)}},
		{Rank: 2, Name: "小刚", Score: 11, Parts: []talent.Part{part(talent.Swap, 1, 5), part(talent.Help, 2, 3)}},
		// A QQ number as a name is masked; a kind weighted 0 is not listed.
		{Rank: 3, Name: "2876543210", Score: 9, Parts: []talent.Part{part(talent.Swap, 1, 5), part(talent.ShareExperience, 1, 4), part(talent.Speak, 2, 0)}},
	})
	one := talentSample(t, []data.TalentPlace{{Rank: 1, Name: "阿杰", Score: 10, Parts: []talent.Part{part(talent.ShareResource, 1, 10)}}})
	for _, tt := range []struct{ name, got string }{
		{"talent", TalentPost(g, full, nil)},
		{"talent_one", TalentPost(data.Group{}, one, nil)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if strings.ContainsAny(tt.got, "()?!,") || strings.Contains(tt.got, "2876543210") {
				t.Errorf("half-width punctuation or a QQ number in %q", tt.got)
			}
			assertGolden(t, tt.name, tt.got)
		})
	}
}
