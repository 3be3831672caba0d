/**
 * The reader's progress, kept in the browser's localStorage under one key, in a versioned format:
 *
 *   { version: 1,
 *     exercises: { "lesson-slug/exercise-id": { attempts, correct, firstTryCorrect, lastAnswer, completedAt } },
 *     seeds: { "lesson-slug/exercise-id": uint32 },     // per-reader option order of choice exercises
 *     resets: 0 }                                       // how often the reader reset (tells tabs a reset from a lost write)
 *
 * Nothing here throws at the reader, and nothing is lost silently:
 * - data that cannot be read (corrupt JSON, wrong shapes, an old version without a migration) is copied
 *   under PROGRESS_BACKUP_KEY before anything replaces it, and `progressTrouble()` says so on every page
 *   (src/components/ProgressTroubleNotice.astro) with a way to download the copy;
 * - data written by a newer version of the course is never overwritten: this build works in memory;
 * - two tabs answering at the same moment both keep their answers: each page merges what it knows into
 *   whatever another tab stored (Chrome's localStorage reaches other tabs asynchronously, so re-reading
 *   before a write alone still let the later of two writes within ~25 ms drop the other's answer);
 * - a full storage (QuotaExceededError) or a blocked one (SecurityError, e.g. cookies disabled) degrades
 *   to "progress kept in memory for this page", with one notice for the islands to show once.
 *
 * Pure functions (parseProgress, applyAttempt, summarize, missedIn) take and return plain data;
 * `createProgressStore` binds them to a Storage-like object so the whole store is unit-testable with a
 * fake; the module-level functions are one store bound to `window.localStorage`. No Preact here: the
 * lead's sidebar script imports this module directly.
 */

import { freshSeed } from "./shuffle";

export const PROGRESS_KEY = "batches-course:progress";
/** Unreadable progress, set aside: a JSON list of ProgressBackup, oldest first. */
export const PROGRESS_BACKUP_KEY = "batches-course:progress-backup";
export const PROGRESS_VERSION = 1;

export interface ExerciseRecord {
  /** Checked answers (answers that could not be read, like "abc", do not count). */
  attempts: number;
  /** Answered correctly at least once. */
  correct: boolean;
  /** The first counted attempt was correct. */
  firstTryCorrect: boolean;
  /** The last answer as the reader gave it: the typed text, trimmed ("41.00001", "[8,5,3]"), or option ids ("a,c"). */
  lastAnswer: string;
  /** ISO time of the first correct answer, or null. */
  completedAt: string | null;
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  exercises: Record<string, ExerciseRecord>;
  seeds: Record<string, number>;
  /** Resets so far: a tab holding answers from before a reset drops them instead of merging them back. */
  resets: number;
}

/** Stored progress that could not be read, kept as it was found. */
export interface ProgressBackup {
  /** ISO time it was set aside. */
  savedAt: string;
  /** "unreadable": none of it could be used; "partly unreadable": the readable part is still in use. */
  reason: "unreadable" | "partly unreadable";
  /** The stored text, unchanged. */
  data: string;
}

/**
 * Why stored progress is not simply in use, for the notice shown on every page.
 * - `backup`: unreadable data was set aside (the copies are listed);
 * - `newer`: a newer version of the course wrote it; this build leaves it untouched and saves nothing;
 * - `unbacked`: it cannot be read and there was no room for a copy, so it too is left untouched.
 * `data` is what a download of it holds.
 */
export type ProgressTrouble =
  | { kind: "backup"; backups: ProgressBackup[]; data: string }
  | { kind: "newer"; data: string }
  | { kind: "unbacked"; data: string };

/** The part of the Web Storage API used here; `localStorage` satisfies it, and so does a test fake. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface LessonSummary {
  /** Exercises with at least one counted attempt. */
  done: number;
  total: number;
  /** Exercises answered correctly (at any attempt). */
  correct: number;
  /** Exercises answered correctly at the first attempt. */
  firstTry: number;
}

