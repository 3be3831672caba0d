/**
 * The lab's settings, mirrored in the address bar. The first render uses the defaults (it must
 * match the server's static figure); as the island hydrates the address is read. A change made
 * after a pause pushes a history entry and changes in quick succession (a slider drag) replace it,
 * so one drag is one step of the back button; popstate restores the settings of that entry.
 *
 * Every way settings arrive (the address on load, a history entry, a change of data) goes through
 * parseLabQuery and reconcileLabState, so the state this hook holds is always one the lab can use on the
 * data in use, and each adjustment comes with a sentence in `notices`.
 */
import { useCallback, useLayoutEffect, useRef, useState } from "preact/hooks";
import {
  DEFAULT_STATE,
  mergeLabQuery,
  parseLabQuery,
  reconcileLabState,
  sameState,
  type LabDataSize,
  type LabState,
} from "./labState";

/** Changes closer together than this share one history entry. */
export const HISTORY_COALESCE_MS = 700;
/** Delay before writing the address; changes within it share one write. */
const HISTORY_WRITE_DELAY_MS = 60;

export function useLabUrlState(data: LabDataSize): {
  state: LabState;
  update: (patch: Partial<LabState>) => void;
  /** Call with the new data in the same handler that switches to it: the settings are fitted before the next render. */
  adoptData: (next: LabDataSize) => void;
  notices: string[];
  dismissNotices: () => void;
} {
  const [state, setState] = useState<LabState>({ ...DEFAULT_STATE });
  const [notices, setNotices] = useState<string[]>([]);
  const stateRef = useRef(state);
  const lastChange = useRef(-Infinity);
  const pendingWrite = useRef<{ timer: ReturnType<typeof setTimeout>; push: boolean } | null>(null);
  const dataRef = useRef(data);
  dataRef.current = data;

  const commit = (next: LabState) => {
    if (sameState(stateRef.current, next)) return;
    stateRef.current = next;
    setState(next);
  };

  // A layout effect: the address is read in the same task as hydration, so no click or paint sees the defaults
  // where the address asked for something else. Child islands' layout effects (the own-data panel restoring a
  // table kept for the session) run before this one, so `dataRef` already holds the data the address is fitted to.
  useLayoutEffect(() => {
    const read = () => {
      const parsed = parseLabQuery(window.location.search, dataRef.current.n);
      const fitted = reconcileLabState(parsed.state, dataRef.current);
      commit(fitted.state);
      const said = [...parsed.notices, ...fitted.notices];
      setNotices((previous) => (previous.length === 0 && said.length === 0 ? previous : said));
      return fitted.state;
    };
    const initial = read();
    // Write back the cleaned settings, so the address always holds a valid, complete link. In a task
    // of its own: the page is still busy with hydration effects, and this can wait a moment.
    const rewrite = setTimeout(() => {
      if (pendingWrite.current) return; // the reader already changed something; that write wins
      window.history.replaceState(window.history.state, "", mergeLabQuery(window.location.search, initial) + window.location.hash);
    }, 0);
    const onPop = () => {
      if (pendingWrite.current) clearTimeout(pendingWrite.current.timer);
      pendingWrite.current = null;
      const used = read();
      lastChange.current = -Infinity;
      // A history entry may hold what no longer fits (b=600 from a larger table): the address shows what is used.
      const url = mergeLabQuery(window.location.search, used) + window.location.hash;
      if (url !== window.location.search + window.location.hash) window.history.replaceState(window.history.state, "", url);
    };
    window.addEventListener("popstate", onPop);
    return () => {
      clearTimeout(rewrite);
      window.removeEventListener("popstate", onPop);
    };
  }, []);

  // The address is written just after the change, off the path from input to updated numbers
  // (a history call can take several milliseconds).
  const update = useCallback((patch: Partial<LabState>) => {
    const previous = stateRef.current;
    const next = { ...previous, ...patch };
    if (sameState(previous, next)) return;
    commit(next);
    const now = performance.now();
    const push = (pendingWrite.current?.push ?? false) || now - lastChange.current > HISTORY_COALESCE_MS;
    lastChange.current = now;
    if (pendingWrite.current) clearTimeout(pendingWrite.current.timer);
    const timer = setTimeout(() => {
      pendingWrite.current = null;
      const url = mergeLabQuery(window.location.search, stateRef.current) + window.location.hash;
      if (push) window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    }, HISTORY_WRITE_DELAY_MS);
    pendingWrite.current = { timer, push };
  }, []);

  const adoptData = useCallback(
    (next: LabDataSize) => {
      dataRef.current = next;
      const fitted = reconcileLabState(stateRef.current, next);
      setNotices(fitted.notices);
      update(fitted.state);
    },
    [update],
  );

  return { state, update, adoptData, notices, dismissNotices: () => setNotices([]) };
}
