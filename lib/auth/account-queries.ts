import 'server-only'
import { db } from '@/lib/db'

/** What the "Your account" page shows about the signed-in person (their own login, any school). */
export async function getAccount(userId: string) {
  return db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true } })
}