export interface MissedExercise {
  lesson: string;
  id: string;
  record: ExerciseRecord;
}

export type ProgressListener = (progress: Progress) => void;

export const NOTICE_BLOCKED =
  "Your progress could not be saved in this browser: its storage is blocked (private browsing or cookie settings). Answers are kept only while this page is open.";
export const NOTICE_FULL =
  "Your progress could not be saved in this browser: its storage is full. Answers are kept only while this page is open.";

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, exercises: {}, seeds: {}, resets: 0 };
}

export function exerciseKey(lesson: string, id: string): string {
  return `${lesson}/${id}`;
}

// ---------------------------------------------------------------------------------------------
// Parsing and validation (pure)

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isExerciseRecord(value: unknown): value is ExerciseRecord {
  return (
    isRecord(value) &&
    typeof value.attempts === "number" &&
    Number.isInteger(value.attempts) &&
    value.attempts >= 0 &&
    typeof value.correct === "boolean" &&
    typeof value.firstTryCorrect === "boolean" &&
    typeof value.lastAnswer === "string" &&
    (value.completedAt === null || typeof value.completedAt === "string")
  );
}

function isSeed(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 0xffffffff;
}

/**
 * Migrations from version n to n + 1, applied in turn until the current version. Version 1 is the
 * first format, so there are none yet; when version 2 comes, `1: (v1) => v2` goes here, and a
 * stored version with no path to the current one is reset.
 */
export const MIGRATIONS: Readonly<Record<number, (old: Record<string, unknown>) => Record<string, unknown>>> = {};

/**
 * What parsing found: nothing was wrong, nothing was stored, the data was unreadable wholly or partly
 * (the progress returned is what could be used), or it was written by a newer version of the course.
 */
export type ParseProblem = "none" | "missing" | "reset" | "partial" | "newer";

/**
 * Read stored progress. Never throws. A record that is not an object, has an older version without a
 * migration, or lacks the `exercises` map is unreadable ("reset"); individual entries with wrong shapes
 * are dropped ("partial"); a version above PROGRESS_VERSION is "newer" and not read at all.
 */
export function parseProgress(
  raw: string | null,
  migrations: Readonly<Record<number, (old: Record<string, unknown>) => Record<string, unknown>>> = MIGRATIONS,
): { progress: Progress; problem: ParseProblem } {
  if (raw === null) return { progress: emptyProgress(), problem: "missing" };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { progress: emptyProgress(), problem: "reset" };
  }
  if (!isRecord(data) || typeof data.version !== "number") return { progress: emptyProgress(), problem: "reset" };
  if (data.version > PROGRESS_VERSION) return { progress: emptyProgress(), problem: "newer" };
  let version = data.version;
  while (version < PROGRESS_VERSION && migrations[version]) {
    try {
      data = migrations[version]!(data);
    } catch {
      return { progress: emptyProgress(), problem: "reset" };
    }
    if (!isRecord(data)) return { progress: emptyProgress(), problem: "reset" };
    version += 1;
  }
  if (version !== PROGRESS_VERSION || !isRecord(data.exercises)) {
    return { progress: emptyProgress(), problem: "reset" };
  }
  const progress = emptyProgress();
  let dropped = false;
  for (const [key, value] of Object.entries(data.exercises)) {
    if (isExerciseRecord(value)) {
      progress.exercises[key] = {
        attempts: value.attempts,
        correct: value.correct,
        firstTryCorrect: value.firstTryCorrect,
        lastAnswer: value.lastAnswer,
        completedAt: value.completedAt,
      };
    } else {
      dropped = true;
    }
  }
  if (data.seeds !== undefined) {
    if (isRecord(data.seeds)) {
      for (const [key, value] of Object.entries(data.seeds)) {
        if (isSeed(value)) progress.seeds[key] = value;
        else dropped = true;
      }
    } else {
      dropped = true;
    }
  }
  if (data.resets !== undefined) {
    if (typeof data.resets === "number" && Number.isInteger(data.resets) && data.resets >= 0) progress.resets = data.resets;
    else dropped = true;
  }
  return { progress, problem: dropped ? "partial" : "none" };
}

