package data_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
	"gorm.io/gorm"
)

// The crash-safety harness (docs/crash-safety.md): TestCrashSafety runs this test
// binary again as a child that saves every record type through the store in a loop,
// kills it with SIGKILL (Process.Kill) at a random moment, reopens the database and
// checks it: integrity_check, every save the child reported is there, no save is
// half there. The record types are the table in crash_writers_test.go.

const (
	crashChildEnv  = "QUNHUO_CRASH_CHILD"   // the database path; set only in the child
	crashRoundEnv  = "QUNHUO_CRASH_ROUND"   // the child's round
	crashRoundsEnv = "QUNHUO_CRASH_ROUNDS"  // more rounds for a longer run (default 20)
	crashSeedEnv   = "QUNHUO_CRASH_SEED"    // replays the kill moments of a failed run
	crashBrokenEnv = "QUNHUO_CRASH_BROKEN"  // the child saves with crashBrokenWriters
	crashKillAtEnv = "QUNHUO_CRASH_KILL_AT" // kind:n: the child kills itself after the nth statement of saves of kind
	crashLine      = "CRASH "               // prefix of the child's report lines
	crashReady     = "ready"
	crashBegin     = "begin " // + kind: a save starts; the kill may land inside it
	crashPause     = "pause"  // a broken writer is between its two transactions
	crashSelfKill  = "kill"   // the child kills itself now
)

// crashMaxDelay bounds how long a child writes before it is killed. Long enough for
// a few dozen saves under -race, short enough that 20 rounds take seconds.
const crashMaxDelay = 300 * time.Millisecond

func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes; skipped with -short")
	}
	rounds := 20
	if v := os.Getenv(crashRoundsEnv); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("%s=%q: want a positive number", crashRoundsEnv, v)
		}
		rounds = n
	}
	seed := uint64(time.Now().UnixNano())
	if v := os.Getenv(crashSeedEnv); v != "" {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			t.Fatalf("%s=%q: want a number", crashSeedEnv, v)
		}
		seed = n
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("kill moments from seed %d: rerun with %s=%d", seed, crashSeedEnv, seed)
		}
	})
	rng := rand.New(rand.NewPCG(seed, 0))
	path := filepath.Join(t.TempDir(), data.DatabaseFile)

	var committed []crashUnit
	inFlight := map[string]int{} // what the kills interrupted
	kindTurn := rng.IntN(len(crashWriters))
	for round := range rounds {
		k := crashKill{Delay: time.Duration(rng.Int64N(int64(crashMaxDelay)))}
		if round%3 == 0 {
			// One of these in three, the first included, counts from the child's
			// start, so that some kills land while Open recovers or migrates.
			k.FromStart = round == 0 || rng.IntN(3) == 0
		} else {
			// Two rounds in three the child kills itself right after a random
			// statement of a save of one kind, the kinds in turn: inside a save,
			// between the statements of its transaction, where a save that is not
			// one transaction would be cut in two. A kill at a moment rarely lands
			// there: most of a save's time goes into preparing its statements.
			k.In = crashWriters[kindTurn%len(crashWriters)].kind
			kindTurn++
			k.Pick = 1 + rng.IntN(1000)
		}
		units, interrupted, err := runCrashChild(path, round, k, false)
		if interrupted == "" {
			interrupted = "open or between saves"
		}
		inFlight[interrupted]++
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		committed = append(committed, units...)
		// Saves of earlier rounds are checked again each round: a later crash must
		// not lose them either.
		if err := verifyCrash(path, committed); err != nil {
			t.Fatalf("round %d, %+v, %d saves reported in all:\n%v", round, k, len(committed), err)
		}
	}
	kinds := map[string]int{}
	for _, u := range committed {
		kinds[u.Kind]++
	}
	t.Logf("%d rounds, %d saves reported and found: %v; killed during: %v", rounds, len(committed), kinds, inFlight)
}

// crashKill says when a round's child dies: Delay after it is ready (or after its
// start), or, when Pick > 0, right after a statement of a save of the kind In that
// Pick chooses (see statementKill).
type crashKill struct {
	Delay     time.Duration
	FromStart bool
	In        string
	Pick      int
}

