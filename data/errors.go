package data

import (
	"errors"
	"fmt"
	"strings"
)

// OpenErrorKind says why a database could not be opened.
type OpenErrorKind int

// The reasons Open can fail.
const (
	OpenFailed      OpenErrorKind = iota // anything else
	OpenLocked                           // another program holds the file
	OpenReadOnly                         // the file or its folder cannot be written
	OpenCorrupt                          // not a database, or damaged
	OpenNewerSchema                      // written by a newer QunHuo
	OpenInUse                            // another QunHuo uses the same data folder
)

// OpenError is returned by Open and LockFolder.
type OpenError struct {
	Kind OpenErrorKind
	Path string
	Err  error
}

func (e *OpenError) Error() string { return fmt.Sprintf("open %s: %v", e.Path, e.Err) }
func (e *OpenError) Unwrap() error { return e.Err }

// ErrNotFound is returned when a record asked for by id does not exist.
var ErrNotFound = errors.New("not found")

// ErrInUse is returned when a record cannot be deleted because others refer to it.
var ErrInUse = errors.New("in use")

// FieldError is one problem with one field of a form or an imported row. Message is a
// complete Chinese sentence naming the field, meant for the owner.
type FieldError struct {
	Field   string // stable key, such as "name" or "price"
	Message string
}

func (e *FieldError) Error() string { return e.Message }

// ValidationError lists every field problem found in one record.
type ValidationError []*FieldError

func (v ValidationError) Error() string {
	msgs := make([]string, len(v))
	for i, e := range v {
		msgs[i] = e.Message
	}
	return strings.Join(msgs, ";")
}

// For returns the problem with field, or nil.
func (v ValidationError) For(field string) *FieldError {
	for _, e := range v {
		if e.Field == field {
			return e
		}
	}
	return nil
}

// problems collects field errors while a record is checked.
type problems ValidationError

func (p *problems) add(field, format string, args ...any) {
	*p = append(*p, &FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

func (p *problems) addErr(err error) {
	var fe *FieldError
	if errors.As(err, &fe) {
		*p = append(*p, fe)
	}
}

// err returns nil when nothing was found, so callers can `return p.err()`.
func (p problems) err() error {
	if len(p) == 0 {
		return nil
	}
	return ValidationError(p)
}
