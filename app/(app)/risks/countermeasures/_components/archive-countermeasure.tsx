'use client'
import { ArchiveRecord } from '@/components/catalogue/archive-record'
import { archiveCountermeasureAction, restoreCountermeasureAction } from '@/lib/risks/actions'

export function ArchiveCountermeasure(props: {
  id: string
  version: number
  name: string
  archived: boolean
}) {
  return (
    <ArchiveRecord
      {...props}
      what="countermeasure"
      archive={archiveCountermeasureAction}
      restore={restoreCountermeasureAction}
    />
  )
}
