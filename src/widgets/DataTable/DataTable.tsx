import { useEffect, useId, useMemo, useState } from "preact/hooks";
import { useHydrated } from "../lib/useHydrated";
import { INPUT_COLUMNS, TARGET_COLUMN } from "../../course/columns";
import { greenhouseTable } from "../../course/data";
import { formatFixed } from "../lib/formatFixed";
import { clearSelectedRows, readSelectedRows, setRowSelected, subscribeSelectedRows } from "../lib/selectedRows";
import { cellValue, nextSort, ROW_COLUMN, sortedRows, tableView, type ColumnKey, type SortState } from "./tableModel";
import "./DataTable.css";

const data = greenhouseTable();
const F = data.features;
const inputColumns = INPUT_COLUMNS;
const targetColumn = TARGET_COLUMN;
const format = formatFixed;

function columnName(column: ColumnKey): string {
  if (column === ROW_COLUMN) return "Row";
  return column === F ? targetColumn.label : inputColumns[column]!.label;
}

function listRows(rows: number[]): string {
  const numbers = rows.map((row) => String(row + 1));
  if (numbers.length <= 1) return numbers.join("");
  return `${numbers.slice(0, -1).join(", ")} and ${numbers[numbers.length - 1]}`;
}

/**
 * The greenhouse table: inputs and target told apart by header groups, labels and colour;
 * the shapes of X and y; sortable columns; raw or standardised values; rows a reader selects are
 * saved for the later lessons' widgets.
 */
