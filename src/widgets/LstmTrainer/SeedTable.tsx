/**
 * Lesson 9's seed table: the LSTM-against-MLP comparison repeated for ten seeds at build time
 * (src/course/facts/lesson9.ts), so "the pattern is stable" is shown, not asserted. Static: the
 * lesson uses it without a client directive, so it ships no JavaScript.
 */
import type { JSX } from "preact";
import type { SeedRow } from "../../course/facts/lesson9";

const fmt = (value: number): string => (Number.isFinite(value) ? value.toFixed(4) : "diverged");

export default function SeedTable({ rows }: { rows: readonly SeedRow[] }): JSX.Element {
  return (
    <section class="table-scroll scroll-cue" tabindex={0} aria-label="The comparison for each seed">
      <table>
        <caption>
          Final losses after the default settings' epochs, seeds {rows[0]!.seed} to {rows[rows.length - 1]!.seed} (mean squared error,
          standardised units; lower is better)
        </caption>
        <thead>
          <tr>
            <th scope="col">Seed</th>
            <th scope="col">LSTM, training</th>
            <th scope="col">MLP, training</th>
            <th scope="col">LSTM, held out</th>
            <th scope="col">MLP, held out</th>
            <th scope="col">Better on held-out hours</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.seed}>
              <th scope="row">{row.seed}</th>
              <td>{fmt(row.lstmTrain)}</td>
              <td>{fmt(row.mlpTrain)}</td>
              <td>{fmt(row.lstmValidation)}</td>
              <td>{fmt(row.mlpValidation)}</td>
              <td>{row.lstmValidation < row.mlpValidation ? "LSTM" : "MLP"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
