import { describe, expect, it } from "vitest";
import {
  applyAttempt,
  createProgressStore,
  emptyProgress,
  missedIn,
  mergeProgress,
  mergeRecords,
  NOTICE_BLOCKED,
  NOTICE_FULL,
  parseBackups,
  parseProgress,
  PROGRESS_BACKUP_KEY,
  PROGRESS_KEY,
  summarize,
  type Progress,
  type ProgressStoreOptions,
  type StorageLike,
} from "../../../src/exercises/progress";
import { describeTrouble } from "../../../src/exercises/progressTrouble";

/** An in-memory Storage; `failWrites` makes setItem throw the given error. */
class FakeStorage implements StorageLike {
  data = new Map<string, string>();
  failWrites: Error | null = null;
  writes = 0;
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failWrites) throw this.failWrites;
    this.writes += 1;
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
}

function domError(name: string, message: string, code = 0): Error {
  // Node has DOMException; its name is the second argument, as in browsers. A legacy code (Firefox's
  // 1014) cannot be given to the constructor, so that case is an Error carrying name and code.
  return code === 0 ? new DOMException(message, name) : Object.assign(new Error(message), { name, code });
}

const NOW = new Date("2026-01-02T03:04:05.000Z");

function makeStore(storage: StorageLike | (() => StorageLike | null), extra: Partial<ProgressStoreOptions> = {}) {
  return createProgressStore({
    storage: typeof storage === "function" ? storage : () => storage,
    events: null,
    now: () => NOW,
    newSeed: () => 42,
    ...extra,
  });
}

function stored(storage: FakeStorage): unknown {
  return JSON.parse(storage.getItem(PROGRESS_KEY)!);
}

describe("pure progress functions", () => {
  it("applyAttempt: a first correct attempt is correct at the first try and completed now", () => {
    const p = applyAttempt(emptyProgress(), "iterations", "b8", { correct: true, answer: "7" }, NOW);
    expect(p.exercises["iterations/b8"]).toEqual({
      attempts: 1,
      correct: true,
      firstTryCorrect: true,
      lastAnswer: "7",
      completedAt: NOW.toISOString(),
    });
  });

  it("applyAttempt: wrong then right is correct but not at the first try; later wrong answers do not unsolve it", () => {
    let p = applyAttempt(emptyProgress(), "l", "e", { correct: false, answer: "6" }, NOW);
    expect(p.exercises["l/e"]).toMatchObject({ attempts: 1, correct: false, firstTryCorrect: false, completedAt: null });
    p = applyAttempt(p, "l", "e", { correct: true, answer: "7" }, NOW);
    expect(p.exercises["l/e"]).toMatchObject({ attempts: 2, correct: true, firstTryCorrect: false, completedAt: NOW.toISOString() });
    const later = new Date("2026-02-01T00:00:00Z");
    p = applyAttempt(p, "l", "e", { correct: false, answer: "8" }, later);
    expect(p.exercises["l/e"]).toMatchObject({ attempts: 3, correct: true, lastAnswer: "8", completedAt: NOW.toISOString() });
  });

  it("applyAttempt does not change its input", () => {
    const before = emptyProgress();
    applyAttempt(before, "l", "e", { correct: true, answer: "7" }, NOW);
    expect(before).toEqual(emptyProgress());
  });

  it("summarize counts attempted, correct and first-try exercises among the given ids", () => {
    let p = emptyProgress();
    p = applyAttempt(p, "l", "a", { correct: true, answer: "1" }, NOW);
    p = applyAttempt(p, "l", "b", { correct: false, answer: "1" }, NOW);
    p = applyAttempt(p, "l", "b", { correct: true, answer: "2" }, NOW);
    p = applyAttempt(p, "l", "c", { correct: false, answer: "1" }, NOW);
    p = applyAttempt(p, "other", "a", { correct: true, answer: "1" }, NOW);
    expect(summarize(p, "l", ["a", "b", "c", "d"])).toEqual({ done: 3, total: 4, correct: 2, firstTry: 1 });
  });

  it("missedIn lists attempted, never-correct exercises with their lesson", () => {
    let p = emptyProgress();
    p = applyAttempt(p, "iterations-and-epochs", "b8", { correct: false, answer: "6" }, NOW);
    p = applyAttempt(p, "iterations-and-epochs", "b7", { correct: true, answer: "8" }, NOW);
    expect(missedIn(p)).toEqual([
      { lesson: "iterations-and-epochs", id: "b8", record: p.exercises["iterations-and-epochs/b8"] },
    ]);
  });
});

