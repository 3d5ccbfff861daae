'use client'
import { ArchiveRecord } from '@/components/catalogue/archive-record'
import { archiveServiceAction, restoreServiceAction } from '@/lib/services/actions'

/** Archive (saying first what it takes with it) or restore one service. */
export function ArchiveService(props: { id: string; version: number; name: string; archived: boolean }) {
  return (
    <ArchiveRecord {...props} what="service" archive={archiveServiceAction} restore={restoreServiceAction} />
  )
}
