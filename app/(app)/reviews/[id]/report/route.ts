import { schoolRoute } from '@/lib/auth/route'
import { getReviewReport } from '@/lib/pdf/queries'
import { pdfResponse } from '@/lib/pdf/response'
import { renderReviewReport } from '@/lib/pdf/review'

/**
 * A signed-off review as a PDF for governors (issue 12, item 6). A review that is not signed off has no
 * report (not found), nor has another school's.
 */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  return schoolRoute('review.read', async (_request, ctx) => {
    const report = await getReviewReport(ctx.schoolId, id, ctx.timeZone)
    if (!report) return new Response('Not found.', { status: 404 })
    const pdf = await renderReviewReport(report)
    return pdfResponse(pdf, `review-${report.review.number}-report.pdf`)
  })(req)
}
