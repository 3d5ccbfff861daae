import { sessionState } from './session'

export const getSchoolContext = async () => sessionState.ctx
export const getSessionUserId = async () => sessionState.ctx?.userId ?? null
export const requireSchoolContext = async () => sessionState.ctx
