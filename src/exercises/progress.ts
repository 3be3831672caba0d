/**
 * The reader's progress, kept in the browser's localStorage under one key, in a versioned format:
 *
 *   { version: 1,
 *     exercises: { "lesson-slug/exercise-id": { attempts, correct, firstTryCorrect, lastAnswer, completedAt } },
 *     seeds: { "lesson-slug/exercise-id": uint32 } }      // per-reader option order of choice exercises
 *
 * Nothing here throws at the reader: missing data, corrupt JSON, an unknown version, wrong shapes,
 * a full storage (QuotaExceededError) or a blocked one (SecurityError, e.g. cookies disabled) all
 * degrade to "progress kept in memory for this page", with one notice for the islands to show once.
 *
 * Pure functions (parseProgress, applyAttempt, summarize, missedIn) take and return plain data;
 * `createProgressStore` binds them to a Storage-like object so the whole store is unit-testable with a
 * fake; the module-level functions are one store bound to `window.localStorage`. No Preact here: the
 * lead's sidebar script imports this module directly.
 */

import { freshSeed } from "./shuffle";

export const PROGRESS_KEY = "batches-course:progress";
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
}

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

export const NOTICE_UNREADABLE = "Saved progress was unreadable and has been reset.";
export const NOTICE_PARTLY_UNREADABLE = "Part of the saved progress was unreadable and has been reset.";
export const NOTICE_BLOCKED =
  "Your progress could not be saved in this browser: its storage is blocked (private browsing or cookie settings). Answers are kept only while this page is open.";
export const NOTICE_FULL =
  "Your progress could not be saved in this browser: its storage is full. Answers are kept only while this page is open.";

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, exercises: {}, seeds: {} };
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

/** What parsing found: nothing was wrong, nothing was stored, or the data was reset wholly or partly. */
export type ParseProblem = "none" | "missing" | "reset" | "partial";

/**
 * Read stored progress. Never throws. A record that is not an object, has an unknown version, or
 * lacks the `exercises` map is reset; individual entries with wrong shapes are dropped ("partial").
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
}

export function createProgressStore(options: ProgressStoreOptions): ProgressStore {
  const now = options.now ?? (() => new Date());
  const newSeed = options.newSeed ?? freshSeed;
  let current: Progress | null = null;
  /** Set once storage has proven unusable for reading; from then on the store lives in memory. */
  let blocked = false;
  /** The last write failed: memory holds answers storage lacks, so memory, not storage, is the base. */
  let unsaved = false;
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

  function write(progress: Progress): void {
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

  /** Read from storage (not the cache), repairing and announcing what was wrong. */
  function readFresh(): Progress {
    const store = storage();
    if (!store) return current ?? emptyProgress();
    let raw: string | null;
    try {
      raw = store.getItem(PROGRESS_KEY);
    } catch (error) {
      blocked = true;
      notify(errorName(error) === "SecurityError" ? NOTICE_BLOCKED : writeFailureNotice(error));
      return current ?? emptyProgress();
    }
    const { progress, problem } = parseProgress(raw);
    if (problem === "reset" || problem === "partial") {
      notify(problem === "reset" ? NOTICE_UNREADABLE : NOTICE_PARTLY_UNREADABLE);
      write(progress);
    }
    return progress;
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

  function onStorage(event: Event): void {
    // `key` is null when another tab called localStorage.clear().
    const key = (event as StorageEvent).key;
    if (key !== PROGRESS_KEY && key !== null) return;
    current = readFresh();
    emit();
  }

  return {
    loadProgress,

    recordAttempt(lesson, id, attempt) {
      // Re-read first so that an answer given in another tab since this page loaded is kept.
      const base = blocked || unsaved ? loadProgress() : readFresh();
      current = applyAttempt(base, lesson, id, attempt, now());
      write(current);
      emit();
      return current.exercises[exerciseKey(lesson, id)]!;
    },

    exerciseState(lesson, id) {
      return loadProgress().exercises[exerciseKey(lesson, id)];
    },

    lessonSummary(lesson, exerciseIds) {
      return summarize(loadProgress(), lesson, exerciseIds);
    },

    resetProgress() {
      // The option-order seeds are not progress: keeping them keeps each reader's order stable.
      current = { ...emptyProgress(), seeds: { ...loadProgress().seeds } };
      write(current);
      emit();
    },

    subscribe(listener) {
      if (listeners.size === 0) events?.addEventListener("storage", onStorage);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) events?.removeEventListener("storage", onStorage);
      };
    },

    missedExercises() {
      return missedIn(loadProgress());
    },

    exerciseSeed(lesson, id) {
      const key = exerciseKey(lesson, id);
      const known = loadProgress().seeds[key];
      if (known !== undefined) return known;
      const seed = newSeed() >>> 0;
      const base = blocked || unsaved ? loadProgress() : readFresh();
      // Another tab may have drawn this exercise's seed meanwhile: keep theirs.
      const stored = base.seeds[key];
      current = { ...base, seeds: { ...base.seeds, [key]: stored ?? seed } };
      if (stored === undefined) write(current);
      return stored ?? seed;
    },

    progressNotice() {
      return pendingNotice;
    },

    takeProgressNotice() {
      const notice = pendingNotice;
      pendingNotice = null;
      return notice;
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
