package ui

import (
	"strconv"

	"github.com/qunhuo/qunhuo/data"
)

// The owner's choices of light or dark; empty follows the system.
const (
	VariantSystem = ""
	VariantLight  = "light"
	VariantDark   = "dark"
)

// TextScales are the text sizes 设置 offers, standard first.
var TextScales = []float32{1, 1.15, 1.3}

// Look is how the owner wants the window to look: light, dark or following the system,
// and how big the text is. It is kept in the database with the data.
type Look struct {
	Variant string  // VariantSystem, VariantLight or VariantDark
	Scale   float32 // one of TextScales; 0 is standard
}

func (l Look) scale() float32 {
	if l.Scale <= 0 {
		return 1
	}
	return l.Scale
}

const (
	settingVariant   = "look_variant"
	settingTextScale = "look_text_scale"
)

// LoadLook reads the owner's look from the store; nothing saved is the standard look.
func LoadLook(s *data.Store) (Look, error) {
	var l Look
	v, _, err := s.Setting(settingVariant)
	if err != nil {
		return l, err
	}
	if v == VariantLight || v == VariantDark {
		l.Variant = v
	}
	sc, ok, err := s.Setting(settingTextScale)
	if err != nil || !ok {
		return l, err
	}
	if f, err := strconv.ParseFloat(sc, 32); err == nil {
		for _, want := range TextScales {
			if float32(f) == want {
				l.Scale = want
			}
		}
	}
	return l, nil
}

// SaveLook keeps the owner's look in the store.
func SaveLook(s *data.Store, l Look) error {
	if err := s.SetSetting(settingVariant, l.Variant); err != nil {
		return err
	}
	return s.SetSetting(settingTextScale, strconv.FormatFloat(float64(l.scale()), 'f', 2, 32))
}
