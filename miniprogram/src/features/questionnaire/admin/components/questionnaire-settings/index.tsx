import { View } from '@tarojs/components'
import { Input, Switch, Textarea } from '@/shared/ui/form-controls'
import FormField from '@/shared/ui/form-field'
import { QUESTIONNAIRE_INTRO_MAX, QUESTIONNAIRE_TITLE_MAX } from '@/features/questionnaire/labels'
import type { QuestionnaireForm, QuestionnaireFormErrors } from '@/features/questionnaire/admin/questionnaire-form'
import './index.css'

interface QuestionnaireSettingsProps {
  form: QuestionnaireForm
  errors: QuestionnaireFormErrors
  maxScore: number
  onChange: (form: QuestionnaireForm) => void
}

/** Title, intro, pass score, auto-approve and welcome points. */
export default function QuestionnaireSettings({ form, errors, maxScore, onChange }: QuestionnaireSettingsProps) {
  return (
    <View className='qy-card qy-q-settings'>
      <FormField label='问卷标题' required error={errors.title}>
        <Input className='qy-field__input' value={form.title} maxlength={QUESTIONNAIRE_TITLE_MAX} onInput={(event) => onChange({ ...form, title: event.detail.value })} />
      </FormField>
      <FormField label='问卷说明' hint='选填，显示在题目上方'>
        <Textarea
          className='qy-field__textarea qy-q-settings__intro'
          value={form.intro}
          maxlength={QUESTIONNAIRE_INTRO_MAX}
          placeholder='例如：为了维护群氛围，请先回答几个小问题～'
          onInput={(event) => onChange({ ...form, intro: event.detail.value })}
        />
      </FormField>
      <FormField label='及格分' required error={errors.passScore} hint={`按所选选项的分值累加，当前满分 ${maxScore} 分`}>
        <Input
          className='qy-field__input qy-q-settings__pass'
          type='number'
          value={form.passScore}
          onInput={(event) => onChange({ ...form, passScore: event.detail.value })}
        />
      </FormField>
      <View className='qy-q-settings__switch'>
        <View>
          <View className='qy-q-settings__switch-title'>达到及格分自动通过</View>
          <View className='qy-muted'>{form.autoApprove ? '及格即成为正式成员，不及格进入人工审核' : '所有申请都由管理员人工审核'}</View>
        </View>
        <Switch
          className='qy-q-settings__auto'
          label='达到及格分自动通过'
          checked={form.autoApprove}
          color='#07c160'
          onChange={(event) => onChange({ ...form, autoApprove: event.detail.value })}
        />
      </View>
      <FormField label='入群奖励积分' error={errors.welcomePoints} hint='通过后发放，0 表示不发'>
        <Input
          className='qy-field__input qy-q-settings__welcome'
          type='number'
          value={form.welcomePoints}
          onInput={(event) => onChange({ ...form, welcomePoints: event.detail.value })}
        />
      </FormField>
    </View>
  )
}
