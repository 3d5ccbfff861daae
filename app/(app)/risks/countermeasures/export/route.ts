import { csvResponse, schoolRoute } from '@/lib/auth/route'
import { countermeasuresCsv } from '@/lib/risks/export'

export const GET = schoolRoute('risks.read', async (_req, ctx) =>
  csvResponse(await countermeasuresCsv(ctx.schoolId), 'countermeasures', ctx),
)
