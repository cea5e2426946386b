package datatest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// DemoSize says how much demo data FillDemo adds.
type DemoSize struct{ Groups, Members, Resources, Suppliers int }

// SmallDemo is what a new owner explores the app with: two groups, a few dozen
// members and a catalog with something in every category and every state.
var SmallDemo = DemoSize{Groups: 2, Members: 40, Resources: 80, Suppliers: 6}

// BigDemo is the size of a big 卡盟 that the design's performance targets are set for.
var BigDemo = DemoSize{Groups: 5, Members: 3000, Resources: 20000, Suppliers: 40}

// demoZone is where the demo's owner lives: deadlines end at 23:59 China time.
var demoZone = time.FixedZone("CST", 8*3600)

// FillDemo adds made-up but realistic data to s in one transaction: size.Resources
// resources and size.Members members, and groups and suppliers until there are
// size.Groups and size.Suppliers of them. Times come from the store's clock. The same
// seed on the same database at the same time gives the same data. Demo names never
// clash with what the database already holds.
func FillDemo(s *data.Store, size DemoSize, seed int64) error {
	err := s.Transaction(func(tx *data.Store) error {
		f := &demoFill{
			rng: rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15)),
			now: tx.Now(),
			tx:  tx,
		}
		steps := []func(DemoSize) error{f.load, f.addGroups, f.addSuppliers, f.addResources, f.addMembers}
		for _, step := range steps {
			if err := step(size); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("fill demo: %w", err)
	}
	return nil
}

// demoFill is one run of FillDemo: the random source and what the database holds.
type demoFill struct {
	rng *rand.Rand
	now time.Time
	tx  *data.Store

	categories    []data.Category // in demoCatalog order
	groups        []data.Group
	suppliers     []*data.Supplier
	supplierNames map[string]bool
	names         map[string]bool // resource names, as data.NameKey folds them
	qqs           map[string]bool
	owned         map[uint]bool // groups that have a 群主
}

// load reads what the demo must fit in with, and makes sure the default categories exist.
func (f *demoFill) load(DemoSize) error {
	for _, c := range demoCatalog {
		cat, err := f.tx.AddCategory(c.name)
		if err != nil {
			return err
		}
		f.categories = append(f.categories, cat)
	}
	var err error
	if f.groups, err = f.tx.Groups(); err != nil {
		return err
	}
	suppliers, err := f.tx.Suppliers()
	if err != nil {
		return err
	}
	slices.SortFunc(suppliers, func(a, b data.Supplier) int { return int(a.ID) - int(b.ID) })
	f.supplierNames = make(map[string]bool, len(suppliers))
	for i := range suppliers {
		f.suppliers = append(f.suppliers, &suppliers[i])
		f.supplierNames[suppliers[i].Name] = true
	}
	resources, err := f.tx.Resources()
	if err != nil {
		return err
	}
	f.names = make(map[string]bool, len(resources))
	for _, r := range resources {
		f.names[data.NameKey(r.Name)] = true
	}
	qqs, err := f.tx.MemberQQs()
	if err != nil {
		return err
	}
	f.qqs = make(map[string]bool, len(qqs))
	for _, qq := range qqs {
		f.qqs[qq] = true
	}
	return f.loadOwners()
}

// loadOwners notes the groups that already have a 群主.
func (f *demoFill) loadOwners() error {
	f.owned = make(map[uint]bool, len(f.groups))
	if len(f.qqs) == 0 {
		return nil
	}
	members, err := f.tx.Members(0)
	if err != nil {
		return err
	}
	for _, m := range members {
		for _, seat := range m.Memberships {
			if seat.Role == data.RoleOwner {
				f.owned[seat.GroupID] = true
			}
		}
	}
	return nil
}

// pick returns a random element of xs.
func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

// percent reports true p times in a hundred.
func (f *demoFill) percent(p int) bool { return f.rng.IntN(100) < p }

// digits returns n random digits, the first not 0 and at most maxFirst.
func (f *demoFill) digits(n int, maxFirst byte) string {
	b := make([]byte, n)
	b[0] = '1' + byte(f.rng.IntN(int(maxFirst-'0')))
	for i := 1; i < n; i++ {
		b[i] = '0' + byte(f.rng.IntN(10))
	}
	return string(b)
}

