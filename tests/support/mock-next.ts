import { sessionState } from './session'

export const revalidatePath = () => {}
export const revalidateTag = () => {}
export const cookies = async () => ({
  get: (k: string) =>
    sessionState.cookies.has(k) ? { name: k, value: sessionState.cookies.get(k) } : undefined,
  set: (k: string, v: string) => sessionState.cookies.set(k, v),
})
export const headers = async () => new Headers()
