import { View } from '@tarojs/components'
import AdminGate from '@/admin/components/admin-gate'
import GroupBindingCard from '@/admin/components/group-binding-card'
import InviteCard from '@/admin/components/invite-card'
import NavRow from '@/admin/components/nav-row'
import { useAdminCommunity } from '@/admin/hooks/useAdminCommunity'
import { useGroupBinding } from '@/admin/hooks/useGroupBinding'
import RoleBadge from '@/components/role-badge'
import { categoryLabel, joinPolicyLabel } from '@/constants/community'
import { useCommunityShare } from '@/hooks/useCommunityShare'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { openPage, routes } from '@/utils/routes'
import './index.css'

export default function AdminCommunityPage() {
  const admin = useAdminCommunity()
  const community = admin.isAdmin ? admin.membership?.community : null
  useCommunityShare(community)
  usePageRefresh(admin.refresh)
  const groupBinding = useGroupBinding(admin.communityId, (updated) =>
    admin.setData((membership) => membership && { ...membership, community: updated }),
  )

  return (
    <AdminGate admin={admin}>
      {({ community: { id, name, category, joinPolicy, memberCount, joinCode, boundGroupCount }, role }) => (
        <View className='qy-page'>
          <View className='qy-card qy-admin-overview'>
            <View className='qy-admin-overview__head'>
              <View className='qy-admin-overview__name'>{name}</View>
              <RoleBadge role={role} />
            </View>
            <View className='qy-admin-overview__tags'>
              <View className='qy-tag'>{categoryLabel(category)}</View>
              <View className='qy-tag qy-tag--gray'>{joinPolicyLabel(joinPolicy)}</View>
            </View>
            <View className='qy-admin-overview__stats'>
              <View className='qy-admin-overview__stat'>
                <View className='qy-admin-overview__stat-value'>{memberCount}</View>
                <View className='qy-muted'>成员</View>
              </View>
              <View className='qy-admin-overview__stat'>
                <View className='qy-admin-overview__stat-value'>{boundGroupCount}</View>
                <View className='qy-muted'>绑定群</View>
              </View>
            </View>
          </View>

          <NavRow title='成员管理' value={`${memberCount} 人`} onClick={() => openPage(routes.adminMembers(id))} />

          <InviteCard community={{ joinCode }} />

          <GroupBindingCard
            boundGroupCount={boundGroupCount}
            openedFromGroup={groupBinding.openedFromGroup}
            binding={groupBinding.binding}
            onBind={() => void groupBinding.bind()}
          />
        </View>
      )}
    </AdminGate>
  )
}