/** The progress after one counted attempt (a new object; the input is not changed). */
export function applyAttempt(
  progress: Progress,
  lesson: string,
  id: string,
  attempt: { correct: boolean; answer: string },
  now: Date,
): Progress {
  const key = exerciseKey(lesson, id);
  const before = progress.exercises[key];
  const solvedNow = attempt.correct && !before?.correct;
  const record: ExerciseRecord = {
    attempts: (before?.attempts ?? 0) + 1,
    // Once solved, an exercise stays solved: "Try again" after a correct answer is practice.
    correct: before?.correct === true || attempt.correct,
    firstTryCorrect: before === undefined || before.attempts === 0 ? attempt.correct : before.firstTryCorrect,
    lastAnswer: attempt.answer,
    completedAt: solvedNow ? now.toISOString() : (before?.completedAt ?? null),
  };
  return { ...progress, exercises: { ...progress.exercises, [key]: record } };
}

/**
 * Two records of the same exercise, written by two tabs, as one. It keeps every answer's effect: the most
 * attempts, solved if either solved it, the earliest completion; the last answer and first-try flag of the
 * record with more attempts (`stored` on a tie). Merging is idempotent and order-independent in what it
 * keeps, so tabs that merge each other's writes agree after one exchange.
 */
export function mergeRecords(stored: ExerciseRecord, mine: ExerciseRecord): ExerciseRecord {
  const lead = mine.attempts > stored.attempts ? mine : stored;
  const completed = [stored.completedAt, mine.completedAt].filter((t): t is string => t !== null).sort();
  return {
    attempts: lead.attempts,
    correct: stored.correct || mine.correct,
    firstTryCorrect: lead.firstTryCorrect,
    lastAnswer: lead.lastAnswer,
    completedAt: completed[0] ?? null,
  };
}

/**
 * What a page knows (`mine`) merged into what storage holds, and whether that changed anything (then it must be
 * written). Records only grow between resets, so merging everything a page knows is safe: only what another tab's
 * write lacked is added. A reset made since (more `resets` in storage) wins, and nothing is merged. For a seed,
 * the stored one wins: another tab already showed the options in that order.
 */
export function mergeProgress(stored: Progress, mine: Progress): { progress: Progress; changed: boolean } {
  if (stored.resets > mine.resets) return { progress: stored, changed: false };
  const exercises = { ...stored.exercises };
  for (const [key, record] of Object.entries(mine.exercises)) {
    const theirs = exercises[key];
    exercises[key] = theirs === undefined ? record : mergeRecords(theirs, record);
  }
  const seeds = { ...mine.seeds, ...stored.seeds };
  const progress = { ...stored, exercises, seeds };
  return { progress, changed: JSON.stringify(progress) !== JSON.stringify(stored) };
}

export function summarize(progress: Progress, lesson: string, exerciseIds: readonly string[]): LessonSummary {
  const summary: LessonSummary = { done: 0, total: exerciseIds.length, correct: 0, firstTry: 0 };
  for (const id of exerciseIds) {
    const record = progress.exercises[exerciseKey(lesson, id)];
    if (!record || record.attempts === 0) continue;
    summary.done += 1;
    if (record.correct) summary.correct += 1;
    if (record.firstTryCorrect) summary.firstTry += 1;
  }
  return summary;
}

/** Exercises attempted but never answered correctly, in stored order. */
export function missedIn(progress: Progress): MissedExercise[] {
  const missed: MissedExercise[] = [];
  for (const [key, record] of Object.entries(progress.exercises)) {
    const slash = key.indexOf("/");
    if (slash < 0 || record.attempts === 0 || record.correct) continue;
    missed.push({ lesson: key.slice(0, slash), id: key.slice(slash + 1), record });
  }
  return missed;
}

