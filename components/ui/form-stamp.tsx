'use client'
import { createContext, type ReactNode, useContext } from 'react'

/*
 * Hidden fields that every form under the provider posts with its submit button, set once by a layout.
 * The portal uses it to stamp each form with the school it was built for, so that a form left open in
 * one tab cannot act in another school that was chosen meanwhile in a second tab.
 */
const StampContext = createContext<Record<string, string>>({})

export function FormStampProvider({
  fields,
  children,
}: {
  fields: Record<string, string>
  children: ReactNode
}) {
  return <StampContext.Provider value={fields}>{children}</StampContext.Provider>
}

/** The provider's hidden fields; SubmitButton renders it, so forms rarely need to. */
export function FormStamp() {
  const fields = useContext(StampContext)
  return (
    <>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  )
}