// addGroups adds groups until there are size.Groups.
func (f *demoFill) addGroups(size DemoSize) error {
	numbers := make(map[string]bool, len(f.groups))
	for _, g := range f.groups {
		numbers[g.Number] = true
	}
	for i := len(f.groups); i < size.Groups; i++ {
		name := demoGroupNames[i%len(demoGroupNames)]
		if i >= len(demoGroupNames) {
			name += fmt.Sprintf(" %d群", i/len(demoGroupNames)+1)
		}
		number := f.digits(9+f.rng.IntN(2), '9')
		for numbers[number] {
			number = f.digits(10, '9')
		}
		numbers[number] = true
		g, err := data.GroupDraft{Name: name, Number: number, Notes: "演示数据"}.Parse()
		if err != nil {
			return err
		}
		if err := f.tx.SaveGroup(&g); err != nil {
			return err
		}
		f.groups = append(f.groups, g)
	}
	return nil
}

// addSuppliers adds suppliers with shop names until there are size.Suppliers.
func (f *demoFill) addSuppliers(size DemoSize) error {
	var names []string
	for _, a := range demoSupplierNames {
		for _, b := range demoSupplierKinds {
			names = append(names, a+b)
		}
	}
	f.rng.Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
	for _, name := range names {
		if len(f.suppliers) >= size.Suppliers {
			break
		}
		if f.supplierNames[name] {
			continue
		}
		sup := &data.Supplier{Name: name, Contact: f.contact(), Notes: pick(f.rng, demoSupplierNotes)}
		if err := f.tx.SaveSupplier(sup); err != nil {
			return err
		}
		f.suppliers = append(f.suppliers, sup)
	}
	return nil
}

func (f *demoFill) contact() string {
	if f.percent(60) {
		return "QQ " + f.digits(9+f.rng.IntN(2), '3')
	}
	return "微信 wx_" + f.digits(8, '9')
}

// addResources adds size.Resources resources, each category its share of them.
func (f *demoFill) addResources(size DemoSize) error {
	rs := make([]*data.Resource, 0, size.Resources)
	rest := size.Resources // the first category takes what the others' shares round off
	for _, c := range demoCatalog[1:] {
		rest -= size.Resources * c.share / 100
	}
	for ci, c := range demoCatalog {
		n := size.Resources * c.share / 100
		if ci == 0 {
			n = rest
		}
		names := newDemoNames(f.rng, c)
		for range n {
			pk := names.next(f.names)
			rs = append(rs, f.resource(len(rs), f.categories[ci], pk))
		}
	}
	if len(rs) == 0 {
		return nil
	}
	return f.tx.SaveResources(rs)
}

// resource makes the i-th demo resource from a picked name. Its state comes from i,
// so that every size above 50 has something sold out, off the shelf, invalid,
// limited in time and not yet started.
func (f *demoFill) resource(i int, category data.Category, pk demoPick) *data.Resource {
	face := int64(pk.face.yuan*pk.pack) * data.CentsPerYuan
	pct := pk.product.discount[0] + f.rng.IntN(pk.product.discount[1]-pk.product.discount[0]+1)
	created := f.now.Add(-time.Duration(f.rng.IntN(180*24*60)) * time.Minute).Truncate(time.Minute)
	r := &data.Resource{
		Name:       pk.name,
		CategoryID: category.ID,
		Category:   category,
		PriceCents: max(face*int64(pct)/100/10*10, 10), // to the 角
		Redeem:     pick(f.rng, pk.product.redeems),
		Status:     data.StatusOnSale,
		Unlimited:  f.percent(55),
		CreatedAt:  created,
		UpdatedAt:  created,
	}
	if f.percent(80) {
		r.OriginalPriceCents = face
	}
	if !r.Unlimited {
		r.Stock = 1 + f.rng.IntN(200)
	}
	limited := f.applyState(i, r)
	if len(f.suppliers) > 0 && f.percent(85) {
		r.Supplier = pick(f.rng, f.suppliers) // SaveResources finds it by name
	}
	if f.percent(25) {
		r.Notes = pick(f.rng, demoNotes)
	}
	r.Tags = strings.Join(demoTags(pk, limited), ",")
	return r
}