describe("parseProgress", () => {
  const good: Progress = {
    version: 1,
    exercises: { "l/e": { attempts: 2, correct: true, firstTryCorrect: false, lastAnswer: "7", completedAt: "2026-01-01T00:00:00.000Z" } },
    seeds: { "l/c": 99 },
    resets: 0,
  };

  it("round trip: what is written is read back unchanged", () => {
    expect(parseProgress(JSON.stringify(good))).toEqual({ progress: good, problem: "none" });
  });

  it("missing: empty progress, no problem to report", () => {
    expect(parseProgress(null)).toEqual({ progress: emptyProgress(), problem: "missing" });
  });

  it.each([
    ["corrupt JSON", "{not json"],
    ["truncated JSON", JSON.stringify(good).slice(0, 30)],
    ["a JSON array", "[]"],
    ["a JSON string", '"hello"'],
    ["null", "null"],
    ["no version", JSON.stringify({ exercises: {} })],
    ["a string version", JSON.stringify({ version: "1", exercises: {} })],
    ["an old version with no migration", JSON.stringify({ version: 0, exercises: {} })],
    ["exercises not an object", JSON.stringify({ version: 1, exercises: [] })],
  ])("%s is reset", (_, raw) => {
    expect(parseProgress(raw)).toEqual({ progress: emptyProgress(), problem: "reset" });
  });

  it("a newer version is not read at all: it is reported as newer, never as unreadable", () => {
    expect(parseProgress(JSON.stringify({ version: 2, exercises: { "l/e": "new shape" } }))).toEqual({
      progress: emptyProgress(),
      problem: "newer",
    });
  });

  it("the reset count is read; a bad one is dropped as part of the data", () => {
    expect(parseProgress(JSON.stringify({ ...good, resets: 3 })).progress.resets).toBe(3);
    expect(parseProgress(JSON.stringify({ ...good, resets: -1 }))).toEqual({ progress: good, problem: "partial" });
  });

  it("entries with wrong shapes are dropped, the rest kept", () => {
    const raw = JSON.stringify({
      version: 1,
      exercises: {
        ...good.exercises,
        "l/bad1": { attempts: -1, correct: true, firstTryCorrect: true, lastAnswer: "", completedAt: null },
        "l/bad2": { attempts: 1.5, correct: true, firstTryCorrect: true, lastAnswer: "", completedAt: null },
        "l/bad3": { attempts: 1, correct: "yes", firstTryCorrect: true, lastAnswer: "", completedAt: null },
        "l/bad4": "7",
      },
      seeds: { "l/c": 99, "l/d": -5, "l/e": "x" },
    });
    expect(parseProgress(raw)).toEqual({ progress: good, problem: "partial" });
  });

  it("unknown extra fields are not carried over", () => {
    const raw = JSON.stringify({
      version: 1,
      exercises: { "l/e": { ...good.exercises["l/e"], extra: 1 } },
      seeds: {},
      other: true,
    });
    expect(parseProgress(raw).progress.exercises["l/e"]).toEqual(good.exercises["l/e"]);
  });

  it("a registered migration upgrades an old version", () => {
    const v0 = JSON.stringify({ version: 0, done: { "l/e": "7" } });
    const migrations = {
      0: (old: Record<string, unknown>) => ({
        version: 1,
        exercises: Object.fromEntries(
          Object.entries(old.done as Record<string, string>).map(([key, answer]) => [
            key,
            { attempts: 1, correct: true, firstTryCorrect: true, lastAnswer: answer, completedAt: null },
          ]),
        ),
        seeds: {},
      }),
    };
    expect(parseProgress(v0, migrations)).toEqual({
      progress: {
        version: 1,
        exercises: { "l/e": { attempts: 1, correct: true, firstTryCorrect: true, lastAnswer: "7", completedAt: null } },
        seeds: {},
        resets: 0,
      },
      problem: "none",
    });
  });

  it("a migration that throws resets", () => {
    const migrations = {
      0: () => {
        throw new Error("boom");
      },
    };
    expect(parseProgress(JSON.stringify({ version: 0 }), migrations).problem).toBe("reset");
  });
});

