// Package match is the rule of 精准匹配: which members a resource fits, ranked, each
// with the reasons (an open request, a past request, an interest tag), and which
// resources fit one member. Pushing every resource to everyone is what kills a group;
// a resource goes to those whose needs it meets.
//
// It is pure: the store gathers the facts (data.Store.MatchForResource and
// MatchForMember), already normalized for text matching — a resource's Key is its
// data.SearchKey, a request's Items are its item key (wording.ItemKey) and that item
// with its words replaced by their synonyms — and this package only compares and ranks. It imports neither GORM nor Fyne, nor
// package data.
package match
