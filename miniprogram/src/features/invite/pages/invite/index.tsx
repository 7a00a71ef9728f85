import { useShareAppMessage } from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import { Image } from '@/shared/ui/form-controls'
import { useEffect } from 'react'
import { fetchMyInvite, type MyInvite, posterCodeOf } from '@/features/invite/api'
import ActionButton from '@/shared/ui/action-button'
import ErrorView from '@/shared/ui/error-view'
import LoadingView from '@/shared/ui/loading-view'
import MemberGate from '@/features/membership/components/member-gate'
import { useMembership } from '@/features/membership/hooks/useMembership'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { useQuery } from '@/shared/hooks/useQuery'
import { IS_WEAPP } from '@/platform/wechat'
import { h5JoinUrl, joinPath, shareTitle } from '@/platform/share'
import './index.css'
import { copyText } from '@/platform/clipboard'
import { showShareMenuWithTicket } from '@/platform/page'

/** The poster's code: the 小程序码 in WeChat (or why there is none), a QR code of the H5 link in the browser. */
function PosterCode({ invite }: { invite: MyInvite }) {
  const code = posterCodeOf(invite)
  return (
    <View className='qy-my-invite__qr'>
      {'image' in code ? (
        <Image className='qy-my-invite__qr-image' src={code.image} mode='aspectFit' alt='邀请二维码' />
      ) : (
        <View className='qy-my-invite__qr-missing' role='status'>
          {code.reason}
        </View>
      )}
    </View>
  )
}

function copy(data: string, done: string) {
  void copyText(data, done)
}

/** 邀请好友: the member's own invite as a share card, a QR poster and a code; friends who join by it are theirs. */
export default function InvitePage() {
  const state = useMembership()
  const communityId = state.communityId ?? ''
  const active = state.membership?.status === 'ACTIVE'
  const h5Origin = IS_WEAPP || typeof window === 'undefined' ? null : window.location.origin
  const invite = useQuery(() => fetchMyInvite(communityId, h5Origin), [communityId], { enabled: active })
  usePageRefresh(async () => {
    await state.refresh()
    await invite.refresh()
  })
  const community = state.membership?.community

  useEffect(() => {
    if (IS_WEAPP) showShareMenuWithTicket()
  }, [])
  useShareAppMessage(() =>
    invite.data && community
      ? { title: `${state.membership?.nickname ?? '群友'}${shareTitle(community)}`, path: joinPath(invite.data.code) }
      : { title: '群友 · 社群会员服务', path: '/pages/index/index' },
  )

  return (
    <MemberGate state={state}>
      {(membership) => (
        <View className='qy-page qy-my-invite'>
          {invite.loading && <LoadingView />}
          {invite.error && <ErrorView message={invite.error.message} onRetry={invite.reload} />}
          {invite.data && (
            <>
              <View className='qy-card qy-my-invite__poster'>
                <View className='qy-my-invite__from'>{membership.nickname ?? '我'} 邀请你加入</View>
                <View className='qy-my-invite__community'>{membership.community.name}</View>
                <PosterCode invite={invite.data} />
                <View className='qy-muted'>{IS_WEAPP ? '长按保存海报，或直接分享给好友' : '扫码打开，或输入我的邀请码'}</View>
                <View className='qy-my-invite__code'>{invite.data.code}</View>
              </View>

              <View className='qy-my-invite__actions'>
                {IS_WEAPP ? (
                  <Button className='qy-my-invite__share' openType='share' hoverClass='is-pressed'>
                    分享给好友
                  </Button>
                ) : (
                  <ActionButton onClick={() => copy(h5JoinUrl(invite.data!.code), '邀请链接已复制')}>复制邀请链接</ActionButton>
                )}
                <ActionButton variant='secondary' onClick={() => copy(invite.data!.code, '邀请码已复制')}>
                  复制邀请码
                </ActionButton>
              </View>

              <View className='qy-card qy-my-invite__stats'>
                <View className='qy-my-invite__stat'>
                  <View className='qy-my-invite__stat-value'>{invite.data.invitedCount}</View>
                  <View className='qy-muted'>已邀请（人）</View>
                </View>
                <View className='qy-my-invite__stat'>
                  <View className='qy-my-invite__stat-value'>{invite.data.rewardedCount}</View>
                  <View className='qy-muted'>已获奖励（次）</View>
                </View>
              </View>
              <View className='qy-card qy-my-invite__rule'>
                {invite.data.referralPoints > 0
                  ? `好友通过你的邀请加入，并完成第一次签到后，你可获得 ${invite.data.referralPoints} 积分（每天奖励人数有上限）。`
                  : '好友通过你的邀请加入后，会记在你的邀请名下。'}
                {membership.community.joinPolicy === 'INVITE' && ' 本群为邀请制：只有成员的专属邀请才能加入。'}
              </View>
            </>
          )}
        </View>
      )}
    </MemberGate>
  )
}
