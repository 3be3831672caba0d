/**
 * The lab's settings, mirrored in the address bar. The first render uses the defaults (it must
 * match the server's static figure); right after hydration the address is read. A change made
 * after a pause pushes a history entry and changes in quick succession (a slider drag) replace it,
 * so one drag is one step of the back button; popstate restores the settings of that entry.
 */
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { DEFAULT_STATE, mergeLabQuery, parseLabQuery, sameState, type LabState } from "./labState";

/** Changes closer together than this share one history entry. */
export const HISTORY_COALESCE_MS = 700;
/** Delay before writing the address; changes within it share one write. */
const HISTORY_WRITE_DELAY_MS = 60;

export function useLabUrlState(maxBatch: number): {
  state: LabState;
  update: (patch: Partial<LabState>) => void;
  ignored: string[];
  dismissIgnored: () => void;
} {
  const [state, setState] = useState<LabState>({ ...DEFAULT_STATE });
  const [ignored, setIgnored] = useState<string[]>([]);
  const stateRef = useRef(state);
  const lastChange = useRef(-Infinity);
  const pendingWrite = useRef<{ timer: ReturnType<typeof setTimeout>; push: boolean } | null>(null);
  const maxBatchRef = useRef(maxBatch);
  maxBatchRef.current = maxBatch;

  useEffect(() => {
    const read = () => {
      const parsed = parseLabQuery(window.location.search, maxBatchRef.current);
      // Unchanged settings (the usual first load) re-render nothing.
      if (!sameState(stateRef.current, parsed.state)) {
        stateRef.current = parsed.state;
        setState(parsed.state);
      }
      setIgnored((previous) => (previous.length === 0 && parsed.ignored.length === 0 ? previous : parsed.ignored));
      return parsed.state;
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
      read();
      lastChange.current = -Infinity;
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
    stateRef.current = next;
    setState(next);
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

  return { state, update, ignored, dismissIgnored: () => setIgnored([]) };
}
