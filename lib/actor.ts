/**
 * Who makes a change, as mutations take it: the school it happens in and the signed-in user. Mutations
 * take it as an explicit argument and never read the session (SchoolContext satisfies it).
 */
export type Actor = { schoolId: string; userId: string }
