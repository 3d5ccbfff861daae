'use client'
import type { ButtonHTMLAttributes } from 'react'
import { useFormStatus } from 'react-dom'
import { Button } from './button'

/** A submit button that says it is working and cannot be pressed twice while the form is sending. */
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
    <Button
      type="submit"
      variant={variant}
      {...props}
      disabled={pending || props.disabled}
      aria-disabled={pending || props.disabled}
    >
      {pending ? pendingText : children}
    </Button>
  )
}