describe("the progress store", () => {
  it("round trip: an attempt is written to storage and read back by a fresh store", () => {
    const storage = new FakeStorage();
    const store = makeStore(storage);
    store.recordAttempt("iterations", "b8", { correct: false, answer: "6" });
    store.recordAttempt("iterations", "b8", { correct: true, answer: "7" });
    expect(stored(storage)).toEqual({
      version: 1,
      exercises: {
        "iterations/b8": { attempts: 2, correct: true, firstTryCorrect: false, lastAnswer: "7", completedAt: NOW.toISOString() },
      },
      seeds: {},
      resets: 0,
    });
    const again = makeStore(storage);
    expect(again.exerciseState("iterations", "b8")).toMatchObject({ attempts: 2, correct: true });
    expect(again.lessonSummary("iterations", ["b8", "b7"])).toEqual({ done: 1, total: 2, correct: 1, firstTry: 0 });
    expect(again.takeProgressNotice()).toBeNull();
  });

  it("nothing stored: empty progress and no notice", () => {
    const store = makeStore(new FakeStorage());
    expect(store.loadProgress()).toEqual(emptyProgress());
    expect(store.progressNotice()).toBeNull();
  });

  it("corrupt JSON is copied under the backup key before it is replaced, and the trouble is reported", () => {
    const storage = new FakeStorage();
    storage.data.set(PROGRESS_KEY, "{corrupt");
    const store = makeStore(storage);
    expect(store.loadProgress()).toEqual(emptyProgress());
    expect(JSON.parse(storage.getItem(PROGRESS_BACKUP_KEY)!)).toEqual([
      { savedAt: NOW.toISOString(), reason: "unreadable", data: "{corrupt" },
    ]);
    expect(stored(storage)).toEqual(emptyProgress());
    const trouble = store.progressTrouble();
    expect(trouble).toEqual({
      kind: "backup",
      backups: [{ savedAt: NOW.toISOString(), reason: "unreadable", data: "{corrupt" }],
      data: storage.getItem(PROGRESS_BACKUP_KEY),
    });
    expect(describeTrouble(trouble!).message).toBe(
      "Progress saved in this browser could not be read, so it was set aside; new answers are saved. A copy of it is kept in this browser.",
    );
    // Islands get no second, contradicting notice: the page-wide one says it.
    expect(store.takeProgressNotice()).toBeNull();
  });

  it("every page load reports the backup until the reader deletes it; a second bad text is added, not swapped", () => {
    const storage = new FakeStorage();
    storage.data.set(PROGRESS_KEY, "{corrupt");
    makeStore(storage).loadProgress();
    expect(makeStore(storage).progressTrouble()?.kind).toBe("backup");
    storage.data.set(PROGRESS_KEY, "[1, 2]");
    const third = makeStore(storage);
    expect(third.progressTrouble()).toMatchObject({ kind: "backup", backups: [{ data: "{corrupt" }, { data: "[1, 2]" }] });
    expect(describeTrouble(third.progressTrouble()!).message).toMatch(/2 copies are kept in this browser\.$/);
    third.discardBackups();
    expect(storage.getItem(PROGRESS_BACKUP_KEY)).toBeNull();
    expect(makeStore(storage).progressTrouble()).toBeNull();
  });

  it("an older version without a migration is backed up, not silently reset", () => {
    const storage = new FakeStorage();
    const old = JSON.stringify({ version: 0, exercises: { "l/e": {} } });
    storage.data.set(PROGRESS_KEY, old);
    const store = makeStore(storage);
    expect(store.loadProgress()).toEqual(emptyProgress());
    expect(parseBackups(storage.getItem(PROGRESS_BACKUP_KEY))).toEqual([{ savedAt: NOW.toISOString(), reason: "unreadable", data: old }]);
  });

  it("partly wrong shapes keep the good entries, and the whole original is backed up", () => {
    const storage = new FakeStorage();
    const original = JSON.stringify({
      version: 1,
      exercises: {
        "l/good": { attempts: 1, correct: true, firstTryCorrect: true, lastAnswer: "7", completedAt: null },
        "l/bad": { attempts: "one" },
      },
    });
    storage.data.set(PROGRESS_KEY, original);
    const store = makeStore(storage);
    expect(Object.keys(store.loadProgress().exercises)).toEqual(["l/good"]);
    const trouble = store.progressTrouble()!;
    expect(trouble).toMatchObject({ kind: "backup", backups: [{ reason: "partly unreadable", data: original }] });
    expect(describeTrouble(trouble).message).toMatch(/^Part of the progress saved in this browser could not be read; the rest is in use/);
  });

  it("data written by a newer version is never overwritten: answers stay in memory and the trouble says so", () => {
    const storage = new FakeStorage();
    const newer = JSON.stringify({ version: 2, answers: { "l/e": ["7"] } });
    storage.data.set(PROGRESS_KEY, newer);
    const store = makeStore(storage);
    store.recordAttempt("l", "a", { correct: true, answer: "7" });
    store.exerciseSeed("l", "choice");
    store.resetProgress();
    store.recordAttempt("l", "b", { correct: false, answer: "3" });
    expect(storage.getItem(PROGRESS_KEY)).toBe(newer);
    expect(storage.getItem(PROGRESS_BACKUP_KEY)).toBeNull();
    expect(store.exerciseState("l", "b")).toMatchObject({ attempts: 1, lastAnswer: "3" });
    const trouble = store.progressTrouble()!;
    expect(trouble).toEqual({ kind: "newer", data: newer });
    expect(describeTrouble(trouble).message).toMatch(/saved by a newer version of this course\. This page leaves it untouched/);
  });

  it("unreadable data with no room for a copy is left untouched until there is room, then backed up", () => {
    const storage = new FakeStorage();
    storage.data.set(PROGRESS_KEY, "{corrupt");
    storage.failWrites = domError("QuotaExceededError", "full");
    const store = makeStore(storage);
    store.recordAttempt("l", "a", { correct: true, answer: "7" });
    expect(storage.getItem(PROGRESS_KEY)).toBe("{corrupt");
    expect(store.progressTrouble()).toEqual({ kind: "unbacked", data: "{corrupt" });
    expect(describeTrouble(store.progressTrouble()!).message).toMatch(/no room to keep a copy, so it is left untouched/);
    storage.failWrites = null;
    store.recordAttempt("l", "b", { correct: true, answer: "8" });
    expect(parseBackups(storage.getItem(PROGRESS_BACKUP_KEY))).toMatchObject([{ data: "{corrupt" }]);
    expect(Object.keys((stored(storage) as Progress).exercises)).toEqual(["l/a", "l/b"]);
  });

  it("QuotaExceededError: never throws, keeps answers in memory, announces once", () => {
    const storage = new FakeStorage();
    storage.failWrites = domError("QuotaExceededError", "The quota has been exceeded.");
    const store = makeStore(storage);
    expect(() => store.recordAttempt("l", "a", { correct: false, answer: "6" })).not.toThrow();
    store.recordAttempt("l", "a", { correct: true, answer: "7" });
    store.recordAttempt("l", "b", { correct: true, answer: "1" });
    // Later attempts build on the unsaved ones in memory, not on the stale storage.
    expect(store.exerciseState("l", "a")).toMatchObject({ attempts: 2, correct: true });
    expect(store.lessonSummary("l", ["a", "b"])).toEqual({ done: 2, total: 2, correct: 2, firstTry: 1 });
    expect(store.takeProgressNotice()).toBe(NOTICE_FULL);
    expect(store.takeProgressNotice()).toBeNull();
    expect(NOTICE_FULL).toMatch(/^Your progress could not be saved in this browser: /);
  });

  it("old Firefox's quota error (code 1014) is recognised too", () => {
    const storage = new FakeStorage();
    storage.failWrites = domError("NS_ERROR_DOM_QUOTA_REACHED", "Persistent storage maximum size reached", 1014);
    const store = makeStore(storage);
    store.recordAttempt("l", "a", { correct: true, answer: "7" });
    expect(store.takeProgressNotice()).toBe(NOTICE_FULL);
  });

  it("after a failed write succeeds again, progress is saved in full", () => {
    const storage = new FakeStorage();
    storage.failWrites = domError("QuotaExceededError", "full");
    const store = makeStore(storage);
    store.recordAttempt("l", "a", { correct: true, answer: "7" });
    storage.failWrites = null;
    store.recordAttempt("l", "b", { correct: true, answer: "1" });
    expect(Object.keys((stored(storage) as Progress).exercises).sort()).toEqual(["l/a", "l/b"]);
  });

  it("SecurityError on access (storage disabled): never throws, works in memory, announces once", () => {
    const store = makeStore(() => {
      throw domError("SecurityError", "The operation is insecure.");
    });
    expect(store.loadProgress()).toEqual(emptyProgress());
    expect(() => store.recordAttempt("l", "a", { correct: true, answer: "7" })).not.toThrow();
    expect(store.exerciseState("l", "a")).toMatchObject({ correct: true });
    expect(store.exerciseSeed("l", "c")).toBe(42);
    expect(store.takeProgressNotice()).toBe(NOTICE_BLOCKED);
    expect(store.takeProgressNotice()).toBeNull();
    expect(NOTICE_BLOCKED).toMatch(/^Your progress could not be saved in this browser: /);
  });

  it("SecurityError from getItem is handled the same way", () => {
    const storage = new FakeStorage();
    storage.getItem = () => {
      throw domError("SecurityError", "denied");
    };
    const store = makeStore(storage);
    expect(store.loadProgress()).toEqual(emptyProgress());
    store.recordAttempt("l", "a", { correct: true, answer: "7" });
    expect(store.takeProgressNotice()).toBe(NOTICE_BLOCKED);
    expect(storage.writes).toBe(0);
  });

  it("no storage at all (the server render) is silent", () => {
    const store = makeStore(() => null);
    store.recordAttempt("l", "a", { correct: true, answer: "7" });
    expect(store.exerciseState("l", "a")).toMatchObject({ correct: true });
    expect(store.progressNotice()).toBeNull();
  });

  it("resetProgress clears answers, keeps option-order seeds, and notifies", () => {
    const storage = new FakeStorage();
    const store = makeStore(storage);
    store.recordAttempt("l", "a", { correct: true, answer: "7" });
    const seed = store.exerciseSeed("l", "choice");
    const seen: Progress[] = [];
    const stop = store.subscribe((p) => seen.push(p));
    store.resetProgress();
    expect(stored(storage)).toEqual({ version: 1, exercises: {}, seeds: { "l/choice": seed }, resets: 1 });
    expect(store.missedExercises()).toEqual([]);
    expect(seen).toHaveLength(1);
    stop();
  });

  it("exerciseSeed is drawn once and stored: stable across reloads", () => {
    const storage = new FakeStorage();
    let draws = 0;
    const store = makeStore(storage, { newSeed: () => 1000 + draws++ });
    expect(store.exerciseSeed("l", "c")).toBe(1000);
    expect(store.exerciseSeed("l", "c")).toBe(1000);
    expect(store.exerciseSeed("l", "d")).toBe(1001);
    const reloaded = makeStore(storage, { newSeed: () => 7 });
    expect(reloaded.exerciseSeed("l", "c")).toBe(1000);
    expect(reloaded.exerciseSeed("l", "d")).toBe(1001);
  });

  it("missedExercises lists what was tried and never got right", () => {
    const store = makeStore(new FakeStorage());
    store.recordAttempt("a", "x", { correct: false, answer: "6" });
    store.recordAttempt("a", "y", { correct: true, answer: "7" });
    expect(store.missedExercises().map((m) => `${m.lesson}#${m.id}`)).toEqual(["a#x"]);
  });

  it("subscribers hear this tab's attempts; unsubscribing stops them", () => {
    const store = makeStore(new FakeStorage());
    const counts: number[] = [];
    const stop = store.subscribe((p) => counts.push(Object.keys(p.exercises).length));
    store.recordAttempt("l", "a", { correct: true, answer: "7" });
    store.recordAttempt("l", "b", { correct: true, answer: "7" });
    stop();
    store.recordAttempt("l", "c", { correct: true, answer: "7" });
    expect(counts).toEqual([1, 2]);
  });

  it("storage event: another tab's answer reaches this tab's subscribers", () => {
    const storage = new FakeStorage();
    const events = new EventTarget();
    const thisTab = makeStore(storage, { events });
    const otherTab = makeStore(storage);
    const seen: string[][] = [];
    expect(thisTab.loadProgress()).toEqual(emptyProgress());
    const stop = thisTab.subscribe((p) => seen.push(Object.keys(p.exercises)));

    otherTab.recordAttempt("l", "a", { correct: true, answer: "7" });
    events.dispatchEvent(Object.assign(new Event("storage"), { key: PROGRESS_KEY }));
    expect(seen).toEqual([["l/a"]]);
    expect(thisTab.exerciseState("l", "a")).toMatchObject({ correct: true });

    // Other keys are ignored; a clear() in another tab (key null) is not.
    events.dispatchEvent(Object.assign(new Event("storage"), { key: "something-else" }));
    expect(seen).toHaveLength(1);
    storage.data.clear();
    events.dispatchEvent(Object.assign(new Event("storage"), { key: null }));
    expect(seen).toEqual([["l/a"], []]);

    stop();
    events.dispatchEvent(Object.assign(new Event("storage"), { key: PROGRESS_KEY }));
    expect(seen).toHaveLength(2);
  });

  it("an attempt re-reads storage first, so another tab's answers are not overwritten", () => {
    const storage = new FakeStorage();
    const tabA = makeStore(storage);
    const tabB = makeStore(storage);
    tabA.loadProgress();
    tabB.recordAttempt("l", "b", { correct: true, answer: "1" });
    tabA.recordAttempt("l", "a", { correct: true, answer: "7" });
    expect(Object.keys((stored(storage) as Progress).exercises).sort()).toEqual(["l/a", "l/b"]);
  });
});

