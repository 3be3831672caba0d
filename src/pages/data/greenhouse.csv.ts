// Serves the shipped data set as a download: the text of content/data/greenhouse.csv, byte for byte, so the file a
// reader trains on in Keras or PyTorch is the one every lesson reads (test/e2e/landscape.spec.ts compares them).
import type { APIRoute } from "astro";
import { GREENHOUSE_CSV } from "../../course/data";

export const GET: APIRoute = () => new Response(GREENHOUSE_CSV, { headers: { "Content-Type": "text/csv; charset=utf-8" } });
