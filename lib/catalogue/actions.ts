'use server'
import { revalidatePath } from 'next/cache'
import { schoolAction } from '@/lib/auth/action'
import { db } from '@/lib/db'
import { z } from '@/lib/validation/zod'
import { loadStarterCatalogue } from './load-starter'

export const loadStarterCatalogueAction = schoolAction(
  'catalogue.edit',
  z.object({}),
  async (_input, ctx) => {
    const out = await loadStarterCatalogue(db, ctx)
    revalidatePath('/', 'layout')
    return out
  },
)
