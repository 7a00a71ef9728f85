import { View } from '@tarojs/components'
import type { Membership } from '@/features/membership/api'
import { STATUS_LABELS } from '@/features/membership/labels'
import { ANONYMOUS_NICKNAME } from '@/shared/format/profile'
import { formatDate } from '@/shared/format/format'
import Avatar from '@/shared/ui/avatar'
import RoleBadge from '@/features/membership/components/role-badge'
import TierProgress from '@/features/membership/components/tier-progress'
import './index.css'

type MemberCardProps = {
  member: Pick<
    Membership,
    | 'nickname'
    | 'avatarUrl'
    | 'role'
    | 'status'
    | 'points'
    | 'lifetimePoints'
    | 'streak'
    | 'joinedAt'
    | 'tier'
    | 'nextTier'
    | 'pointsToNextTier'
  >
  /** 编辑资料: the avatar and nickname (active members). */
  onEditProfile?: () => void
}

export default function MemberCard({ member, onEditProfile }: MemberCardProps) {
  const nickname = member.nickname || ANONYMOUS_NICKNAME
  return (
    <View className='qy-member-card'>
      <View className='qy-member-card__glow' />
      <View className='qy-member-card__head'>
        <Avatar name={nickname} url={member.avatarUrl} size='large' className='qy-member-card__avatar' />
        <View className='qy-member-card__who'>
          <View className='qy-member-card__name-row'>
            <View className='qy-member-card__nickname qy-ellipsis'>{nickname}</View>
            <RoleBadge role={member.role} inverse />
          </View>
          <View className='qy-member-card__since qy-ellipsis'>会员卡 · {formatDate(member.joinedAt)} 加入</View>
        </View>
        {onEditProfile && (
          <View className='qy-member-card__edit' role='button' onClick={onEditProfile}>
            编辑资料
          </View>
        )}
      </View>

      <View className='qy-member-card__points'>
        <View className='qy-member-card__points-head'>
          <View className='qy-member-card__label'>我的积分</View>
          <View className='qy-member-card__tier'>{member.tier.name}</View>
        </View>
        <View className='qy-member-card__value qy-member-card__points-value'>{member.points}</View>
        <TierProgress
          tier={member.tier}
          nextTier={member.nextTier}
          pointsToNextTier={member.pointsToNextTier}
          lifetimePoints={member.lifetimePoints}
        />
      </View>

      <View className='qy-member-card__foot'>
        <View className='qy-member-card__chip'>连续签到 {member.streak} 天</View>
        <View className='qy-member-card__chip'>累计获得 {member.lifetimePoints} 积分</View>
        {member.status === 'APPLICANT' && (
          <View className='qy-member-card__chip qy-member-card__chip--pending'>{STATUS_LABELS.APPLICANT}</View>
        )}
      </View>
    </View>
  )
}
