'use client'
import { ArchiveRecord } from '@/components/catalogue/archive-record'
import { archiveBackupAction, restoreBackupAction } from '@/lib/backups/actions'

/** Archive (it stops counting towards 3-2-1; its restore tests are kept) or restore one backup. */
export function ArchiveBackup(props: { id: string; version: number; name: string; archived: boolean }) {
  return (
    <ArchiveRecord {...props} what="backup" archive={archiveBackupAction} restore={restoreBackupAction} />
  )
}
