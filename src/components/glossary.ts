import { getCollection, getEntry } from "astro:content";

export async function glossaryEntry(id: string) {
  const entry = await getEntry("glossary", id);
  if (!entry) throw new Error(`Unknown glossary term "${id}": add it to content/glossary.json`);
  return entry.data;
}

export async function glossaryTerms() {
  const entries = await getCollection("glossary");
  return entries.map((entry) => entry.data).sort((a, b) => a.term.localeCompare(b.term));
}
