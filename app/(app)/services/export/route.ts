import { csvResponse, schoolRoute } from '@/lib/auth/route'
import { servicesCsv } from '@/lib/services/export'

export const GET = schoolRoute('catalogue.read', async (_req, ctx) =>
  csvResponse(await servicesCsv(ctx.schoolId), 'services', ctx),
)