/**
 * Tabs as Chrome runs them: each reads and writes its own copy of localStorage at once, and a write reaches
 * the other tabs (their copy, then a `storage` event) later, when `deliver()` runs. Two answers within that
 * delay (about 25 ms in a real browser) used to lose one: each tab re-read its own stale copy and wrote.
 */
class Browser {
  private queue: (() => void)[] = [];
  readonly tabs: {
    storage: StorageLike & { data: Map<string, string> };
    events: EventTarget;
    receive: (key: string, value: string | null) => void;
  }[] = [];

  openTab(): { storage: StorageLike; events: EventTarget } {
    const data = new Map<string, string>(this.tabs[0]?.storage.data ?? []);
    const events = new EventTarget();
    const tab = {
      events,
      storage: {
        data,
        getItem: (key: string) => data.get(key) ?? null,
        setItem: (key: string, value: string) => {
          data.set(key, value);
          for (const other of this.tabs) if (other !== tab) this.queue.push(() => other.receive(key, value));
        },
        removeItem: (key: string) => {
          data.delete(key);
          for (const other of this.tabs) if (other !== tab) this.queue.push(() => other.receive(key, null));
        },
      },
      receive: (key: string, value: string | null) => {
        if (value === null) data.delete(key);
        else data.set(key, value);
        events.dispatchEvent(Object.assign(new Event("storage"), { key, newValue: value }));
      },
    };
    this.tabs.push(tab);
    return tab;
  }

