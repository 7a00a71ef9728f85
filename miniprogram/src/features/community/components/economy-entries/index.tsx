import { View } from '@tarojs/components'
import { openPage, routes } from '@/shared/routes'
import EntryTile from '@/shared/ui/entry-tile'

/** The member's points and coupons shortcuts on the home page. */
export default function EconomyEntries({ communityId }: { communityId: string }) {
  const entries = [
    { icon: '历', color: '#07c160', title: '签到日历', url: routes.checkInCalendar(communityId) },
    { icon: '积', color: '#fa9d3b', title: '积分明细', url: routes.pointsLedger(communityId) },
    { icon: '兑', color: '#f25c7a', title: '积分商城', url: routes.couponShop(communityId) },
    { icon: '券', color: '#10aeff', title: '我的优惠券', url: routes.myCoupons(communityId) },
    { icon: '邀', color: '#7b61ff', title: '邀请好友', url: routes.invite(communityId) },
  ]
  return (
    <View className='qy-entry-grid qy-entry-grid--compact'>
      {entries.map((entry) => (
        <EntryTile key={entry.title} compact icon={entry.icon} color={entry.color} title={entry.title} onClick={() => openPage(entry.url)} />
      ))}
    </View>
  )
}
