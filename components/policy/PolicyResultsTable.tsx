import type { PolicyResultsTable as Table } from '@/lib';
import { STATUS_COLOUR, STATUS_TEXT } from './PolicyChecklist';

/** One row per policy, one column per rule: which services accept the token, and which rule rejects it. */
export function PolicyResultsTable({ table }: { table: Table }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-xs">
        <caption className="mb-1 text-left text-sm font-semibold">Policy results</caption>
        <thead>
          <tr className="text-left text-[var(--muted)]">
            <th scope="col" className="py-1 pr-2">
              Policy
            </th>
            <th scope="col" className="py-1 pr-2">
              Verdict
            </th>
            {table.columns.map((id) => (
              <th key={id} scope="col" className="py-1 pr-2 font-code font-normal">
                {id}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.name} className="border-t border-[var(--border)]">
              <th scope="row" className="py-1 pr-2 text-left">
                {row.name}
              </th>
              <td
                className={`py-1 pr-2 font-semibold ${row.accepted ? 'text-[var(--ok)]' : 'text-[var(--danger)]'}`}
              >
                {row.accepted
                  ? 'Accepted'
                  : row.firstFailure
                    ? `Rejected (${row.firstFailure})`
                    : 'Not verified'}
              </td>
              {row.cells.map((cell) =>
                cell.status === 'absent' ? (
                  <td
                    key={cell.id}
                    className="py-1 pr-2 text-[var(--muted)]"
                    title="This policy does not check this rule"
                  >
                    not checked
                  </td>
                ) : (
                  <td
                    key={cell.id}
                    className={`py-1 pr-2 ${STATUS_COLOUR[cell.status]}`}
                    title={cell.message}
                  >
                    {STATUS_TEXT[cell.status]}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
