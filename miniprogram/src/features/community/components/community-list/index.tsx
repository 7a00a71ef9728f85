import { View } from '@tarojs/components'
import type { Membership } from '@/features/membership/api'
import { categoryLabel } from '@/features/community/labels'
import { STATUS_LABELS } from '@/features/membership/labels'
import Avatar from '@/shared/ui/avatar'
import RoleBadge from '@/features/membership/components/role-badge'
import './index.css'

interface CommunityListProps {
  memberships: Membership[]
  currentId: string | null
  onSelect: (communityId: string) => void
}

/** 我的社群: tap one to make it the current community. */
export default function CommunityList({ memberships, currentId, onSelect }: CommunityListProps) {
  return (
    <View className='qy-card qy-community-list'>
      {memberships.map(({ community, role, status }) => {
        const current = community.id === currentId
        return (
          <View
            key={community.id}
            className={`qy-community-list__item ${current ? 'is-current' : ''}`}
            hoverClass='is-pressed'
            onClick={() => onSelect(community.id)}
          >
            <Avatar name={community.name} size='small' />
            <View className='qy-community-list__body'>
              <View className='qy-community-list__name qy-ellipsis'>{community.name}</View>
              <View className='qy-community-list__meta'>
                {categoryLabel(community.category)} · {community.memberCount} 位成员
              </View>
            </View>
            {status === 'APPLICANT' ? (
              <View className='qy-tag qy-tag--warning'>{STATUS_LABELS.APPLICANT}</View>
            ) : (
              <RoleBadge role={role} />
            )}
            {current && <View className='qy-community-list__current'>当前</View>}
          </View>
        )
      })}
    </View>
  )
}
