import Link from 'next/link'
import { RATING_STYLES } from '@/components/risks/rating-badge'
import { listHref } from '@/components/ui/data-table'
import {
  type Basis,
  countAt,
  type HeatGrid,
  IMPACT_SCALE,
  LIKELIHOOD_LEVELS,
  RATING_LABELS,
  ratingOf,
  riskScore,
  SCALE,
} from '@/lib/risks/scoring'

const TITLES: Record<Basis, string> = {
  inherent: 'Before countermeasures (inherent)',
  residual: 'After countermeasures (residual)',
}

/**
 * One 5 x 5 matrix: likelihood up the side (5 at the top), impact along the bottom. Each cell shows its
 * count as text, is coloured by its rating (the colour is never the only signal: the rating is in each
 * cell's accessible name and in the table below), and links to the register filtered to that cell.
 * Cells above the school's appetite are outlined.
 */
export function HeatMatrix({ grid, basis, appetite }: { grid: HeatGrid; basis: Basis; appetite: number }) {
  const id = `heat-${basis}`
  return (
    <figure className="min-w-0" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="mb-2 text-lg font-bold">
        {TITLES[basis]}
      </h2>
      <div className="flex">
        <div className="flex w-6 shrink-0 items-center justify-center">
          <span className="-rotate-90 text-sm font-semibold whitespace-nowrap" aria-hidden="true">
            Likelihood
          </span>
        </div>
        <table className="w-full table-fixed border-separate border-spacing-1 text-center" data-testid={id}>
          <caption className="sr-only">
            {TITLES[basis]}: number of open risks by likelihood (rows) and impact (columns)
          </caption>
          <thead className="sr-only">
            <tr>
              <th scope="col">Likelihood</th>
              {SCALE.map((i) => (
                <th key={i} scope="col">
                  Impact {i}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...SCALE].reverse().map((l) => (
              <tr key={l}>
                <th scope="row" className="w-8 text-sm font-semibold">
                  <span aria-hidden="true">{l}</span>
                  <span className="sr-only">Likelihood {l}</span>
                </th>
                {SCALE.map((i) => {
                  const n = countAt(grid, l, i)
                  const score = riskScore(l, i)
                  const rating = ratingOf(score)
                  const above = score > appetite
                  return (
                    <td key={i} className="p-0">
                      <Link
                        href={listHref('/risks', {
                          l: String(l),
                          i: String(i),
                          basis: basis === 'inherent' ? undefined : basis,
                        })}
                        data-testid={`${id}-${l}-${i}`}
                        aria-label={`Likelihood ${l}, impact ${i}: ${n} risk${n === 1 ? '' : 's'}, ${RATING_LABELS[rating].toLowerCase()}${above ? ', above appetite' : ''}`}
                        className={`flex min-h-11 items-center justify-center rounded text-lg ${RATING_STYLES[rating]} ${
                          n ? 'font-bold underline' : 'font-normal opacity-90'
                        } ${above ? 'outline-2 -outline-offset-4 outline-current outline-dashed' : ''}`}
                      >
                        {n}
                      </Link>
                    </td>
                  )
                })}
              </tr>
            ))}
            <tr>
              <td />
              {SCALE.map((i) => (
                <td key={i} className="text-sm font-semibold">
                  <span aria-hidden="true">{i}</span>
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <p className="text-center text-sm font-semibold" aria-hidden="true">
        Impact
      </p>
    </figure>
  )
}

/** The same counts as a plain table, cell by cell, for screen readers and anyone who prefers reading. */
export function HeatTable({
  inherent,
  residual,
  appetite,
}: {
  inherent: HeatGrid
  residual: HeatGrid
  appetite: number
}) {
  const rows = [...SCALE]
    .reverse()
    .flatMap((l) => SCALE.map((i) => ({ l, i, a: countAt(inherent, l, i), b: countAt(residual, l, i) })))
    .filter((r) => r.a || r.b)
  return (
    <table className="w-full text-left text-sm">
      <caption className="mb-2 text-left font-semibold">
        Open risks by cell, before and after countermeasures
      </caption>
      <thead className="bg-slate-100">
        <tr>
          <th scope="col" className="px-2 py-1">
            Likelihood
          </th>
          <th scope="col" className="px-2 py-1">
            Impact
          </th>
          <th scope="col" className="px-2 py-1">
            Score
          </th>
          <th scope="col" className="px-2 py-1">
            Inherent
          </th>
          <th scope="col" className="px-2 py-1">
            Residual
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const score = riskScore(r.l, r.i)
          return (
            <tr key={`${r.l}-${r.i}`} className="border-t border-slate-200">
              <td className="px-2 py-1">
                {r.l}. {LIKELIHOOD_LEVELS[r.l - 1]?.label}
              </td>
              <td className="px-2 py-1">
                {r.i}. {IMPACT_SCALE[r.i - 1]?.label}
              </td>
              <td className="px-2 py-1">
                {score} ({RATING_LABELS[ratingOf(score)].toLowerCase()}
                {score > appetite ? ', above appetite' : ''})
              </td>
              <td className="px-2 py-1">
                <Link
                  className="text-brand-700 underline"
                  href={listHref('/risks', { l: String(r.l), i: String(r.i) })}
                >
                  {r.a}
                </Link>
              </td>
              <td className="px-2 py-1">
                <Link
                  className="text-brand-700 underline"
                  href={listHref('/risks', { l: String(r.l), i: String(r.i), basis: 'residual' })}
                >
                  {r.b}
                </Link>
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
