import { can } from '@/lib/auth/permissions'
import { schoolRoute } from '@/lib/auth/route'
import { renderMemberPack } from '@/lib/pdf/member-pack'
import { getOwnTeamMemberId, getPlanVersionForPdf } from '@/lib/pdf/queries'
import { pdfResponse, portalOrigin, versionNumber } from '@/lib/pdf/response'

/**
 * A team member's own pack of one version (issue 11, item 5): the signed-in person's team member record
 * (through their membership). The manager (plan.publish) may ask for anyone's with `?member=<id>`.
 * Anyone else, a person with no team record, or a member not on that version: not found.
 */
export async function GET(req: Request, { params }: { params: Promise<{ number: string }> }) {
  const { number } = await params
  return schoolRoute('plan.read', async (request, ctx) => {
    const notFound = new Response('Not found.', { status: 404 })
    const asked = new URL(request.url).searchParams.get('member')
    let memberId: string | null
    if (asked !== null) {
      if (!can(ctx.role, 'plan.publish')) return notFound
      memberId = asked
    } else {
      if (!can(ctx.role, 'plan.acknowledge') && !can(ctx.role, 'assignments.read-own')) return notFound
      memberId = await getOwnTeamMemberId(ctx.schoolId, ctx.userId)
    }
    const n = versionNumber(number)
    if (!memberId || n === null) return notFound
    const version = await getPlanVersionForPdf(ctx.schoolId, n, portalOrigin(request), {
      approvedOnly: !can(ctx.role, 'plan.draft'),
    })
    if (!version) return notFound
    const pdf = await renderMemberPack(version.snapshot, memberId, version.stamp)
    if (!pdf) return notFound
    return pdfResponse(pdf, `recovery-pack-v${version.stamp.version}.pdf`)
  })(req)
}
