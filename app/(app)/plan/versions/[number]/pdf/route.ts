import { can } from '@/lib/auth/permissions'
import { schoolRoute } from '@/lib/auth/route'
import { renderPlanPdf } from '@/lib/pdf/plan'
import { getPlanVersionForPdf } from '@/lib/pdf/queries'
import { pdfResponse, portalOrigin, versionNumber } from '@/lib/pdf/response'

/**
 * The full PDF of one published version (issue 11, item 5). Everyone who reads the plan may download
 * it; the team's phones and personal details only with plan.contacts (a governor's copy says they are
 * left out). Another school's version, or a number that does not exist, is not found.
 */
export async function GET(req: Request, { params }: { params: Promise<{ number: string }> }) {
  const { number } = await params
  return schoolRoute('plan.read', async (request, ctx) => {
    const n = versionNumber(number)
    const version =
      n === null
        ? null
        : await getPlanVersionForPdf(ctx.schoolId, n, portalOrigin(request), {
            approvedOnly: !can(ctx.role, 'plan.draft'),
          })
    if (!version) return new Response('Not found.', { status: 404 })
    const pdf = await renderPlanPdf(version.snapshot, version.stamp, {
      contacts: can(ctx.role, 'plan.contacts'),
    })
    return pdfResponse(pdf, `recovery-plan-v${version.stamp.version}.pdf`)
  })(req)
}
