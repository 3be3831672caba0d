/** Server-only: writes one of the lab's shipped results as a JSON data block (see shipped.ts). */
import type { JSX } from "preact";
import { SHIPPED_ATTR, shippedJson, type ShippedKind } from "./shipped";

export const IS_SERVER = typeof window === "undefined";

export function ShippedBlock({ kind, data }: { kind: ShippedKind; data: Parameters<typeof shippedJson>[0] | undefined }): JSX.Element | null {
  if (!IS_SERVER || !data) return null;
  return <script type="application/json" {...{ [SHIPPED_ATTR]: kind }} dangerouslySetInnerHTML={{ __html: shippedJson(data) }} />;
}