// applyState gives one resource in fifty each state the catalog filters by, and one
// in ten a deadline. It reports whether the resource is limited in time (限时).
func (f *demoFill) applyState(i int, r *data.Resource) (limited bool) {
	today := f.now.In(demoZone)
	dayStart := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, demoZone)
	endOfDay := func(days int) *time.Time {
		t := dayStart.AddDate(0, 0, days+1).Add(-time.Minute).UTC()
		return &t
	}
	switch i % 50 {
	case 0, 1:
		r.Status = data.StatusOffShelf
	case 2:
		r.Status = data.StatusInvalid
	case 3:
		r.Status = data.StatusSoldOut
	case 4, 5:
		r.Unlimited, r.Stock = false, 0
	case 6, 7, 8, 9, 10:
		r.ValidUntil = endOfDay(1 + f.rng.IntN(30))
		if f.percent(50) {
			from := dayStart.AddDate(0, 0, -f.rng.IntN(7)).UTC()
			r.ValidFrom = &from
		}
		return true
	case 11:
		start := 1 + f.rng.IntN(7)
		from := dayStart.AddDate(0, 0, start).UTC()
		r.ValidFrom, r.ValidUntil = &from, endOfDay(start+7+f.rng.IntN(23))
		return true
	}
	return false
}

// demoTags are a product's tags, the platform or place its variant names, and 限时 or
// 批发 when they apply.
func demoTags(pk demoPick, limited bool) []string {
	tags := slices.Clone(pk.product.tags)
	switch v := pk.variant; {
	case strings.Contains(v, "安卓"):
		tags = append(tags, "安卓")
	case strings.Contains(v, "iOS"):
		tags = append(tags, "iOS")
	case v != "" && !strings.Contains(v, " "):
		tags = append(tags, v)
	}
	if limited {
		tags = append(tags, "限时")
	}
	if pk.pack > 1 {
		tags = append(tags, "批发")
	}
	return tags
}

// demoPick is one way to list a product: prefix, face value, variant and pack size.
type demoPick struct {
	product *demoProduct
	face    demoFace
	variant string
	prefix  string
	pack    int
	name    string
}

// rank counts what a pick adds to the plain name: plain names come first, so a small
// demo reads like a tidy shop.
func (pk demoPick) rank() int {
	n := 0
	for _, extra := range []bool{pk.prefix != "", pk.variant != "", pk.pack > 1} {
		if extra {
			n++
		}
	}
	return n
}

func (pk demoPick) listing() string {
	var b strings.Builder
	b.WriteString(pk.prefix)
	b.WriteString(pk.product.name)
	if !pk.product.glued {
		b.WriteByte(' ')
	}
	b.WriteString(pk.face.label)
	if pk.variant != "" {
		b.WriteString(" " + pk.variant)
	}
	if pk.pack > 1 {
		fmt.Fprintf(&b, " ×%d", pk.pack)
	}
	return b.String()
}

// demoNames hands out a category's listings, plain ones first and in random order
// within each rank. When every listing is taken it starts over with a 货源 number,
// so it never runs out.
type demoNames struct {
	picks []demoPick
	pos   int
	round int
}

func newDemoNames(rng *rand.Rand, c demoCategory) *demoNames {
	var byRank [4][]demoPick
	for pi := range c.products {
		p := &c.products[pi]
		for _, face := range p.faces {
			for _, variant := range append([]string{""}, p.variants...) {
				for _, prefix := range c.prefixes {
					for _, pack := range c.packs {
						pk := demoPick{product: p, face: face, variant: variant, prefix: prefix, pack: pack}
						byRank[pk.rank()] = append(byRank[pk.rank()], pk)
					}
				}
			}
		}
	}
	var picks []demoPick
	for _, rank := range byRank {
		rng.Shuffle(len(rank), func(i, j int) { rank[i], rank[j] = rank[j], rank[i] })
		picks = append(picks, rank...)
	}
	return &demoNames{picks: picks}
}

// next returns the next listing whose name is not in taken, and adds it there.
func (d *demoNames) next(taken map[string]bool) demoPick {
	for {
		if d.pos == len(d.picks) {
			d.pos, d.round = 0, d.round+1
		}
		pk := d.picks[d.pos]
		d.pos++
		pk.name = pk.listing()
		if d.round > 0 {
			pk.name += fmt.Sprintf("（%d号货源）", d.round+1)
		}
		if key := data.NameKey(pk.name); !taken[key] {
			taken[key] = true
			return pk
		}
	}
}
