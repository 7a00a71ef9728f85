import { Text, View } from '@tarojs/components'
import type { SignupForm } from '@/features/signup/api'
import { deadlineText, SIGNUP_PHASE_LABELS, signupFormPhase } from '@/features/signup/rules'
import './index.css'

/** Title, description and the numbers of a sign-up form. */
export default function SignupHeader({ form }: { form: SignupForm }) {
  const phase = SIGNUP_PHASE_LABELS[signupFormPhase(form, Date.now())]
  const left = Math.max(0, form.capacity - form.confirmedCount)
  return (
    <View className='qy-card qy-signup-header'>
      <View className='qy-signup-header__top'>
        <View className='qy-signup-header__title'>{form.title}</View>
        <View className={`qy-tag ${phase.tone}`}>{phase.text}</View>
      </View>
      {form.description && (
        <Text className='qy-signup-header__description' userSelect>
          {form.description}
        </Text>
      )}
      <View className='qy-signup-header__facts'>
        <View className='qy-signup-header__fact'>
          <View className='qy-signup-header__value'>
            {form.confirmedCount}
            <View className='qy-signup-header__of'>/{form.capacity}</View>
          </View>
          <View className='qy-muted'>已报名</View>
        </View>
        <View className='qy-signup-header__fact'>
          <View className='qy-signup-header__value'>{left}</View>
          <View className='qy-muted'>剩余名额</View>
        </View>
        {form.waitlist && (
          <View className='qy-signup-header__fact'>
            <View className='qy-signup-header__value'>{form.waitlistCount}</View>
            <View className='qy-muted'>候补</View>
          </View>
        )}
      </View>
      <View className={`qy-signup-header__deadline ${form.deadline ? '' : 'is-open-ended'}`}>{deadlineText(form.deadline)}</View>
    </View>
  )
}
