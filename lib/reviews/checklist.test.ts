import { describe, expect, it } from 'vitest'
import {
  type ChecklistItemLike,
  checklistProgress,
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

describe('starter keys', () => {
  it('gives every starter question its own stable key', () => {
    const keys = STARTER_CHECKLIST.map((i) => i.key)
    expect(new Set(keys).size).toBe(keys.length)
    for (const k of keys) expect(k).toMatch(/^(keep|improve|counter|prepare)\.[a-z-]+$/)
  })
})
