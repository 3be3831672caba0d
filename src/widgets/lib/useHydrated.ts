import { useEffect, useState } from "preact/hooks";

/**
 * False in the server render and in the first client render (so hydration matches the HTML), true from the
 * first effect on. Controls are disabled until then: a button in the server markup does nothing before its
 * island runs, and a reader should see that rather than click into nothing.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