  /** Delivers every write in flight, and the writes those provoke, until all tabs agree. */
  deliver(): number {
    let delivered = 0;
    while (this.queue.length > 0 && delivered < 1000) {
      this.queue.shift()!();
      delivered += 1;
    }
    return delivered;
  }
}

describe("two tabs answering at the same moment", () => {
  function tabStore(browser: Browser) {
    const tab = browser.openTab();
    return makeStore(tab.storage, { events: tab.events });
  }
  const storedKeys = (browser: Browser, tab: number) =>
    Object.keys((JSON.parse(browser.tabs[tab]!.storage.getItem(PROGRESS_KEY)!) as Progress).exercises).sort();

  it("both answers are kept, in both tabs and in storage, when the writes cross", () => {
    const browser = new Browser();
    const lesson5 = tabStore(browser);
    const lesson9 = tabStore(browser);
    lesson5.recordAttempt("iterations-and-epochs", "iterations-b8", { correct: true, answer: "7" });
    lesson9.recordAttempt("lstm-inputs", "lstm-batch-shape", { correct: true, answer: "(8, 5, 3)" });
    expect(browser.deliver()).toBeLessThan(10);
    const both = ["iterations-and-epochs/iterations-b8", "lstm-inputs/lstm-batch-shape"];
    expect(storedKeys(browser, 0)).toEqual(both);
    expect(storedKeys(browser, 1)).toEqual(both);
    expect(lesson5.exerciseState("lstm-inputs", "lstm-batch-shape")).toMatchObject({ correct: true, lastAnswer: "(8, 5, 3)" });
    expect(lesson9.exerciseState("iterations-and-epochs", "iterations-b8")).toMatchObject({ correct: true, lastAnswer: "7" });
  });

  it("the same exercise answered in both: a correct answer is never lost to a wrong one", () => {
    const browser = new Browser();
    const a = tabStore(browser);
    const b = tabStore(browser);
    a.recordAttempt("l", "e", { correct: true, answer: "7" });
    b.recordAttempt("l", "e", { correct: false, answer: "6" });
    browser.deliver();
    for (const tab of [0, 1]) {
      const record = (JSON.parse(browser.tabs[tab]!.storage.getItem(PROGRESS_KEY)!) as Progress).exercises["l/e"];
      expect(record).toMatchObject({ attempts: 1, correct: true, completedAt: NOW.toISOString() });
    }
  });

  it("a reset in one tab is not undone by another tab's earlier answers", () => {
    const browser = new Browser();
    const a = tabStore(browser);
    const b = tabStore(browser);
    a.recordAttempt("l", "e", { correct: true, answer: "7" });
    browser.deliver();
    b.resetProgress();
    browser.deliver();
    expect(storedKeys(browser, 0)).toEqual([]);
    expect(a.loadProgress().exercises).toEqual({});
    // Answers after the reset are merged as usual.
    a.recordAttempt("l", "f", { correct: true, answer: "1" });
    b.recordAttempt("l", "g", { correct: true, answer: "2" });
    browser.deliver();
    expect(storedKeys(browser, 0)).toEqual(["l/f", "l/g"]);
    expect(storedKeys(browser, 1)).toEqual(["l/f", "l/g"]);
  });

  it("option-order seeds drawn in two tabs at once: the first stored wins everywhere", () => {
    const browser = new Browser();
    const a = makeStore(browser.openTab().storage, { newSeed: () => 1 });
    const tabB = browser.openTab();
    const b = makeStore(tabB.storage, { events: tabB.events, newSeed: () => 2 });
    a.exerciseSeed("l", "choice");
    b.exerciseSeed("l", "other");
    browser.deliver();
    expect((JSON.parse(browser.tabs[0]!.storage.getItem(PROGRESS_KEY)!) as Progress).seeds).toEqual({ "l/choice": 1, "l/other": 2 });
  });
});

