import { createAssetAction } from '@/lib/assets/actions'
import { db } from '@/lib/db'
import { form } from './factories'

/** Every catalogue row of a school, audit rows included, to prove that a refusal changed nothing. */
export async function catalogueSnapshot(schoolId: string) {
  const [services, assets, needs, edges, audit] = await Promise.all([
    db.service.findMany({ where: { schoolId }, orderBy: { id: 'asc' } }),
    db.asset.findMany({ where: { schoolId }, orderBy: { id: 'asc' } }),
    db.serviceAsset.findMany({ where: { schoolId }, orderBy: { id: 'asc' } }),
    db.assetDependency.findMany({ where: { schoolId }, orderBy: { id: 'asc' } }),
    db.auditEvent.findMany({ where: { schoolId }, orderBy: { id: 'asc' } }),
  ])
  return { services, assets, needs, edges, audit }
}

/** Creates a hardware asset through the action, as the acting user, and returns its id. */
export async function createTestAsset(name: string, extra: Record<string, string> = {}) {
  const r = await createAssetAction(null, form({ name, type: 'HARDWARE', ...extra }))
  if (!r.ok) throw new Error(r.message)
  return r.data.id
}
