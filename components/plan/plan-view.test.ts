import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { type BuildRows, buildPlanSnapshot } from '@/lib/plan/build'
import { PlanView } from './plan-view'

const rows: BuildRows = {
  school: { id: 'school', name: 'Oak Primary', timeZone: 'Europe/London' },
  services: [
    { id: 'mis', name: 'MIS', criticality: 1, rtoMinutes: 240, rpoMinutes: 60, minServiceLevel: 'Registers' },
    { id: 'pay', name: 'Payroll', criticality: 1, rtoMinutes: 480, rpoMinutes: 60, minServiceLevel: '' },
  ],
  assets: [{ id: 'srv', name: 'MIS server', type: 'HARDWARE', location: '', supplier: '', contractRef: '' }],
  needs: [{ serviceId: 'mis', assetId: 'srv', required: true }],
  edges: [],
  plans: [
    {
      id: 'p',
      serviceId: 'mis',
      name: 'Server failure',
      strategy: 'FAST',
      description: '',
      manualWorkaround: 'Paper registers',
      invocationCriteria: '',
      standbySupplier: '',
      standbyContract: '',
      standbyContact: '',
      standbyHowToInvoke: '',
    },
  ],
  steps: [
    {
      id: 's1',
      planId: null,
      assetId: 'srv',
      position: 1,
      instruction: 'Rebuild the server',
      minutes: 360,
      roleId: 'tech',
      afterStepId: null,
    },
  ],
  roles: [{ id: 'tech', name: 'Technician', builtIn: null }],
  members: [
    {
      id: 'm',
      name: 'Tess Tech',
      jobTitle: '',
      mobile: '07700 900123',
      otherPhone: '',
      personalEmail: 'tess@example.org',
      outOfHoursNotes: '',
      fallbackContact: '',
      roleIds: ['tech'],
    },
  ],
  backups: [],
}
const snapshot = buildPlanSnapshot(rows, { version: 0, takenAt: new Date('2026-11-24T10:00:00Z') })
const html = (showContacts: boolean) =>
  renderToStaticMarkup(createElement(PlanView, { snapshot, showContacts }))

describe('PlanView', () => {
  it('marks an at-risk service in words, and prints the gaps first', () => {
    const page = html(true)
    expect(page).toContain('At risk: 6 hours against 4 hours')
    expect(page).toContain('Payroll is vital but has no contingency plan.')
    expect(page.indexOf('Gaps in this plan')).toBeLessThan(page.indexOf('id="plan-order"'))
    expect(page).toContain('Tess Tech')
    expect(page).toContain('07700 900123')
    expect(page).toContain('tess@example.org')
  })

  it('names people without their contacts when contacts are not allowed', () => {
    const page = html(false)
    expect(page).toContain('Tess Tech')
    expect(page).not.toContain('07700 900123')
    expect(page).not.toContain('tess@example.org')
    expect(page).toContain('Contact details are shown to the recovery team and the head teacher only.')
  })
})
