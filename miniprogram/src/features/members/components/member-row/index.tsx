import { View } from '@tarojs/components'
import type { Member } from '@/features/membership/api'
import { STATUS_LABELS } from '@/features/membership/labels'
import { ANONYMOUS_NICKNAME } from '@/shared/format/profile'
import { formatDate } from '@/shared/format/format'
import Avatar from '@/shared/ui/avatar'
import RoleBadge from '@/features/membership/components/role-badge'
import './index.css'

const STATUS_TAG_CLASS = {
  APPLICANT: 'qy-tag--warning',
  ACTIVE: '',
  REMOVED: 'qy-tag--gray',
  BANNED: 'qy-tag--danger',
} as const

interface MemberRowProps {
  member: Member
  isSelf: boolean
  /** The member's tier, shown after the join date (the admin list). */
  tierName?: string
  /** Questionnaire tags; tapping one calls onTag (and not onClick). */
  tags?: readonly string[]
  onTag?: (tag: string) => void
  /** Shown at the end instead of ··· (e.g. 选择 in a picker). */
  actionLabel?: string
  onClick?: () => void
}

export default function MemberRow({ member, isSelf, tierName, tags, onTag, actionLabel, onClick }: MemberRowProps) {
  const nickname = member.nickname || ANONYMOUS_NICKNAME
  return (
    <View className='qy-member-row' hoverClass={onClick ? 'is-pressed' : 'none'} onClick={onClick}>
      <Avatar name={nickname} url={member.avatarUrl} size='small' />
      <View className='qy-member-row__body'>
        <View className='qy-member-row__name-line'>
          <View className='qy-member-row__name qy-ellipsis'>{nickname}</View>
          {isSelf && <View className='qy-member-row__self'>我</View>}
          <RoleBadge role={member.role} />
        </View>
        <View className='qy-member-row__meta'>
          {formatDate(member.joinedAt)} 加入 · {member.points} 积分{tierName ? ` · ${tierName}` : ''}
        </View>
        {!!tags?.length && (
          <View className='qy-member-row__tags'>
            {tags.map((tag) => (
              <View
                key={tag}
                className='qy-member-row__tag'
                ariaRole={onTag ? 'button' : undefined}
                ariaLabel={onTag ? `按标签「${tag}」筛选` : undefined}
                onClick={(event) => {
                  if (!onTag) return
                  event.stopPropagation()
                  onTag(tag)
                }}
              >
                {tag}
              </View>
            ))}
          </View>
        )}
      </View>
      {member.status !== 'ACTIVE' && (
        <View className={`qy-tag ${STATUS_TAG_CLASS[member.status]}`}>{STATUS_LABELS[member.status]}</View>
      )}
      {onClick &&
        (actionLabel ? (
          <View className='qy-member-row__action'>{actionLabel}</View>
        ) : (
          <View className='qy-member-row__more'>···</View>
        ))}
    </View>
  )
}
