'use client'
import { LongText, Text } from '@/components/forms/fields'

/** How to reach someone when the school's own phones and e-mail are down. */
export function ContactFields() {
  return (
    <fieldset className="mb-4">
      <legend className="text-base font-bold">Contact when the school is down</legend>
      <p className="mb-2 text-sm text-slate-600">
        Personal numbers and e-mail: the school&apos;s own phones and mail may be what has failed.
      </p>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Text name="mobile" label="Mobile" type="tel" autoComplete="off" inputMode="tel" />
        <Text name="otherPhone" label="Other phone" type="tel" autoComplete="off" inputMode="tel" />
      </div>
      <Text name="personalEmail" label="Personal e-mail" type="email" autoComplete="off" />
      <LongText
        name="outOfHoursNotes"
        label="Out-of-hours notes"
        hint="When and how best to reach them, how far away they live, keys they hold."
      />
      <Text name="fallbackContact" label="If they do not answer, call" hint="A name and number." />
    </fieldset>
  )
}
