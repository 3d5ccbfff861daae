'use client'
import { useSearchParams } from 'next/navigation'
import { type FormEvent, type ReactNode, useRef, useState } from 'react'
import { Notice } from '@/components/ui/notice'
import { FormContext } from './form-context'
import { StaleMerge, unresolvedConflict } from './stale-merge'
import type { ActionForm as Form } from './use-action-form'

/**
 * The outcome of the last submit, for a hook whose forms are laid out by hand (one hook behind a button
 * on each row of a list): the failure, or the success message.
 */
export function FormOutcome<T, K extends string>({
  form,
  failureTitle,
}: {
  form: Form<T, K>
  failureTitle: string
}) {
  if (form.failure)
    return (
      <Notice tone={form.confirming ? 'warning' : 'error'} title={failureTitle}>
        {form.failure.message}
      </Notice>
    )
  return form.saved ? <Notice tone="success" title={form.saved} /> : null
}

/**
 * A form driven by useActionForm: it re-mounts on every result so each control shows what the person
 * entered, says what went wrong (or that it saved) above the fields, shows the field-by-field merge after
 * a stale save, asks before a change with consequences (NEEDS_CONFIRMATION posts confirm=yes next time),
 * and posts the version the record was read at.
 */
export function ActionForm<T, K extends string>({
  form,
  children,
  failureTitle,
  confirmTitle = 'Before you go on',
  className,
  showSaved = true,
  createdMessage,
  idPrefix = 'f',
  'aria-label': ariaLabel,
}: {
  form: Form<T, K>
  children: ReactNode
  /** "The service was not saved" */
  failureTitle: string
  confirmTitle?: string
  className?: string
  showSaved?: boolean
  /** Shown on a record's page when a create action opened it (`?saved=created`). */
  createdMessage?: string
  /**
   * Prefix of the fields' ids (default "f": `f-name`). A page that shows the same form more than once,
   * or two forms with a field of the same name, gives each its own so every label finds its field.
   */
  idPrefix?: string
  'aria-label'?: string
}) {
  const ref = useRef<HTMLFormElement>(null)
  const [unchosen, setUnchosen] = useState(false)
  const created = useSearchParams().get('saved') === 'created' && form.result === null
  const f = form.failure
  function guard(e: FormEvent<HTMLFormElement>) {
    // Both changed a field: the person must say whose value to keep before saving again.
    const radio = unresolvedConflict(e.currentTarget, form)
    setUnchosen(Boolean(radio))
    if (radio) {
      e.preventDefault()
      radio.focus()
    }
  }
  return (
    <FormContext.Provider
      value={{
        values: form.values as Record<string, string>,
        errors: form.errors as never,
        formRef: ref,
        idPrefix,
      }}
    >
      <form
        ref={ref}
        key={form.key}
        action={form.action}
        onSubmit={guard}
        noValidate
        className={className}
        aria-label={ariaLabel}
      >
        {f?.reason === 'STALE' && form.stale?.showing ? (
          <StaleMerge form={form} unchosen={unchosen} onChoose={() => setUnchosen(false)} />
        ) : f?.reason === 'NEEDS_CONFIRMATION' ? (
          <Notice tone="warning" title={confirmTitle}>
            {f.message}
          </Notice>
        ) : f ? (
          <Notice tone="error" title={failureTitle}>
            {f.message}
          </Notice>
        ) : null}
        {showSaved && form.saved && <Notice tone="success" title={form.saved} />}
        {created && createdMessage && <Notice tone="success" title={createdMessage} />}
        {form.confirming && <input type="hidden" name="confirm" value="yes" />}
        {form.version !== undefined && <input type="hidden" name="version" value={form.version} />}
        {children}
      </form>
    </FormContext.Provider>
  )
}
