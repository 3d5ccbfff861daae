import { dayIn } from '@/lib/catalogue/standby'
import { versionCache } from './version-cache'

/**
 * A page's view of a school's records, worked out once per `School.dataVersion` and calendar day in the
 * school's zone, and shared by every request that reads the same version (issue 8: work done per request
 * that could be done once per change).
 *
 * The data version moves, by triggers in the same transaction, on every write to any table holding a
 * school's records, on the school's own settings, and on the name or e-mail of anyone who belongs to it
 * (migrations `data_version`, `user_data_version`; `tests/integration/data-version.test.ts` fails for a new
 * table without its triggers). The session query reads it with the session (lib/auth/school-context.ts),
 * so a hit costs no query at all. A view computed while a write lands is kept under the version the
 * request read, which is older than that write: the next request reads the new version and misses.
 *
 * `key` must hold everything besides the records that the view depends on: the record's id, the list's
 * parameters, and the permissions that change what it holds. Time-dependent figures are safe by the day;
 * the audit trail is not in the version (sign-ins write it), so views of it key on its newest row. Values
 * are deeply frozen (version-cache.ts): copy before sorting. Without a data version (a context built by
 * hand in a test) the view is simply worked out.
 */
const views = versionCache<unknown>(2000)

export type DataViewContext = { schoolId: string; timeZone: string; dataVersion?: number }

export function dataView<T>(
  ctx: DataViewContext,
  name: string,
  key: string,
  compute: () => Promise<T>,
  now: Date = new Date(),
): Promise<T> {
  if (ctx.dataVersion === undefined) return compute()
  const cacheKey = `${name}:${ctx.schoolId}:${ctx.timeZone}:${dayIn(now, ctx.timeZone)}:${key}`
  return views.getAsync(cacheKey, ctx.dataVersion, compute) as Promise<T>
}
