'use client'
import { createContext, type RefObject, useContext } from 'react'
import type { FormValues } from '@/lib/result'

export type FormContextValue = {
  values: FormValues
  errors: (name: string) => string[] | undefined
  formRef: RefObject<HTMLFormElement | null>
  /** Prefix of the fields' element ids ("f" unless the page has several forms with the same fields). */
  idPrefix: string
}

export const FormContext = createContext<FormContextValue | null>(null)

/** The values and errors of the ActionForm around a field. */
export function useFormContext(): FormContextValue {
  const ctx = useContext(FormContext)
  if (!ctx) throw new Error('A form field must sit inside <ActionForm>.')
  return ctx
}
