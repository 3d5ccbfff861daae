'use server'
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { schoolAction } from '@/lib/auth/action'
import { db } from '@/lib/db'
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