export default function DataTable() {
  const id = useId();
  const ready = useHydrated();
  const [sort, setSort] = useState<SortState>({ column: ROW_COLUMN, direction: "ascending" });
  const [standardised, setStandardised] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  const [status, setStatus] = useState("");

  useEffect(() => {
    setSelected(readSelectedRows());
    return subscribeSelectedRows(setSelected);
  }, []);

  const view = useMemo(() => tableView(data, standardised), [standardised]);
  const order = useMemo(() => sortedRows(data, sort), [sort]);
  const selectedSet = new Set(selected);
  const digits = standardised ? 2 : 1;

  const onSort = (column: ColumnKey) => {
    const next = nextSort(sort, column);
    setSort(next);
    setStatus(`Sorted by ${columnName(column).toLowerCase()}, ${next.direction}.`);
  };
  const onToggleStandardised = () => {
    const next = !standardised;
    setStandardised(next);
    setStatus(next ? "Showing standardised values: each column now has mean 0 and standard deviation 1." : "Showing the measured values in their units.");
  };
  const onSelect = (row: number, checked: boolean) => {
    const rows = setRowSelected(row, checked);
    setSelected(rows);
    setStatus(`Row ${row + 1} ${checked ? "selected" : "unselected"}. ${rows.length} row${rows.length === 1 ? "" : "s"} selected.`);
  };
  const onClear = () => {
    setSelected(clearSelectedRows());
    setStatus("Selection cleared.");
  };

  const sortHeader = (column: ColumnKey, label: string, unit: string, kind: "row" | "input" | "target") => {
    const active = sort.column === column;
    return (
      <th scope="col" class={`col-${kind}`} aria-sort={active ? sort.direction : undefined}>
        <button type="button" class="sort-button" disabled={!ready} onClick={() => onSort(column)}>
          <span>{label}</span>
          {unit && <span class="unit">({unit})</span>}
          <span class="sort-mark" aria-hidden="true">{active ? (sort.direction === "ascending" ? "▲" : "▼") : "↕"}</span>
        </button>
      </th>
    );
  };
  const unitOf = (unit: string) => (standardised ? `z, from ${unit}` : unit);
  const statLine = (kind: "mean" | "std") => {
    const stats = view.shownStats;
    return (
      <tr>
        <td class="needs-js" />
        <th scope="row">{kind === "mean" ? "Mean" : "Std"}</th>
        {stats.features.map((s) => <td class="col-input">{format(s[kind], 2)}</td>)}
        <td class="col-target">{format(stats.target[kind], 2)}</td>
      </tr>
    );
  };

  return (
    <figure class="widget data-table" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} class="widget-title">The greenhouse table: {data.n} samples, {F} features, 1 target</figcaption>

      <div class="shape-cards">
        <p class="shape-card shape-inputs">
          <span class="shape-name">X, the inputs</span>
          <span class="shape-value">shape ({data.n}, {F})</span>
          <span class="shape-note">{data.n} samples × {F} features</span>
        </p>
        <p class="shape-card shape-target">
          <span class="shape-name">y, the target</span>
          <span class="shape-value">shape ({data.n}, 1)</span>
          <span class="shape-note">{data.n} samples × 1 target</span>
        </p>
      </div>

      <div class="table-controls needs-js">
        <button type="button" aria-pressed={standardised ? "true" : "false"} disabled={!ready} onClick={onToggleStandardised}>
          Standardised values
        </button>
        <p class="selection-summary">
          {selected.length === 0
            ? "No rows selected. Tick a row to follow it into lessons 3 and 4."
            : `Selected: row${selected.length === 1 ? "" : "s"} ${listRows(selected)} (${selected.length} of ${data.n}).`}
        </p>
        {selected.length > 0 && (
          <button type="button" class="secondary" onClick={onClear}>
            Clear selection
          </button>
        )}
      </div>

      {standardised && (
        <p class="standardise-note">
          Each value is shown as z = (value − mean) / std, with the mean and standard deviation of its column:{" "}
          {inputColumns.map((c, j) => (
            <span>
              {c.label.toLowerCase()} mean {format(view.rawStats.features[j]!.mean, 2)} {c.unit}, std {format(view.rawStats.features[j]!.std, 2)} {c.unit};{" "}
            </span>
          ))}
          {targetColumn.label.toLowerCase()} mean {format(view.rawStats.target.mean, 2)} {targetColumn.unit}, std {format(view.rawStats.target.std, 2)} {targetColumn.unit}.
        </p>
      )}

      <p class="table-legend" aria-hidden="true">
        <span class="legend-swatch legend-input" /> Inputs (features), together the matrix X{" "}
        <span class="legend-swatch legend-target" /> Target, the vector y
      </p>
      <section class="table-scroll" aria-labelledby={`${id}-caption`} tabindex={0}>
        <table>
          <caption id={`${id}-caption`} class="visually-hidden">
            Greenhouse readings, one row per hour{standardised ? ", standardised" : ""}: three input columns (features) and the target
          </caption>
          <colgroup>
            <col class="needs-js" />
            <col />
            <col span={3} class="group-inputs" />
            <col class="group-target" />
          </colgroup>
          <thead>
            <tr class="group-row">
              <td class="needs-js" />
              <td />
              <th scope="colgroup" colSpan={3} class="group-input-head">
                Inputs (features) → X
              </th>
              <th scope="colgroup" class="group-target-head">
                Target → y
              </th>
            </tr>
            <tr class="column-row">
              <th scope="col" class="col-select needs-js">
                Select
              </th>
              {sortHeader(ROW_COLUMN, "Row", "", "row")}
              {inputColumns.map((c, j) => sortHeader(j, c.label, unitOf(c.unit), "input"))}
              {sortHeader(F, targetColumn.label, unitOf(targetColumn.unit), "target")}
            </tr>
          </thead>
          <tbody>
            {order.map((row) => {
              const isSelected = selectedSet.has(row);
              return (
                <tr key={row} class={isSelected ? "is-selected" : undefined}>
                  <td class="col-select needs-js">
                    <input
                      type="checkbox"
                      aria-label={`Select row ${row + 1}`}
                      checked={isSelected}
                      disabled={!ready}
                      onChange={(event) => onSelect(row, event.currentTarget.checked)}
                    />
                  </td>
                  <th scope="row" class="col-row">
                    {row + 1}
                  </th>
                  {inputColumns.map((_, j) => (
                    <td class="col-input">{format(cellValue(view.x, view.y, F, row, j), digits)}</td>
                  ))}
                  <td class="col-target">{format(cellValue(view.x, view.y, F, row, F), digits)}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            {statLine("mean")}
            {statLine("std")}
          </tfoot>
        </table>
      </section>
      <p class="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
    </figure>
  );
}
