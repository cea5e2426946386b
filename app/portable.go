package app

import (
	"os"
	"path/filepath"
)

// PortableMarker is the file that makes an install portable: when it sits beside the
// executable (the Windows portable zip ships one), the data lives in a data folder next
// to the executable instead of the system's app-data folder, so the whole folder can be
// carried on a USB stick or copied to a new computer.
const PortableMarker = "portable.txt"

// PortableDataDir returns the data folder of a portable install whose executable is exe:
// the folder "data" beside it when PortableMarker is there, else "" (not portable).
func PortableDataDir(exe string) string {
	if exe == "" {
		return ""
	}
	if real, err := filepath.EvalSymlinks(exe); err == nil {
		exe = real
	}
	dir := filepath.Dir(exe)
	if fi, err := os.Stat(filepath.Join(dir, PortableMarker)); err != nil || fi.IsDir() {
		return ""
	}
	return filepath.Join(dir, "data")
}

// DefaultDataDir is the data folder when no -data flag is given: the portable folder
// beside the running executable when the marker is there, else "" (the app's storage).
func DefaultDataDir() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	return PortableDataDir(exe)
}
