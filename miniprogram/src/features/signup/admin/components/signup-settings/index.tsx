import { View } from '@tarojs/components'
import { Input, Switch, Textarea } from '@/shared/ui/form-controls'
import FormField from '@/shared/ui/form-field'
import { SIGNUP_DESCRIPTION_MAX, SIGNUP_TITLE_MAX } from '@/features/signup/labels'
import type { SignupEditErrors, SignupEditForm } from '@/features/signup/admin/signup-form'
import DateTimePicker from '@/shared/ui/datetime-picker'
import './index.css'

interface SignupSettingsProps {
  form: SignupEditForm
  errors: SignupEditErrors
  onChange: (form: SignupEditForm) => void
}

/** Title, description, capacity, waitlist and deadline of a sign-up form. */
export default function SignupSettings({ form, errors, onChange }: SignupSettingsProps) {
  return (
    <View className='qy-card qy-signup-settings'>
      <FormField label='活动名称' required error={errors.title} counter={`${form.title.trim().length}/${SIGNUP_TITLE_MAX}`}>
        <Input
          className='qy-field__input qy-signup-settings__title'
          value={form.title}
          maxlength={SIGNUP_TITLE_MAX}
          placeholder='例如：周六烘焙体验课'
          onInput={(event) => onChange({ ...form, title: event.detail.value })}
        />
      </FormField>
      <FormField label='活动介绍' error={errors.description} counter={`${form.description.length}/${SIGNUP_DESCRIPTION_MAX}`}>
        <Textarea
          className='qy-field__textarea qy-signup-settings__description'
          value={form.description}
          maxlength={SIGNUP_DESCRIPTION_MAX}
          placeholder='时间、地点、费用、注意事项……'
          onInput={(event) => onChange({ ...form, description: event.detail.value })}
        />
      </FormField>
      <FormField label='名额（人）' required error={errors.capacity}>
        <Input
          className='qy-field__input qy-signup-settings__capacity'
          type='number'
          value={form.capacity}
          placeholder='例如 20'
          onInput={(event) => onChange({ ...form, capacity: event.detail.value })}
        />
      </FormField>
      <View className='qy-signup-settings__switch'>
        <View>
          <View className='qy-signup-settings__switch-title'>名额满后允许候补</View>
          <View className='qy-muted'>有人取消时，按候补顺序自动补上</View>
        </View>
        <Switch label='名额满后允许候补' checked={form.waitlist} color='#07c160' onChange={(event) => onChange({ ...form, waitlist: event.detail.value })} />
      </View>
      <FormField label='报名截止时间' error={errors.deadline} hint='不设置则一直开放，直到手动截止'>
        <DateTimePicker
          value={form.deadline}
          onChange={(deadline) => onChange({ ...form, deadline })}
          onClear={() => onChange({ ...form, deadline: { date: '', time: '' } })}
        />
      </FormField>
    </View>
  )
}