// ---------------------------------------------------------------------------------------------
// The store

function errorName(error: unknown): string {
  return isRecord(error) && typeof error.name === "string" ? error.name : "";
}

/** Chrome/Safari name it QuotaExceededError (code 22); old Firefox NS_ERROR_DOM_QUOTA_REACHED (1014). */
function isQuotaError(error: unknown): boolean {
  const name = errorName(error);
  const code = isRecord(error) ? error.code : undefined;
  return name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED" || code === 22 || code === 1014;
}

function writeFailureNotice(error: unknown): string {
  if (isQuotaError(error)) return NOTICE_FULL;
  if (errorName(error) === "SecurityError") return NOTICE_BLOCKED;
  const message = error instanceof Error ? error.message : String(error);
  return `Your progress could not be saved in this browser: ${message}`;
}

/** Something `storage` events can be heard on: `window` in the page, an `EventTarget` in tests. */
export interface StorageEventSource {
  addEventListener(type: "storage", listener: (event: Event) => void): void;
  removeEventListener(type: "storage", listener: (event: Event) => void): void;
}

/**
 * The backup list as stored. Text under the key that is not such a list (written by hand, or by some
 * other program) is itself kept, as one entry, rather than dropped.
 */
export function parseBackups(raw: string | null): ProgressBackup[] {
  if (raw === null) return [];
  try {
    const list: unknown = JSON.parse(raw);
    if (
      Array.isArray(list) &&
      list.every(
        (b) =>
          isRecord(b) &&
          typeof b.savedAt === "string" &&
          (b.reason === "unreadable" || b.reason === "partly unreadable") &&
          typeof b.data === "string",
      )
    ) {
      return list as ProgressBackup[];
    }
  } catch {
    // not JSON: kept below as it is
  }
  return [{ savedAt: "", reason: "unreadable", data: raw }];
}

export interface ProgressStoreOptions {
  /** Returns the storage; may throw (a SecurityError when storage is blocked); null means none (SSR). */
  storage: () => StorageLike | null;
  /** Where other tabs' `storage` events arrive; default `window` when there is one. */
  events?: StorageEventSource | null;
  now?: () => Date;
  newSeed?: () => number;
}

export interface ProgressStore {
  loadProgress(): Progress;
  recordAttempt(lesson: string, id: string, attempt: { correct: boolean; answer: string }): ExerciseRecord;
  exerciseState(lesson: string, id: string): ExerciseRecord | undefined;
  lessonSummary(lesson: string, exerciseIds: readonly string[]): LessonSummary;
  resetProgress(): void;
  subscribe(listener: ProgressListener): () => void;
  missedExercises(): MissedExercise[];
  /** The reader's seed for this exercise's option order: drawn once, then stored. */
  exerciseSeed(lesson: string, id: string): number;
  /** The pending notice, if any, without claiming it. */
  progressNotice(): string | null;
  /** The pending notice, claimed: the next call returns null until something new goes wrong. */
  takeProgressNotice(): string | null;
  /** Stored progress that is set aside or left untouched, for the notice on every page; null when all is well. */
  progressTrouble(): ProgressTrouble | null;
  /** Deletes the copies of unreadable progress (after the reader downloaded them, or chose not to). */
  discardBackups(): void;
}