// runCrashChild starts the child on the database at path, lets it save for delay
// after it is ready (or after its start), kills it and returns the saves it reported and the kind of the
// save the kill interrupted ("" for none).
func runCrashChild(path string, round int, k crashKill, broken bool) (units []crashUnit, interrupted string, err error) {
	delay, fromStart := k.Delay, k.FromStart
	if k.Pick > 0 {
		delay = time.Hour // the child kills itself
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+path, crashRoundEnv+"="+strconv.Itoa(round),
		crashKillAtEnv+"="+k.In+":"+strconv.Itoa(k.Pick))
	if broken {
		cmd.Env = append(cmd.Env, crashBrokenEnv+"=1")
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, "", err
	}
	if err := cmd.Start(); err != nil {
		return nil, "", err
	}
	lines := make(chan string)
	go readCrashLines(out, lines)

	var readErr error
	killed := false
	kill := time.NewTimer(time.Hour)
	if fromStart {
		kill.Reset(delay)
	}
	timeout := time.After(60 * time.Second)
	for lines != nil {
		select {
		case line, ok := <-lines:
			if !ok {
				lines = nil
				break
			}
			if line == crashReady {
				if !fromStart {
					kill.Reset(delay)
				}
				continue
			}
			if line == crashSelfKill {
				killed = true
				continue
			}
			if line == crashPause {
				_ = cmd.Process.Kill() // a crash at the worst moment for a broken writer
				killed = true
				continue
			}
			if kind, ok := strings.CutPrefix(line, crashBegin); ok {
				interrupted = kind
				continue
			}
			interrupted = ""
			var u crashUnit
			if err := json.Unmarshal([]byte(line), &u); err != nil && readErr == nil {
				readErr = fmt.Errorf("child reported %q: %v", line, err)
			}
			units = append(units, u)
		case <-kill.C:
			_ = cmd.Process.Kill() // SIGKILL on Unix: no deferred code, no Close
			killed = true
		case <-timeout:
			_ = cmd.Process.Kill()
			readErr = errors.New("child not ready or not killed within 60 s")
		}
	}
	err = cmd.Wait()
	if readErr != nil {
		return units, interrupted, fmt.Errorf("%v\nchild stderr:\n%s", readErr, stderr.String())
	}
	// Killed, the child cannot have exited cleanly; where a kill is an exit code
	// (Windows), that it was killed is known from the parent or the child's last line.
	var exit *exec.ExitError
	if !killed || !errors.As(err, &exit) {
		// Not killed: the child failed (a save refused) or ran out of saves.
		return units, interrupted, fmt.Errorf("child ended by itself (%v)\nchild stderr:\n%s", err, stderr.String())
	}
	return units, interrupted, nil
}

// readCrashLines sends the child's report lines. A last line without its newline is
// one the kill cut short and is dropped; the child writes each line in one write.
func readCrashLines(r io.Reader, lines chan<- string) {
	defer close(lines)
	br := bufio.NewReader(r)
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			return
		}
		if rest, ok := strings.CutPrefix(line, crashLine); ok {
			lines <- strings.TrimSuffix(rest, "\n")
		}
	}
}

// verifyCrash opens the database as the app would after a crash and checks it.
func verifyCrash(path string, committed []crashUnit) error {
	s, err := data.Open(path)
	if err != nil {
		return fmt.Errorf("reopen after the kill: %w", err)
	}
	defer s.Close()
	db := data.DB(s)
	bad, err := checkCrashInvariants(db)
	if err != nil {
		return err
	}
	byKind := map[string]crashWriter{}
	for _, w := range crashWriters {
		byKind[w.kind] = w
	}
	for _, u := range committed {
		if err := byKind[u.Kind].present(db, u); err != nil {
			bad = append(bad, fmt.Sprintf("reported as saved, missing: %v", err))
		}
	}
	if len(bad) > 0 {
		if len(bad) > 20 {
			bad = append(bad[:20], fmt.Sprintf("… and %d more", len(bad)-20))
		}
		return errors.New(strings.Join(bad, "\n"))
	}
	return nil
}

// TestCrashHarnessCatchesBrokenSaves runs the harness on a child that saves each
// import as two transactions and is killed between them (it reports the pause): the
// harness must find the import half there, or it could not fail.
func TestCrashHarnessCatchesBrokenSaves(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes; skipped with -short")
	}
	path := filepath.Join(t.TempDir(), data.DatabaseFile)
	units, _, err := runCrashChild(path, 0, crashKill{Delay: time.Hour}, true)
	if err != nil {
		t.Fatal(err)
	}
	err = verifyCrash(path, units)
	if err == nil {
		t.Fatal("a child killed between the two transactions of an import left nothing the harness found")
	}
	if !strings.Contains(err.Error(), "imports all or nothing: resources: import r0s0 has 5 of 10 rows") {
		t.Errorf("caught, but not as a half import: %v", err)
	}
}

