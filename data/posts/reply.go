package posts

import (
	tparse "text/template/parse"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// Reply is what the reply template sees: the member to @, what they asked, and the
// resource offered, whose fields are promoted as in a 上新 post ({{.Name}}, {{.Price}}).
type Reply struct {
	GroupName string // 群名称
	Date      string // the day of the reply
	Member    string // the member as the group shows them: group card, nickname or masked QQ
	Asked     string // what they asked, as the owner typed it
	Listing
}

// BuildReply prepares the reply to member (the name to @) who asked asked, offering
// resource r (with its Category loaded), in group g, dates shown in loc.
func BuildReply(g data.Group, member, asked string, r data.Resource, now time.Time, loc *time.Location) Reply {
	loc = orLocal(loc)
	return Reply{GroupName: g.Name, Date: now.In(loc).Format(data.DateLayout), Member: member, Asked: asked,
		Listing: listingOf(&r, now, loc)}
}

// RenderReply makes the reply from template body (the owner's or Default), like
// RenderIndex.
func RenderReply(body string, rp Reply, knownQQ []string) (string, error) {
	return render(data.PostReply, body, rp, knownQQ)
}

// BuildReplyPost makes the reply with the owner's template (or the default when the
// owner's no longer runs). A reply is one short message: it is never split.
func BuildReplyPost(store *data.Store, g *data.Group, member, asked string, r data.Resource, now time.Time, loc *time.Location) (Built, error) {
	qqs, err := store.MemberQQs()
	if err != nil {
		return Built{}, err
	}
	var group data.Group
	var gid *uint
	if g != nil {
		group, gid = *g, &g.ID
	}
	rp := BuildReply(group, member, asked, r, now, loc)
	text, broken, err := renderWith(store, data.PostReply, func(body string) (string, error) {
		return RenderReply(body, rp, qqs)
	})
	if err != nil {
		return Built{}, err
	}
	return Built{Kind: data.PostReply, GroupID: gid, Text: text, Parts: []string{text},
		ResourceIDs: []uint{r.ID}, Listed: 1, BrokenOwn: broken}, nil
}

func replyFields() []Field {
	fs := []Field{
		{Name: "{{.Member}}", Description: "成员在群里的称呼（群名片或昵称），写在 @ 后面"},
		{Name: "{{.Asked}}", Description: "成员原话，如 求王者点券"},
		{Name: "{{.GroupName}}", Description: "群名称"},
		{Name: "{{.Date}}", Description: "回复日期，如 2026-11-26"},
	}
	return append(fs, listingFields("", false)...)
}

// Placeholders of the reply only.
var (
	phMember = Placeholder{Name: "称呼", Description: "成员在群里的称呼（群名片或昵称），写在 @ 后面", field: "Member"}
	phAsked  = Placeholder{Name: "原话", Description: "成员原话，如 求王者点券", field: "Asked"}
)

func replyPartSpecs() []PartSpec {
	all := []Placeholder{phMember, phName, phPrice, phOriginal, phSaving, phRedeem, phStock, phDeadline, phNotes, phCategory, phAsked, phGroup, phDate}
	return []PartSpec{{Key: PartResource, Label: "回复", Help: "复制到群里的回复，一般写成一行", Rows: 4, Placeholders: all}}
}

// replySamples are replies taking every branch: every optional value, none, each alone.
func replySamples(rs []data.Resource, now time.Time) []any {
	g := data.Group{Name: "示例群"}
	out := make([]any, len(rs))
	for i, r := range rs {
		out[i] = BuildReply(g, "小明", "求"+r.Name, r, now, time.UTC)
	}
	return out
}

// replyParts reads the reply template, which has no ranges, as its one part.
func replyParts(root *tparse.ListNode) (Parts, error) {
	c := &fromTemplate{spec: replyPartSpecs()[0]}
	if err := c.lines(root.Nodes); err != nil {
		return Parts{}, err
	}
	return Parts{Kind: data.PostReply, Text: map[PartKey]string{PartResource: linesText(c.done)}}, nil
}
