import type { AssetFormValues } from './asset-form'

/** A stored asset as the strings its form posts (dates as yyyy-mm-dd, stored at midday UTC). */
export function assetFormValues(a: {
  name: string
  type: string
  location: string
  specification: string
  supplier: string
  contractRef: string
  standbyAssetId: string | null
  standbyArrangement: string
  standbyVerifiedAt: Date | null
}): AssetFormValues {
  return {
    name: a.name,
    type: a.type,
    location: a.location,
    specification: a.specification,
    supplier: a.supplier,
    contractRef: a.contractRef,
    standbyAssetId: a.standbyAssetId ?? '',
    standbyArrangement: a.standbyArrangement,
    standbyVerifiedAt: a.standbyVerifiedAt ? a.standbyVerifiedAt.toISOString().slice(0, 10) : '',
  }
}
