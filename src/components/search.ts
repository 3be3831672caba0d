import { echoText } from "../engine/echo";

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
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
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = page.url;
      link.textContent = page.meta.title ?? page.url;
      const excerpt = document.createElement("p");
      // Pagefind's excerpt contains only <mark> tags around the matched words; keep those, drop anything else.
      excerpt.innerHTML = page.excerpt.replace(/<(?!\/?mark>)[^>]*>/g, "");
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
