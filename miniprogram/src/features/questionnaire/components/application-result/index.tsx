import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.css'

export type ApplicationResultKind = 'approved' | 'member' | 'pending' | 'rejected'

interface ApplicationResultProps {
  kind: ApplicationResultKind
  communityName: string
  welcomePoints?: number
  rejectReason?: string | null
  /** the buttons */
  children: ReactNode
}

const ICONS: Record<ApplicationResultKind, string> = { approved: '✓', member: '✓', pending: '…', rejected: '!' }

/** After the questionnaire: 欢迎加入 / 待审核 (the score stays with the admins) / 未通过 with the reason. */
export default function ApplicationResult({ kind, communityName, welcomePoints = 0, rejectReason, children }: ApplicationResultProps) {
  return (
    <View className={`qy-card qy-app-result qy-app-result--${kind}`}>
      <View className='qy-app-result__icon'>{ICONS[kind]}</View>
      {kind === 'approved' && (
        <>
          <View className='qy-app-result__title'>欢迎加入</View>
          <View className='qy-app-result__community'>{communityName}</View>
          <View className='qy-app-result__text'>问卷已通过，你已成为正式成员，每天签到攒积分、兑换福利吧。</View>
          {welcomePoints > 0 && <View className='qy-app-result__points'>入群奖励 +{welcomePoints} 积分已到账</View>}
        </>
      )}
      {kind === 'member' && (
        <>
          <View className='qy-app-result__title'>你已是正式成员</View>
          <View className='qy-app-result__community'>{communityName}</View>
        </>
      )}
      {kind === 'pending' && (
        <>
          <View className='qy-app-result__title'>待审核</View>
          <View className='qy-app-result__text'>问卷已提交。管理员审核通过后，你就是「{communityName}」的正式成员了，回到首页即可查看。</View>
        </>
      )}
      {kind === 'rejected' && (
        <>
          <View className='qy-app-result__title'>申请未通过</View>
          <View className='qy-app-result__reason'>
            <View className='qy-app-result__reason-label'>管理员留言</View>
            {rejectReason || '未填写原因'}
          </View>
          <View className='qy-app-result__text'>可以修改回答后重新提交申请。</View>
        </>
      )}
      <View className='qy-app-result__actions'>{children}</View>
    </View>
  )
}
