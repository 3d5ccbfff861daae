'use server'
import { revalidatePath } from 'next/cache'
import { schoolAction } from '@/lib/auth/action'
import { db } from '@/lib/db'
import { Refusal } from '@/lib/result'
import {
  acceptProposal,
  createCountermeasure,
  createNamed,
  createRisk,
  dismissProposal,
  loadRiskDefaults,
  setCountermeasureArchived,
  setCountermeasureStatus,
  setNamedRetired,
  setRiskAppetite,
  setRiskStatus,
  updateCountermeasure,
  updateNamed,
  updateRisk,
} from './mutations'
import { findProposal } from './queries'
import {
  acceptProposalSchema,
  appetiteSchema,
  archiveSchema,
  createCountermeasureSchema,
  createNamedSchema,
  createRiskSchema,
  dismissProposalSchema,
  loadDefaultsSchema,
  restoreSchema,
  retireNamedSchema,
  setCountermeasureStatusSchema,
  setRiskStatusSchema,
  updateCountermeasureSchema,
  updateNamedSchema,
  updateRiskSchema,
} from './schema'

/** The register, heat map, dashboard and the pages of what a risk links to all show risks. */
function refresh(path?: string) {
  revalidatePath('/risks', 'layout')
  revalidatePath('/')
  if (path) revalidatePath(path)
}
const refreshRisk = { refresh: (input: { id: string }) => refresh(`/risks/${input.id}`) }
const refreshCountermeasure = {
  refresh: (input: { id: string }) => refresh(`/risks/countermeasures/${input.id}`),
}
const refreshAll = { refresh: () => refresh() }

/** Creates the risk and opens its page (a redirect from the server, so it works without JavaScript). */
export const createRiskAction = schoolAction(
  'risks.edit',
  createRiskSchema,
  (input, ctx) => createRisk(db, ctx, input),
  { refresh: () => refresh(), redirect: (out) => `/risks/${out.id}?saved=created` },
)

export const updateRiskAction = schoolAction(
  'risks.edit',
  updateRiskSchema,
  (input, ctx) => updateRisk(db, ctx, input),
  refreshRisk,
)

/** Closes or reopens a risk. */
export const setRiskStatusAction = schoolAction(
  'risks.edit',
  setRiskStatusSchema,
  (input, ctx) => setRiskStatus(db, ctx, input),
  refreshRisk,
)

export const setRiskAppetiteAction = schoolAction(
  'risks.edit',
  appetiteSchema,
  (input, ctx) => setRiskAppetite(db, ctx, input),
  refreshAll,
)

export const loadRiskDefaultsAction = schoolAction(
  'risks.edit',
  loadDefaultsSchema,
  (_input, ctx) => loadRiskDefaults(db, ctx),
  refreshAll,
)

export const createCategoryAction = schoolAction(
  'risks.edit',
  createNamedSchema,
  (input, ctx) => createNamed(db, ctx, 'category', input),
  refreshAll,
)
export const updateCategoryAction = schoolAction(
  'risks.edit',
  updateNamedSchema,
  (input, ctx) => updateNamed(db, ctx, 'category', input),
  refreshAll,
)
/** Retires a category (posted retired=yes) or brings it back (retired=no). */
export const retireCategoryAction = schoolAction(
  'risks.edit',
  retireNamedSchema,
  (input, ctx) => setNamedRetired(db, ctx, 'category', input),
  refreshAll,
)
export const createThreatAction = schoolAction(
  'risks.edit',
  createNamedSchema,
  (input, ctx) => createNamed(db, ctx, 'threat', input),
  refreshAll,
)
export const updateThreatAction = schoolAction(
  'risks.edit',
  updateNamedSchema,
  (input, ctx) => updateNamed(db, ctx, 'threat', input),
  refreshAll,
)
export const retireThreatAction = schoolAction(
  'risks.edit',
  retireNamedSchema,
  (input, ctx) => setNamedRetired(db, ctx, 'threat', input),
  refreshAll,
)

/** A key that is not a current proposal of this school is not found (it may be another school's). */
async function proposalOrRefuse(schoolId: string, key: string) {
  const p = await findProposal(schoolId, key)
  if (!p)
    throw new Refusal(
      'NOT_FOUND',
      'That proposal is no longer proposed: it was accepted, dismissed, or the asset changed.',
    )
  return p
}

/** Accepts a proposed risk and opens the new risk's page. */
export const acceptProposalAction = schoolAction(
  'risks.edit',
  acceptProposalSchema,
  async (input, ctx) => acceptProposal(db, ctx, await proposalOrRefuse(ctx.schoolId, input.key)),
  { refresh: () => refresh('/risks/proposals'), redirect: (out) => `/risks/${out.id}?saved=accepted` },
)

export const dismissProposalAction = schoolAction(
  'risks.edit',
  dismissProposalSchema,
  async (input, ctx) =>
    dismissProposal(db, ctx, await proposalOrRefuse(ctx.schoolId, input.key), input.reason),
  // The card goes with the proposal, so the page itself says it was dismissed.
  { refresh: () => refresh('/risks/proposals'), redirect: () => '/risks/proposals?saved=dismissed' },
)

export const createCountermeasureAction = schoolAction(
  'risks.edit',
  createCountermeasureSchema,
  (input, ctx) => createCountermeasure(db, ctx, input),
  { refresh: () => refresh(), redirect: (out) => `/risks/countermeasures/${out.id}?saved=created` },
)

export const updateCountermeasureAction = schoolAction(
  'risks.edit',
  updateCountermeasureSchema,
  (input, ctx) => updateCountermeasure(db, ctx, input),
  refreshCountermeasure,
)

/** Marks a countermeasure planned, in place or verified. */
export const setCountermeasureStatusAction = schoolAction(
  'risks.edit',
  setCountermeasureStatusSchema,
  (input, ctx) => setCountermeasureStatus(db, ctx, input),
  refreshCountermeasure,
)

export const archiveCountermeasureAction = schoolAction(
  'risks.edit',
  archiveSchema,
  (input, ctx) => setCountermeasureArchived(db, ctx, input, true),
  refreshCountermeasure,
)

export const restoreCountermeasureAction = schoolAction(
  'risks.edit',
  restoreSchema,
  (input, ctx) => setCountermeasureArchived(db, ctx, input, false),
  refreshCountermeasure,
)