describe("merging records", () => {
  const wrong = { attempts: 1, correct: false, firstTryCorrect: false, lastAnswer: "6", completedAt: null };
  const right = { attempts: 1, correct: true, firstTryCorrect: true, lastAnswer: "7", completedAt: "2026-01-02T00:00:00.000Z" };
  const later = { attempts: 3, correct: true, firstTryCorrect: false, lastAnswer: "7", completedAt: "2026-01-03T00:00:00.000Z" };

  it("keeps the most attempts, a solve from either, the earliest completion", () => {
    expect(mergeRecords(wrong, right)).toEqual({ ...wrong, correct: true, completedAt: right.completedAt });
    expect(mergeRecords(right, later)).toEqual({ ...later, completedAt: right.completedAt });
    expect(mergeRecords(later, later)).toEqual(later);
  });

  it("mergeProgress: nothing to write when storage already holds what the page knows; a later reset wins", () => {
    const stored: Progress = { ...emptyProgress(), exercises: { "l/e": later } };
    expect(mergeProgress(stored, { ...emptyProgress(), exercises: { "l/e": later } })).toEqual({ progress: stored, changed: false });
    expect(mergeProgress(stored, { ...emptyProgress(), exercises: { "l/f": right } })).toEqual({
      progress: { ...stored, exercises: { "l/e": later, "l/f": right } },
      changed: true,
    });
    expect(mergeProgress({ ...stored, resets: 1 }, { ...emptyProgress(), exercises: { "l/f": right } }).changed).toBe(false);
  });
});

describe("the page store (module functions) without a window", () => {
  it("loads empty progress during a server render without throwing", async () => {
    const progress = await import("../../../src/exercises/progress");
    expect(progress.loadProgress()).toEqual(emptyProgress());
    expect(progress.lessonSummary("l", ["a"])).toEqual({ done: 0, total: 1, correct: 0, firstTry: 0 });
    expect(progress.takeProgressNotice()).toBeNull();
  });
});

describe("module boundaries", () => {
  it("progress.ts, check.ts and shuffle.ts import no Preact (the sidebar script loads progress.ts alone)", async () => {
    const sources = await Promise.all([
      import("../../../src/exercises/progress.ts?raw"),
      import("../../../src/exercises/check.ts?raw"),
      import("../../../src/exercises/shuffle.ts?raw"),
    ]);
    for (const source of sources) expect(source.default).not.toMatch(/from\s+["']preact/);
  });
});
