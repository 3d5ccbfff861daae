import { csvResponse, schoolRoute } from '@/lib/auth/route'
import { risksCsv } from '@/lib/risks/export'

export const GET = schoolRoute('risks.read', async (_req, ctx) =>
  csvResponse(await risksCsv(ctx.schoolId), 'risks', ctx),
)
