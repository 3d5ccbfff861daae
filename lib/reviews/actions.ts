'use server'
import { revalidatePath } from 'next/cache'
import { schoolAction } from '@/lib/auth/action'
import { db } from '@/lib/db'
import {
  addChecklistItem,
  addReviewAction,
  considerChanges,
  dismissProposal,
  returnReview,
  saveAnswers,
  setChecklistItemArchived,
  setReviewActionDone,
  signOffReview,
  startProposedReview,
  startReview,
  submitReview,
  updateSchedule,
} from './mutations'
import { getReviewFactsFor } from './queries'
import {
  addActionSchema,
  addChecklistItemSchema,
  archiveChecklistItemSchema,
  considerSchema,
  dismissProposalSchema,
  restoreChecklistItemSchema,
  returnReviewSchema,
  saveAnswersSchema,
  scheduleSchema,
  setActionDoneSchema,
  signOffSchema,
  startProposalSchema,
  startReviewSchema,
  submitReviewSchema,
} from './schema'

function refresh(reviewId?: string) {
  revalidatePath('/reviews')
  revalidatePath('/')
  if (reviewId) revalidatePath(`/reviews/${reviewId}`)
}
const refreshReview = { refresh: (input: { reviewId: string }) => refresh(input.reviewId) }
const refreshSettings = {
  refresh: () => {
    refresh()
    revalidatePath('/reviews/settings')
  },
}

export const updateReviewScheduleAction = schoolAction(
  'review.edit',
  scheduleSchema,
  (input, ctx) => updateSchedule(db, ctx, input),
  refreshSettings,
)

export const addChecklistItemAction = schoolAction(
  'review.edit',
  addChecklistItemSchema,
  (input, ctx) => addChecklistItem(db, ctx, input),
  refreshSettings,
)

export const archiveChecklistItemAction = schoolAction(
  'review.edit',
  archiveChecklistItemSchema,
  (input, ctx) => setChecklistItemArchived(db, ctx, input, true),
  refreshSettings,
)

export const restoreChecklistItemAction = schoolAction(
  'review.edit',
  restoreChecklistItemSchema,
  (input, ctx) => setChecklistItemArchived(db, ctx, input, false),
  refreshSettings,
)

/** Starts the next review and opens it (a redirect from the server, so it works without JavaScript). */
export const startReviewAction = schoolAction(
  'review.edit',
  startReviewSchema,
  (_input, ctx) => startReview(db, ctx),
  {
    refresh: () => refresh(),
    redirect: (out) => `/reviews/${out.id}?saved=created`,
  },
)

export const saveReviewAnswersAction = schoolAction(
  'review.edit',
  saveAnswersSchema,
  (input, ctx) => saveAnswers(db, ctx, input),
  refreshReview,
)

export const addReviewActionAction = schoolAction(
  'review.edit',
  addActionSchema,
  (input, ctx) => addReviewAction(db, ctx, input),
  refreshReview,
)

export const setReviewActionDoneAction = schoolAction(
  'review.edit',
  setActionDoneSchema,
  (input, ctx) => setReviewActionDone(db, ctx, input),
  {
    refresh: () => {
      refresh()
      revalidatePath('/reviews/[id]', 'page')
    },
  },
)

export const considerChangesAction = schoolAction(
  'review.edit',
  considerSchema,
  (input, ctx) => considerChanges(db, ctx, { reviewId: input.reviewId, records: input['record[]'] }),
  refreshReview,
)

/** Submits the review, keeping beside each answer what the portal knows at this moment (hints.ts). */
export const submitReviewAction = schoolAction(
  'review.edit',
  submitReviewSchema,
  async (input, ctx) => {
    const now = new Date()
    const facts = await getReviewFactsFor(ctx.schoolId, input.reviewId, ctx.timeZone, now)
    return submitReview(db, ctx, input, now, facts)
  },
  refreshReview,
)

export const returnReviewAction = schoolAction(
  'review.signoff',
  returnReviewSchema,
  (input, ctx) => returnReview(db, ctx, input),
  refreshReview,
)

export const signOffReviewAction = schoolAction(
  'review.signoff',
  signOffSchema,
  (input, ctx) => signOffReview(db, ctx, input),
  refreshReview,
)

/** Starts a review from a trigger's proposal and opens it. */
export const startProposedReviewAction = schoolAction(
  'review.edit',
  startProposalSchema,
  (input, ctx) => startProposedReview(db, ctx, input),
  {
    refresh: () => refresh(),
    redirect: (out) => `/reviews/${out.id}?saved=created`,
  },
)

/** Dismisses a proposal with the reason no review is needed. */
export const dismissReviewProposalAction = schoolAction(
  'review.edit',
  dismissProposalSchema,
  (input, ctx) => dismissProposal(db, ctx, input),
  { refresh: () => refresh() },
)
