import { ASSET_CSV_COLUMNS, ASSET_CSV_TEMPLATE_ROWS } from '@/lib/assets/csv'
import { csvResponse, schoolRoute } from '@/lib/auth/route'
import { toCsv } from '@/lib/csv'

export const GET = schoolRoute('catalogue.edit', async (_req, ctx) =>
  csvResponse(toCsv([...ASSET_CSV_COLUMNS], ASSET_CSV_TEMPLATE_ROWS), 'asset-register-template', ctx),
)
