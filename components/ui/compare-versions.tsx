/** Side by side: the record as someone else saved it, and what this user typed. Differences are marked. */
export function CompareVersions({ rows }: { rows: { label: string; theirs: string; yours: string }[] }) {
  return (
    <div
      className="mb-4 overflow-x-auto rounded-lg border border-slate-300 bg-white"
      data-testid="stale-compare"
    >
      <table className="w-full text-left text-sm">
        <caption className="px-3 py-2 text-left font-semibold">Their version and yours</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="px-3 py-2">
              Field
            </th>
            <th scope="col" className="px-3 py-2">
              Saved now
            </th>
            <th scope="col" className="px-3 py-2">
              You typed
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className="border-t border-slate-200 align-top">
              <th scope="row" className="px-3 py-2 font-semibold">
                {r.label}
                {r.theirs !== r.yours && <span className="block text-xs text-amber-800">differs</span>}
              </th>
              <td className="px-3 py-2 whitespace-pre-wrap [overflow-wrap:anywhere]">{r.theirs}</td>
              <td className="px-3 py-2 whitespace-pre-wrap [overflow-wrap:anywhere]">{r.yours}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
