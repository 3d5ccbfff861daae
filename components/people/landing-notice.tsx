'use client'
import { useSearchParams } from 'next/navigation'
import { Notice } from '@/components/ui/notice'
import { landingNoticeText } from '@/lib/people/notices'

/** Says why the person landed here after changing their own role or leaving a school (?notice=...). */
export function LandingNotice({ schoolName, roleLabel }: { schoolName?: string; roleLabel?: string }) {
  const text = landingNoticeText(useSearchParams().get('notice'), { schoolName, roleLabel })
  return text ? <Notice tone="success">{text}</Notice> : null
}
