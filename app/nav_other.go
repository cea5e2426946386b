//go:build !darwin

package app

// modifierName is the key that, with a digit, switches areas.
func modifierName() string { return "Ctrl" }
