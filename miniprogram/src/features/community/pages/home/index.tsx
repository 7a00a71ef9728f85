import { useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import { View } from '@tarojs/components'
import { fetchMyMemberships, type Membership } from '@/features/membership/api'
import ActionButton from '@/shared/ui/action-button'
import ActivityEntries from '@/features/community/components/activity-entries'
import AnnouncementCard from '@/features/community/components/announcement-card'
import CheckInPanel from '@/features/checkin/components/check-in-panel'
import CommunityHero from '@/features/community/components/community-hero'
import CommunityList from '@/features/community/components/community-list'
import EconomyEntries from '@/features/community/components/economy-entries'
import EmptyView from '@/shared/ui/empty-view'
import EntryTile from '@/shared/ui/entry-tile'
import GroupCommunityChooser from '@/features/community/components/group-community-chooser'
import ErrorView from '@/shared/ui/error-view'
import LoadingView from '@/shared/ui/loading-view'
import LoginPanel from '@/features/session/components/login-panel'
import MemberCard from '@/features/membership/components/member-card'
import MessagesEntry from '@/features/notifications/components/messages-entry'
import NoticeBar from '@/shared/ui/notice-bar'
import PointsExpiryNotice from '@/features/points/components/expiry-notice'
import QuestionnaireCard from '@/features/questionnaire/components/questionnaire-card'
import { canWriteOff, isAdminRole } from '@/features/membership/labels'
import { useAuth } from '@/features/session/hooks/useAuth'
import { useCommunityShare } from '@/features/community/hooks/useCommunityShare'
import { useEntry } from '@/features/community/hooks/useEntry'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { useQuery } from '@/shared/hooks/useQuery'
import { useCurrentCommunityId } from '@/features/session/hooks/useSession'
import { setCurrentCommunityId } from '@/features/community/current-community'
import { IS_H5 } from '@/platform/wechat'
import { openPage, routes } from '@/shared/routes'
import { joinCodeFromParams } from '@/platform/share'
import { preloadSubscriptionTemplates } from '@/features/notifications/subscription'
import './index.css'
import { scrollToTop } from '@/platform/page'

const isListed = (membership: Membership) => membership.status === 'ACTIVE' || membership.status === 'APPLICANT'

function selectCommunity(communityId: string) {
  setCurrentCommunityId(communityId)
  scrollToTop()
}

export default function HomePage() {
  const { params } = useRouter()
  const joinCode = joinCodeFromParams(params)
  const { token, logout } = useAuth()
  const currentId = useCurrentCommunityId()

  const memberships = useQuery(fetchMyMemberships, [token], { enabled: token !== null })
  const entry = useEntry(token, joinCode, (joined) => {
    setCurrentCommunityId(joined.community.id)
    void memberships.refresh()
  })
  usePageRefresh(async () => {
    if (token) await memberships.refresh()
  })

  useEffect(() => {
    if (token) preloadSubscriptionTemplates()
  }, [token])

  const listed = (memberships.data ?? []).filter(isListed)
  const current = listed.find((membership) => membership.community.id === currentId) ?? listed[0] ?? null
  useCommunityShare(current?.community)

  if (!token) return <LoginPanel joinCode={joinCode} />
  if (memberships.error && !memberships.data) {
    return (
      <View className='qy-page'>
        <ErrorView message={memberships.error.message} onRetry={memberships.reload} />
      </View>
    )
  }
  if (!memberships.data || (entry.busy && !current)) {
    return (
      <View className='qy-page'>
        <LoadingView text={entry.busy ? '正在进入社群…' : undefined} />
      </View>
    )
  }

  const notice = entry.notice
  const bindTarget =
    notice?.bindableCommunityId ?? (notice?.groupNotBound && current && isAdminRole(current.role) ? current.community.id : null)

  return (
    <View className='qy-page qy-home'>
      {notice && (
        <NoticeBar
          tone={notice.tone}
          title={notice.title}
          description={notice.description}
          onClose={entry.dismissNotice}
          action={
            bindTarget ? (
              <ActionButton size='small' onClick={() => openPage(routes.adminCommunity(bindTarget))}>
                去绑定本群
              </ActionButton>
            ) : (
              notice.payJoinCode && (
                <ActionButton size='small' onClick={() => openPage(routes.entryFee(notice.payJoinCode!))}>
                  去支付
                </ActionButton>
              )
            )
          }
        />
      )}

      {entry.groupChoices && (
        <GroupCommunityChooser choices={entry.groupChoices} busy={entry.busy} onChoose={(id) => void entry.chooseCommunity(id)} />
      )}

      {current ? (
        <>
          {current.status === 'APPLICANT' && current.community.joinPolicy !== 'QUESTIONNAIRE' && !notice && (
            <NoticeBar tone='info' title='入群申请审核中' description='管理员审核通过后，就可以签到、攒积分、领福利啦。' />
          )}
          <CommunityHero community={current.community} />
          {current.status === 'APPLICANT' && current.community.joinPolicy === 'QUESTIONNAIRE' && (
            <QuestionnaireCard communityId={current.community.id} />
          )}
          <MemberCard
            member={current}
            onEditProfile={current.status === 'ACTIVE' ? () => openPage(routes.profile(current.community.id)) : undefined}
          />
          {current.status === 'ACTIVE' && (
            <>
              <PointsExpiryNotice key={`${current.community.id}:${current.points}`} communityId={current.community.id} />
              <CheckInPanel communityId={current.community.id} member={current} onCheckedIn={() => void memberships.refresh()} />
              <EconomyEntries communityId={current.community.id} />
            </>
          )}
          <View className='qy-entry-grid'>
            <MessagesEntry key={current.community.id} communityId={current.community.id} />
            {current.status === 'ACTIVE' && <ActivityEntries communityId={current.community.id} />}
            {current.status === 'ACTIVE' && canWriteOff(current.role) && (
              <EntryTile
                icon='核'
                color='#7d5cf3'
                title='核销'
                description='扫码核销优惠券'
                onClick={() => openPage(routes.adminWriteOff(current.community.id))}
              />
            )}
            {isAdminRole(current.role) && (
              <EntryTile
                icon='管'
                color='#1677ff'
                title='管理'
                description='成员、邀请与绑群'
                onClick={() => openPage(routes.adminCommunity(current.community.id))}
              />
            )}
            <EntryTile
              icon='建'
              color='#fa9d3b'
              title='创建社群'
              description='开通会员服务'
              onClick={() => openPage(routes.createCommunity)}
            />
          </View>
          <View className='qy-home__announcement'>
            <AnnouncementCard text={current.community.description} />
          </View>
          <View className='qy-section-title'>
            我的社群
            <View className='qy-section-title__extra'>共 {listed.length} 个</View>
          </View>
          <CommunityList memberships={listed} currentId={current.community.id} onSelect={selectCommunity} />
        </>
      ) : (
        <EmptyView
          icon='群'
          title='还没有加入社群'
          description='在微信群里点开「群友」小程序卡片，或打开管理员分享的邀请链接，就能加入对应的社群。'
        >
          <ActionButton onClick={() => openPage(routes.createCommunity)}>创建我的社群</ActionButton>
        </EmptyView>
      )}

      {IS_H5 && (
        <View className='qy-home__logout' onClick={() => void logout()}>
          退出登录
        </View>
      )}
    </View>
  )
}
