import { echoText } from "../engine/echo";

/** One section of a page that matched: Pagefind splits a page at its headings with ids. */
interface PagefindSubResult {
  title: string;
  /** The page URL with the section's #anchor. */
  url: string;
  excerpt: string;
  locations: number[];
}
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: PagefindSubResult[];
}

/**
 * Where a result should land: the section with the most matches (the first on a tie), so the reader arrives at the
 * heading above the matching text instead of the top of the lesson.
 */
export function bestSection(page: PagefindResultData): { url: string; section: string | null; excerpt: string } {
  const sections = (page.sub_results ?? []).filter((sub) => sub.locations.length > 0);
  const best = sections.reduce<PagefindSubResult | null>((top, sub) => (top === null || sub.locations.length > top.locations.length ? sub : top), null);
  if (best === null || best.url === page.url) return { url: page.url, section: null, excerpt: best?.excerpt ?? page.excerpt };
  return { url: best.url, section: best.title, excerpt: best.excerpt };
}
interface Pagefind {
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

/** Wires the search page to the Pagefind index built after `astro build`. */
export async function runSearchPage(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>("#search-form");
  const input = document.querySelector<HTMLInputElement>("#search-q");
  const status = document.querySelector<HTMLElement>("#search-status");
  const list = document.querySelector<HTMLOListElement>("#search-results");
  if (!form || !input || !status || !list) return;
  status.textContent = "";
  let pagefind: Pagefind | null = null;
  try {
    // The index only exists in a production build; the URL comes from the page so the base path is respected.
    pagefind = (await import(/* @vite-ignore */ status.dataset["pagefindUrl"] ?? "")) as Pagefind;
  } catch {
    status.textContent = "The search index is not available (it is built by `npm run build`).";
    return;
  }

  const show = async (query: string) => {
    list.replaceChildren();
    // A link may carry any length of query; the fields stop at 200 characters, and so does the search.
    const trimmed = query.trim().slice(0, 200);
    if (!trimmed || !pagefind) {
      status.textContent = "";
      return;
    }
    const search = await pagefind.search(trimmed);
    const pages = await Promise.all(search.results.slice(0, 20).map((result) => result.data()));
    // The query may come from a link: quoted clipped and without bidi controls, so it cannot reverse the sentence.
    const quoted = `“${echoText(trimmed)}”`;
    status.textContent = pages.length === 0 ? `No lesson mentions ${quoted}.` : `${pages.length} ${pages.length === 1 ? "lesson matches" : "lessons match"} ${quoted}.`;
    for (const page of pages) {
      const target = bestSection(page);
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = target.url;
      link.textContent = target.section === null ? (page.meta.title ?? page.url) : `${page.meta.title ?? page.url}: ${target.section}`;
      const excerpt = document.createElement("p");
      // Pagefind's excerpt contains only <mark> tags around the matched words; keep those, drop anything else.
      excerpt.innerHTML = target.excerpt.replace(/<(?!\/?mark>)[^>]*>/g, "");
      item.append(link, excerpt);
      list.append(item);
    }
  };

  const initial = new URLSearchParams(location.search).get("q") ?? "";
  input.value = initial;
  await show(initial);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set("q", input.value);
    history.replaceState(null, "", url);
    void show(input.value);
  });
}
