'use client'
import { ArchiveRecord } from '@/components/catalogue/archive-record'
import { archivePlanAction, restorePlanAction } from '@/lib/contingency/actions'

/** Archive (saying first that its steps go with it) or restore one contingency plan. */
export function ArchivePlan(props: { id: string; version: number; name: string; archived: boolean }) {
  return <ArchiveRecord {...props} what="plan" archive={archivePlanAction} restore={restorePlanAction} />
}
