import 'server-only'
import { toCsv } from '@/lib/csv'
import { db } from '@/lib/db'

/** The live services as CSV, times in minutes, with the assets each one needs: one query. */
export async function servicesCsv(schoolId: string): Promise<string> {
  const rows = await db.service.findMany({
    where: { schoolId, archivedAt: null },
    orderBy: [{ criticality: 'asc' }, { rtoMinutes: 'asc' }, { name: 'asc' }],
    select: {
      name: true,
      description: true,
      owner: true,
      usersAffected: true,
      criticality: true,
      rtoMinutes: true,
      rpoMinutes: true,
      maxOutageMinutes: true,
      minServiceLevel: true,
      needs: {
        select: { required: true, asset: { select: { name: true } } },
        orderBy: { asset: { name: 'asc' } },
      },
    },
  })
  return toCsv(
    [
      'name',
      'description',
      'owner',
      'users_affected',
      'criticality',
      'rto_minutes',
      'rpo_minutes',
      'max_outage_minutes',
      'min_service_level',
      'needs',
    ],
    rows.map((s) => [
      s.name,
      s.description,
      s.owner,
      s.usersAffected,
      s.criticality,
      s.rtoMinutes,
      s.rpoMinutes,
      s.maxOutageMinutes,
      s.minServiceLevel,
      s.needs.map((n) => `${n.asset.name}${n.required ? '' : ' (optional)'}`).join('; '),
    ]),
  )
}
