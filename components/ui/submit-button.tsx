'use client'
import type { ButtonHTMLAttributes } from 'react'
import { useFormStatus } from 'react-dom'
import { Button } from './button'
import { FormStamp } from './form-stamp'

/**
 * A submit button that says it is working and cannot be pressed twice while the form is sending. It also
 * posts the hidden fields of the nearest FormStampProvider.
 */
export function SubmitButton({
  children,
  pendingText = 'Saving…',
  variant = 'primary',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  pendingText?: string
  variant?: 'primary' | 'secondary' | 'danger'
}) {
  const { pending } = useFormStatus()
  return (
    <>
      <FormStamp />
      <Button
        type="submit"
        variant={variant}
        {...props}
        disabled={pending || props.disabled}
        aria-disabled={pending || props.disabled}
      >
        {pending ? pendingText : children}
      </Button>
    </>
  )
}
