import type { ButtonHTMLAttributes } from 'react'

type Variant = 'primary' | 'secondary' | 'danger' | 'link'

const VARIANTS: Record<Variant, string> = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800 border border-brand-700',
  secondary: 'bg-white text-slate-900 border border-slate-400 hover:bg-slate-100',
  danger: 'bg-white text-red-800 border border-red-700 hover:bg-red-50',
  link: 'text-brand-700 underline underline-offset-2 hover:text-brand-800 px-0 py-0 border-0',
}

export function buttonClass(variant: Variant = 'primary', extra = ''): string {
  const base =
    variant === 'link'
      ? ''
      : 'inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-semibold min-h-10'
  return `${base} ${VARIANTS[variant]} disabled:opacity-60 disabled:cursor-not-allowed ${extra}`.trim()
}

export function Button({
  variant = 'primary',
  className = '',
  type = 'button',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button type={type} className={buttonClass(variant, className)} {...props} />
}
