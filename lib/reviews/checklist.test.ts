import { describe, expect, it } from 'vitest'
import {
  type ChecklistItemLike,
  checklistProgress,
  portalHint,
  questionsFor,
  SECTIONS,
  STARTER_CHECKLIST,
} from './checklist'

const items: ChecklistItemLike[] = STARTER_CHECKLIST.map((s, i) => ({ ...s, id: `i${i}`, position: i }))

describe('the starter checklist', () => {
  it('holds the seeds: four up-to-date items, the five questions, one per FITS process, six preparation items', () => {
    const count = (s: string) => STARTER_CHECKLIST.filter((i) => i.section === s).length
    expect(count('KEEP_UP_TO_DATE')).toBe(4)
    expect(count('IMPROVE_PLAN')).toBe(5)
    expect(count('IMPROVE_COUNTERMEASURES')).toBe(10)
    expect(count('PREPARATION')).toBe(6)
    expect(STARTER_CHECKLIST.filter((i) => i.firstReviewOnly).every((i) => i.section === 'PREPARATION')).toBe(
      true,
    )
  })
})

describe('questions a review asks', () => {
  it('asks the preparation items on the first review only', () => {
    expect(questionsFor(items, true)).toHaveLength(25)
    expect(questionsFor(items, false)).toHaveLength(19)
    expect(questionsFor(items, false).some((i) => i.section === 'PREPARATION')).toBe(false)
  })

  it('orders by section, then position, whatever order they are stored in', () => {
    const own = {
      id: 'own',
      section: 'KEEP_UP_TO_DATE' as const,
      question: 'Our own',
      guidance: '',
      firstReviewOnly: false,
      position: 99,
    }
    const asked = questionsFor([...items].reverse().concat(own), false)
    expect(asked.map((i) => SECTIONS.indexOf(i.section))).toEqual(
      [...asked.map((i) => SECTIONS.indexOf(i.section))].sort((a, b) => a - b),
    )
    expect(asked[4]?.id).toBe('own')
    expect(asked[0]?.id).toBe('i0')
  })

  it('counts answers, and is complete only when every question is answered', () => {
    expect(checklistProgress([{ answer: 'YES' }, { answer: 'NO' }, { answer: null }])).toEqual({
      answered: 2,
      total: 3,
      no: 1,
      complete: false,
    })
    expect(checklistProgress([{ answer: 'NOT_APPLICABLE' }]).complete).toBe(true)
  })
})

describe('what the portal already knows', () => {
  const facts = {
    changed: { Asset: 2, AssetDependency: 1, Service: 1, Membership: 0 },
    services: 7,
    assets: 1,
    spofs: 3,
    standbysToCheck: 0,
  }
  const hint = (start: string) =>
    portalHint(STARTER_CHECKLIST.find((i) => i.question.startsWith(start))!.question, facts)
  it('says it beside the starter questions it knows about', () => {
    expect(hint('Asset changes')).toBe('3 assets or dependencies changed since the last review.')
    expect(hint('Service and service-level')).toBe('1 service or link changed since the last review.')
    expect(hint('Changes made through')).toMatch(/^4 records changed/)
    expect(hint('Personnel')).toBe('0 changes to people in the school since the last review.')
    expect(hint('Have you identified')).toBe('The catalogue holds 7 services and 1 asset.')
    expect(hint('Configuration management')).toBe('3 single points of failure to eliminate.')
    expect(hint('Availability management')).toBe('Every standby has been checked recently.')
  })
  it('says nothing for questions it knows nothing about, or the school’s own', () => {
    expect(hint('Are your contingency plans adequate')).toBeNull()
    expect(portalHint('Is the paper copy in the safe current?', facts)).toBeNull()
  })
})
