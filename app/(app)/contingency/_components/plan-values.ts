import { penceToInput } from '@/lib/contingency/money'

type Stored = {
  name: string
  strategy: string
  description: string
  oneOffCostPence: number | null
  yearlyCostPence: number | null
  manualWorkaround: string
  invocationCriteria: string
  standbySupplier: string
  standbyContract: string
  standbyContact: string
  standbyHowToInvoke: string
  standbyInvokeCostPence: number | null
}

/** A stored plan as the strings its form shows (costs in pounds). */
export function toPlanValues(p: Stored): Record<string, string> {
  return {
    name: p.name,
    strategy: p.strategy,
    description: p.description,
    oneOffCost: penceToInput(p.oneOffCostPence),
    yearlyCost: penceToInput(p.yearlyCostPence),
    manualWorkaround: p.manualWorkaround,
    invocationCriteria: p.invocationCriteria,
    standbySupplier: p.standbySupplier,
    standbyContract: p.standbyContract,
    standbyContact: p.standbyContact,
    standbyHowToInvoke: p.standbyHowToInvoke,
    standbyInvokeCost: penceToInput(p.standbyInvokeCostPence),
  }
}