// TestCrashChild is the child process of TestCrashSafety; run directly it does nothing.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashChildEnv)
	if path == "" {
		t.Skip("runs only as the child of TestCrashSafety")
	}
	round, err := strconv.Atoi(os.Getenv(crashRoundEnv))
	if err != nil {
		t.Fatal(err)
	}
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := newCrashChild(s, round)
	if err != nil {
		t.Fatal(err)
	}
	kill := &statementKill{}
	if kind, pick, ok := strings.Cut(os.Getenv(crashKillAtEnv), ":"); ok {
		kill.kind = kind
		kill.pick, _ = strconv.Atoi(pick)
		kill.register(data.DB(s))
	}
	writers := crashWriters
	if os.Getenv(crashBrokenEnv) != "" {
		writers = crashBrokenWriters
	}
	report(crashReady)
	for i := range crashSeqsPerRound {
		w := writers[(i+round)%len(writers)]
		seq := round*crashSeqsPerRound + i
		u := crashUnit{Kind: w.kind, Key: fmt.Sprintf("r%ds%d", round, seq), Seq: seq}
		report(crashBegin + w.kind)
		kill.begin(w.kind)
		if err := w.write(c, &u); err != nil {
			t.Fatalf("%s %s: %v", u.Kind, u.Key, err)
		}
		kill.end()
		line, err := json.Marshal(u)
		if err != nil {
			t.Fatal(err)
		}
		report(string(line))
	}
}

// statementKill makes the child SIGKILL itself right after an INSERT, UPDATE, DELETE
// or raw statement of a save of one kind, before the transaction around it commits.
// It counts the statements of the first such save, then kills after statement
// 1 + pick mod (count-1) of the next one: never after the last statement of a save
// that has several, where the kill would only show that a whole save is kept. All
// its methods run on the goroutine that saves (GORM runs callbacks on the caller's).
type statementKill struct {
	kind    string
	pick    int
	saving  bool // a save of kind is under way
	count   int  // its statements so far
	learned int  // statements in the first save of kind; 0 until it ended
	at      int  // kill after this statement
}

func (k *statementKill) begin(kind string) { k.saving, k.count = kind == k.kind, 0 }

func (k *statementKill) end() {
	if !k.saving {
		return
	}
	k.saving = false
	switch {
	case k.learned == 0:
		k.learned = max(k.count, 1)
		k.at = 1 + k.pick%max(k.learned-1, 1)
	default:
		k.at = 1 // this save was shorter than the first: kill in the next for sure
	}
}

func (k *statementKill) after(*gorm.DB) {
	if !k.saving {
		return
	}
	if k.count++; k.learned == 0 || k.count != k.at {
		return
	}
	report(crashSelfKill)
	if p, err := os.FindProcess(os.Getpid()); err == nil {
		_ = p.Kill()
	}
	time.Sleep(time.Minute) // until the kill lands: nothing more may be written
}

func (k *statementKill) register(db *gorm.DB) {
	// After GORM's own commit of a statement it wrapped in a transaction (when no
	// transaction was open), so that a statement the store ran on its own counts as
	// done; inside the store's transactions that commit is not this statement's.
	const done = "gorm:commit_or_rollback_transaction"
	cb := db.Callback()
	for _, err := range []error{
		cb.Create().After(done).Register("crash:kill", k.after),
		cb.Update().After(done).Register("crash:kill", k.after),
		cb.Delete().After(done).Register("crash:kill", k.after),
		cb.Raw().After("gorm:raw").Register("crash:kill", k.after),
	} {
		if err != nil {
			panic(err)
		}
	}
}

// newCrashChild finds the group seats and posts go to, adding it in the first round.
func newCrashChild(s *data.Store, round int) (*crashChild, error) {
	c := &crashChild{s: s, round: round}
	gs, err := s.Groups()
	if err != nil {
		return nil, err
	}
	if len(gs) > 0 {
		c.groupID = gs[0].ID
		return c, nil
	}
	g := &data.Group{Name: "base", Number: "10001"}
	if err := s.SaveGroup(g); err != nil {
		return nil, err
	}
	c.groupID = g.ID
	line, _ := json.Marshal(crashUnit{Kind: "group", Key: "base"})
	report(string(line))
	return c, nil
}

// report writes one line in one write to unbuffered stdout, so that the parent has
// it once the save it reports has committed, even if the kill comes next.
func report(line string) {
	if os.Getenv(crashChildEnv) == "" {
		return // crash_check_test.go saves in-process
	}
	_, _ = os.Stdout.WriteString(crashLine + line + "\n")
}
