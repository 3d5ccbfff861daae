'use client'
import { ArchiveRecord } from '@/components/catalogue/archive-record'
import { archiveAssetAction, restoreAssetAction } from '@/lib/assets/actions'

/** Archive (warning first when others depend on it) or restore one asset. */
export function ArchiveAsset(props: { id: string; version: number; name: string; archived: boolean }) {
  return <ArchiveRecord {...props} what="asset" archive={archiveAssetAction} restore={restoreAssetAction} />
}
