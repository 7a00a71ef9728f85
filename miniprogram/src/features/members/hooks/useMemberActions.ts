import { errorResultMessage, isErrorResult, messageOf } from '@/shared/graphql/errors'
import type { MemberActionResult } from '@/features/members/api'
import type { Member, MemberRole } from '@/features/membership/api'
import { banMember, removeMember, setMemberRole } from '@/features/members/api'
import { ROLE_LABELS } from '@/features/membership/labels'
import { ANONYMOUS_NICKNAME } from '@/shared/format/profile'
import { alertMessage, confirmAction, toastSuccess } from '@/platform/feedback'
import { chooseAction } from '@/platform/feedback'

interface MemberAction {
  label: string
  confirm: { title: string; content: string; confirmText: string; danger?: boolean }
  run: () => Promise<MemberActionResult>
  done: string
}

const ASSIGNABLE_ROLES: MemberRole[] = ['ADMIN', 'STAFF', 'MEMBER']

const ROLE_HINTS: Record<MemberRole, string> = {
  OWNER: '',
  ADMIN: '管理员可以管理成员、发布活动和福利。',
  STAFF: '核销员只能核销优惠券。',
  MEMBER: '将取消 TA 的管理权限。',
}

function actionsFor(communityId: string, member: Member): MemberAction[] {
  const name = member.nickname || ANONYMOUS_NICKNAME
  const actions: MemberAction[] = []
  if (member.status === 'ACTIVE') {
    for (const role of ASSIGNABLE_ROLES.filter((candidate) => candidate !== member.role)) {
      actions.push({
        label: `设为${ROLE_LABELS[role]}`,
        confirm: { title: `设为${ROLE_LABELS[role]}`, content: `确定把「${name}」设为${ROLE_LABELS[role]}吗？${ROLE_HINTS[role]}`, confirmText: '确定' },
        run: () => setMemberRole(communityId, member.id, role),
        done: `已设为${ROLE_LABELS[role]}`,
      })
    }
  }
  if (member.status === 'ACTIVE' || member.status === 'APPLICANT') {
    actions.push({
      label: '移出社群',
      confirm: { title: '移出社群', content: `「${name}」将被移出社群，之后仍可通过邀请重新加入。`, confirmText: '移出', danger: true },
      run: () => removeMember(communityId, member.id),
      done: '已移出社群',
    })
  }
  if (member.status !== 'BANNED') {
    actions.push({
      label: '拉黑',
      confirm: { title: '拉黑成员', content: `拉黑后「${name}」将被移出，并且无法再加入本社群。`, confirmText: '拉黑', danger: true },
      run: () => banMember(communityId, member.id),
      done: '已拉黑',
    })
  }
  return actions
}

/** Whether a row opens the action sheet: nobody acts on the owner or on themselves. */
export function canManage(member: Member, selfId: string): boolean {
  return member.role !== 'OWNER' && member.id !== selfId && member.status !== 'BANNED'
}

/** Action sheet → confirmation → mutation → the result's message. */
export function useMemberActions(communityId: string, onChanged: () => void) {
  return async (member: Member) => {
    const actions = actionsFor(communityId, member)
    if (actions.length === 0) return
    const tapIndex = await chooseAction(actions.map((action) => action.label))
    if (tapIndex === null) return // the sheet was dismissed
    const picked: MemberAction = actions[tapIndex]
    if (!picked || !(await confirmAction(picked.confirm))) return
    try {
      const result = await picked.run()
      if (isErrorResult(result)) {
        void alertMessage(errorResultMessage(result), '操作未完成')
        return
      }
      toastSuccess(picked.done)
      onChanged()
    } catch (caught) {
      void alertMessage(messageOf(caught), '操作失败')
    }
  }
}
