import type { ButtonHTMLAttributes } from 'react'

type Variant = 'primary' | 'secondary' | 'danger' | 'link'

// The looks live in globals.css (`btn`, `btn-primary`...): a page has dozens of buttons and links styled as
// buttons, and one short class each keeps every page's HTML small. `extra` utilities still win over them.
const VARIANTS: Record<Variant, string> = {
  primary: 'btn btn-primary',
  secondary: 'btn btn-secondary',
  danger: 'btn btn-danger',
  link: 'btn-link',
}

export function buttonClass(variant: Variant = 'primary', extra = ''): string {
  return `${VARIANTS[variant]} ${extra}`.trim()
}

export function Button({
  variant = 'primary',
  className = '',
  type = 'button',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button type={type} className={buttonClass(variant, className)} {...props} />
}
