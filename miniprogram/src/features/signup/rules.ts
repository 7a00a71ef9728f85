import type { SignupForm, SignupSubmission } from '@/features/signup/api'
import { formatDateTime } from '@/shared/format/format'

export type SignupFormPhase = 'open' | 'full' | 'waitlist' | 'closed'

/** Where a form stands now: closed by the admin or the deadline, full, full with a waitlist, open. */
export function signupFormPhase(form: Pick<SignupForm, 'status' | 'deadline' | 'capacity' | 'confirmedCount' | 'waitlist'>, now: number): SignupFormPhase {
  if (form.status === 'CLOSED' || (form.deadline && now >= Date.parse(form.deadline))) return 'closed'
  if (form.confirmedCount >= form.capacity) return form.waitlist ? 'waitlist' : 'full'
  return 'open'
}

export const SIGNUP_PHASE_LABELS: Record<SignupFormPhase, { text: string; tone: string }> = {
  open: { text: '报名中', tone: '' },
  waitlist: { text: '已满 · 可候补', tone: 'qy-tag--warning' },
  full: { text: '名额已满', tone: 'qy-tag--danger' },
  closed: { text: '已截止', tone: 'qy-tag--gray' },
}

/** "已报名 12/30" */
export function signupCountText(form: Pick<SignupForm, 'confirmedCount' | 'capacity'>): string {
  return `已报名 ${form.confirmedCount}/${form.capacity}`
}

export function deadlineText(deadline: string | null): string {
  return deadline ? `${formatDateTime(deadline)} 截止` : '不限截止时间'
}

/** "已报名" / "候补第 2 位" */
export function submissionStatusText(submission: Pick<SignupSubmission, 'status' | 'position'>): string {
  if (submission.status === 'WAITLISTED') return submission.position ? `候补第 ${submission.position} 位` : '候补中'
  return submission.status === 'CONFIRMED' ? '已报名' : '已取消'
}
