package sheet

import (
	"io"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// Everything is the whole database as WriteEverythingXLSX writes it. A record type adds
// a field here, a loader to everythingLoads and a sheet function to everythingSheets,
// with the sheet function in a file of its own (export_all_<records>.go).
type Everything struct {
	Groups       []data.Group
	Resources    []data.Resource
	Members      []data.Member // with their seats and tags (Store.Members(0))
	Suppliers    []data.Supplier
	Posts        []data.Post        // every group's, oldest first
	Requests     []data.Request     // every group's 求…, with their members, newest first
	RuleVersions []data.RuleVersion // every group's 群规, with their sections, oldest first
	Blacklist    []data.HistoryRow  // every move onto and off the 失效名单, oldest first
	Trades       []data.Trade       // every group's 担保交易 with members and audit log, oldest first
	Tickets      []data.Ticket      // every group's 售后工单 with member, resource, trade and log, oldest first
	SwapListings []data.SwapListing // every group's 置换挂单 with members (export_all_swaps.go)
	SwapDeals    []data.SwapDeal    // every group's 置换撮合 with listings and log
	Polls        []data.Poll        // every group's 投票 with options, oldest first (export_all_polls.go)
	PollCats     []data.Category    // the categories polls' options may name
	At           time.Time          // when it was read: a listing past its expiry then shows 已过期

	Boxes      []data.BlindBox      // every group's 资源盲盒 with contents, oldest first (export_all_blindbox.go)
	BoxEntries []data.BlindBoxEntry // their entries with members, by box and number
	BoxDraws   []data.BlindBoxDraw  // their picks in stream order

	Redemptions []data.Redemption  // every group's 兑换记录 with members (export_all_rewards.go)
	Badges      []data.BadgeHolder // every 身份标识 ever given, with members

	PointEntries  []data.PointLine     // the whole points ledger, oldest first, named (export_all_points.go)
	PointBalances []data.PointStanding // every member's balance, most points first

	Sessions []data.ShareSession // every group's 分享会 with speakers and attendees (export_all_sessions.go)

	TalentMonths []data.TalentMonth // every group's confirmed 资源达人 months, oldest first (export_all_talent.go)

	Insights []GroupInsight // every group's 互动率 weeks (export_all_insight.go)
}

// everythingLoads read each field of Everything from the store, in sheet order.
var everythingLoads = []func(st *data.Store, all *Everything) error{
	func(st *data.Store, all *Everything) (err error) { all.Groups, err = st.Groups(); return err },
	func(st *data.Store, all *Everything) (err error) { all.Resources, err = st.Resources(); return err },
	func(st *data.Store, all *Everything) (err error) { all.Members, err = st.Members(0); return err },
	func(st *data.Store, all *Everything) (err error) { all.Suppliers, err = st.Suppliers(); return err },
	func(st *data.Store, all *Everything) (err error) { all.Posts, err = st.AllPosts(); return err },
	func(st *data.Store, all *Everything) (err error) { all.Requests, err = st.Requests(0, 0); return err },
	func(st *data.Store, all *Everything) (err error) {
		all.RuleVersions, err = st.AllRuleVersions()
		return err
	},
	func(st *data.Store, all *Everything) (err error) {
		all.Blacklist, err = st.BlacklistHistory()
		return err
	},
	func(st *data.Store, all *Everything) (err error) { all.Trades, err = st.AllTrades(); return err },
	func(st *data.Store, all *Everything) (err error) { all.Tickets, err = st.AllTickets(); return err },
	func(st *data.Store, all *Everything) (err error) {
		all.At = st.Now()
		if all.SwapListings, err = st.SwapListings(0); err == nil {
			all.SwapDeals, err = st.SwapDeals(0)
		}
		return err
	},
	func(st *data.Store, all *Everything) (err error) {
		if all.Polls, err = st.AllPolls(); err == nil {
			all.PollCats, err = st.Categories()
		}
		return err
	},
	func(st *data.Store, all *Everything) (err error) {
		all.Boxes, all.BoxEntries, all.BoxDraws, err = st.AllBlindBoxes()
		return err
	},
	func(st *data.Store, all *Everything) (err error) {
		if all.Redemptions, err = st.Redemptions(0); err == nil {
			all.Badges, err = st.AllBadges()
		}
		return err
	},
	func(st *data.Store, all *Everything) (err error) {
		if all.PointEntries, err = st.AllPointEntries(); err == nil {
			all.PointBalances, err = st.PointStandings(0)
		}
		return err
	},
	func(st *data.Store, all *Everything) (err error) { all.Sessions, err = st.Sessions(0, ""); return err },
	func(st *data.Store, all *Everything) (err error) {
		all.TalentMonths, err = st.AllTalentMonths()
		return err
	},
	loadInsights,
}

// everythingSheets make the workbook's sheets, in order.
var everythingSheets = []func(all Everything, loc *time.Location) grid{
	groupsGrid,
	func(all Everything, loc *time.Location) grid { return catalogGrid(all.Resources, loc) },
	membersGrid,
	suppliersGrid,
	postsGrid,
	requestsGrid,
	rulesGrid,
	blacklistGrid,
	tradesGrid,
	tradeEventsGrid,
	ticketsGrid,
	ticketEventsGrid,
	swapListingsGrid,
	swapDealsGrid,
	pollsGrid,
	boxesGrid,
	boxEntriesGrid,
	boxDrawsGrid,
	pointEntriesGrid,
	pointBalancesGrid,
	redemptionsGrid,
	badgesGrid,
	sessionsGrid,
	talentGrid,
	insightGrid,
}

// LoadEverything reads every record for WriteEverythingXLSX. Give it a store made with
// WithContext to make it cancellable.
func LoadEverything(st *data.Store) (Everything, error) {
	var all Everything
	for _, load := range everythingLoads {
		if err := load(st, &all); err != nil {
			return Everything{}, err
		}
	}
	return all, nil
}

// WriteEverythingXLSX writes every record to one workbook, a sheet per record type:
// 群, 资源库 (as the catalog export, so it imports back), 成员, 供应商, 公告记录 and the
// sheets later record types add.
func WriteEverythingXLSX(w io.Writer, all Everything, loc *time.Location) error {
	grids := make([]grid, len(everythingSheets))
	for i, sheet := range everythingSheets {
		grids[i] = sheet(all, loc)
	}
	return writeWorkbook(w, grids...)
}

// groupNames maps group IDs to names, for sheets that say which group a record is in.
func groupNames(all Everything) map[uint]string {
	names := make(map[uint]string, len(all.Groups))
	for _, g := range all.Groups {
		names[g.ID] = g.Name
	}
	return names
}