export function createProgressStore(options: ProgressStoreOptions): ProgressStore {
  const now = options.now ?? (() => new Date());
  const newSeed = options.newSeed ?? freshSeed;
  let current: Progress | null = null;
  /** Set once storage has proven unusable for reading; from then on the store lives in memory. */
  let blocked = false;
  /** The last write failed: memory holds answers storage lacks, so memory, not storage, is the base. */
  let unsaved = false;
  /**
   * Stored progress this build must not overwrite: written by a newer version, or unreadable with no room
   * for a copy. Until it changes, answers live in memory. Re-decided at every read of storage.
   */
  let untouchable: Extract<ProgressTrouble, { kind: "newer" | "unbacked" }> | null = null;
  let pendingNotice: string | null = null;
  const noticesGiven = new Set<string>();
  const listeners = new Set<ProgressListener>();

  function notify(message: string): void {
    // Each kind of trouble is announced once per page, not at every write.
    if (noticesGiven.has(message)) return;
    noticesGiven.add(message);
    pendingNotice = message;
  }

  function storage(): StorageLike | null {
    if (blocked) return null;
    try {
      return options.storage();
    } catch (error) {
      blocked = true;
      notify(errorName(error) === "SecurityError" ? NOTICE_BLOCKED : writeFailureNotice(error));
      return null;
    }
  }

  /** The stored text; null when there is none; undefined when there is no usable storage. */
  function read(key: string): string | null | undefined {
    const store = storage();
    if (!store) return undefined;
    try {
      return store.getItem(key);
    } catch (error) {
      blocked = true;
      notify(errorName(error) === "SecurityError" ? NOTICE_BLOCKED : writeFailureNotice(error));
      return undefined;
    }
  }

  function write(progress: Progress): void {
    if (untouchable !== null) return;
    // A page that wrote keeps listening: another tab's write may have been made before it saw this one.
    listen();
    const store = storage();
    if (!store) return;
    try {
      store.setItem(PROGRESS_KEY, JSON.stringify(progress));
      unsaved = false;
    } catch (error) {
      unsaved = true;
      notify(writeFailureNotice(error));
    }
  }

  /** Copies unreadable stored text under the backup key (once per distinct text); false when it could not. */
  function backUp(raw: string, reason: ProgressBackup["reason"]): boolean {
    const store = storage();
    if (!store) return false;
    try {
      const backups = parseBackups(store.getItem(PROGRESS_BACKUP_KEY));
      if (backups.some((b) => b.data === raw)) return true;
      store.setItem(PROGRESS_BACKUP_KEY, JSON.stringify([...backups, { savedAt: now().toISOString(), reason, data: raw }]));
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Read from storage (not the cache). Unreadable data is copied under the backup key first, and only
   * then replaced by what could be read; if no copy can be made, or a newer version wrote the data, it is
   * left untouched and the page works in memory.
   */
  function readFresh(): Progress {
    const raw = read(PROGRESS_KEY);
    if (raw === undefined) return current ?? emptyProgress();
    untouchable = null;
    if (raw === null) return emptyProgress();
    const { progress, problem } = parseProgress(raw);
    if (problem === "newer") {
      untouchable = { kind: "newer", data: raw };
      return current ?? emptyProgress();
    }
    if (problem === "reset" || problem === "partial") {
      if (backUp(raw, problem === "reset" ? "unreadable" : "partly unreadable")) write(progress);
      else untouchable = { kind: "unbacked", data: raw };
    }
    return progress;
  }

  /** Re-read and merge what this page knows: the base every write starts from. */
  function mergedBase(): Progress {
    if (blocked || unsaved) return loadProgress();
    const fresh = readFresh();
    return current === null ? fresh : mergeProgress(fresh, current).progress;
  }

  function emit(): void {
    const progress = current ?? emptyProgress();
    for (const listener of [...listeners]) listener(progress);
  }

  function loadProgress(): Progress {
    if (current === null) current = readFresh();
    return current;
  }

  const events =
    options.events !== undefined ? options.events : typeof window === "undefined" ? null : (window as StorageEventSource);
  let listening = false;
  /** A subscriber, or a write of this page's own (which may need merging back), makes the store listen to other tabs. */
  function listen(): void {
    if (listening) return;
    listening = true;
    events?.addEventListener("storage", onStorage);
  }

  function onStorage(event: Event): void {
    // `key` is null when another tab called localStorage.clear().
    const key = (event as StorageEvent).key;
    if (key === PROGRESS_BACKUP_KEY) {
      emit();
      return;
    }
    if (key !== PROGRESS_KEY && key !== null) return;
    const fresh = readFresh();
    // Another tab's write may have been made before it saw this page's: put what this page knows back. A clear()
    // (key null) or a reset (more resets) is meant, and is not undone.
    const { progress, changed } = key === null || current === null ? { progress: fresh, changed: false } : mergeProgress(fresh, current);
    current = progress;
    if (changed) write(progress);
    emit();
  }

  return {
    loadProgress,

    recordAttempt(lesson, id, attempt) {
      const key = exerciseKey(lesson, id);
      current = applyAttempt(mergedBase(), lesson, id, attempt, now());
      const record = current.exercises[key]!;
      write(current);
      emit();
      return record;
    },

    exerciseState(lesson, id) {
      return loadProgress().exercises[exerciseKey(lesson, id)];
    },

    lessonSummary(lesson, exerciseIds) {
      return summarize(loadProgress(), lesson, exerciseIds);
    },

    resetProgress() {
      // The option-order seeds are not progress: keeping them keeps each reader's order stable.
      const base = mergedBase();
      current = { ...emptyProgress(), seeds: { ...base.seeds }, resets: base.resets + 1 };
      write(current);
      emit();
    },

    subscribe(listener) {
      listen();
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    missedExercises() {
      return missedIn(loadProgress());
    },

    exerciseSeed(lesson, id) {
      const key = exerciseKey(lesson, id);
      const known = loadProgress().seeds[key];
      if (known !== undefined) return known;
      const base = mergedBase();
      // Another tab may have drawn this exercise's seed meanwhile: keep theirs.
      const stored = base.seeds[key];
      const seed = stored ?? newSeed() >>> 0;
      current = { ...base, seeds: { ...base.seeds, [key]: seed } };
      if (stored === undefined) write(current);
      return seed;
    },

    progressNotice() {
      return pendingNotice;
    },

    takeProgressNotice() {
      const notice = pendingNotice;
      pendingNotice = null;
      return notice;
    },

    progressTrouble() {
      loadProgress(); // reading is what finds (and backs up) unreadable data
      if (untouchable !== null) return { ...untouchable };
      const raw = read(PROGRESS_BACKUP_KEY);
      if (raw === undefined || raw === null) return null;
      return { kind: "backup", backups: parseBackups(raw), data: raw };
    },

    discardBackups() {
      try {
        storage()?.removeItem(PROGRESS_BACKUP_KEY);
      } catch {
        // Storage that fails here failed earlier too, and said so.
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The page's store, over window.localStorage. Nothing touches `window` until first use, so this
// module is safe to import during Astro's server render.

let pageStore: ProgressStore | null = null;

function store(): ProgressStore {
  if (pageStore === null) {
    pageStore = createProgressStore({
      storage: () => (typeof window === "undefined" ? null : window.localStorage),
    });
  }
  return pageStore;
}

export const loadProgress = (): Progress => store().loadProgress();
export const recordAttempt = (lesson: string, id: string, attempt: { correct: boolean; answer: string }): ExerciseRecord =>
  store().recordAttempt(lesson, id, attempt);
export const exerciseState = (lesson: string, id: string): ExerciseRecord | undefined => store().exerciseState(lesson, id);
export const lessonSummary = (lesson: string, exerciseIds: readonly string[]): LessonSummary =>
  store().lessonSummary(lesson, exerciseIds);
export const resetProgress = (): void => store().resetProgress();
export const subscribe = (listener: ProgressListener): (() => void) => store().subscribe(listener);
export const missedExercises = (): MissedExercise[] => store().missedExercises();
export const exerciseSeed = (lesson: string, id: string): number => store().exerciseSeed(lesson, id);
export const progressNotice = (): string | null => store().progressNotice();
export const takeProgressNotice = (): string | null => store().takeProgressNotice();
export const progressTrouble = (): ProgressTrouble | null => store().progressTrouble();
export const discardBackups = (): void => store().discardBackups();
