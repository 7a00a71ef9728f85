import { View } from '@tarojs/components'
import type { ApplicationSubmitted, Questionnaire } from '@/features/questionnaire/api'
import { useApplicationForm } from '@/features/questionnaire/hooks/useApplicationForm'
import type { QuestionnaireDraft } from '@/features/questionnaire/answers'
import ActionButton from '@/shared/ui/action-button'
import QuestionField from '@/features/questionnaire/components/question-field'
import './index.css'

interface QuestionnaireFormProps {
  communityId: string
  communityName: string
  questionnaire: Questionnaire
  initialDraft: QuestionnaireDraft
  onSubmitted: (submitted: ApplicationSubmitted) => void
}

export default function QuestionnaireForm({ communityId, communityName, questionnaire, initialDraft, onSubmitted }: QuestionnaireFormProps) {
  const form = useApplicationForm(communityId, questionnaire.questions, initialDraft, onSubmitted)
  const requiredCount = questionnaire.questions.filter((question) => question.required).length
  return (
    <View className='qy-questionnaire-form'>
      <View className='qy-questionnaire-form__head'>
        <View className='qy-questionnaire-form__community'>{communityName}</View>
        <View className='qy-questionnaire-form__title'>{questionnaire.title}</View>
        {questionnaire.intro && <View className='qy-questionnaire-form__intro'>{questionnaire.intro}</View>}
        <View className='qy-questionnaire-form__meta'>
          共 {questionnaire.questions.length} 题{requiredCount > 0 && `，带 * 的为必答`}
        </View>
      </View>
      {questionnaire.questions.map((question, index) => (
        <QuestionField
          key={question.id}
          index={index}
          question={question}
          answer={form.draft[question.id]}
          error={form.errors[question.id] ?? null}
          onChange={(answer) => form.setAnswer(question.id, answer)}
        />
      ))}
      <ActionButton className='qy-questionnaire-form__submit' loading={form.submitting} onClick={() => void form.submit()}>
        提交问卷
      </ActionButton>
    </View>
  )
}
