import { View } from '@tarojs/components'
import { Textarea } from '@/shared/ui/form-controls'
import type { Question } from '@/features/questionnaire/api'
import { EMPTY_ANSWER, textLimitOf, type QuestionnaireDraft } from '@/features/questionnaire/answers'
import ChoiceList from '@/shared/ui/choice-list'
// The inputs share the form fields' look (qy-field__input / qy-field__textarea).
import '@/shared/ui/form-field/index.css'
import './index.css'

interface QuestionFieldProps {
  index: number
  question: Question
  answer: QuestionnaireDraft[string] | undefined
  error: string | null
  onChange: (answer: QuestionnaireDraft[string]) => void
}

const TYPE_HINTS = { SINGLE_CHOICE: '单选', MULTI_CHOICE: '多选', TEXT: '' }

/** One question of the entry questionnaire: radio cards, checkbox cards or a text box. */
export default function QuestionField({ index, question, answer = EMPTY_ANSWER, error, onChange }: QuestionFieldProps) {
  const options = question.options.map((option) => ({ value: option.id, label: option.label }))
  const limit = textLimitOf(question)
  return (
    <View id={`question-${question.id}`} className={`qy-card qy-question ${error ? 'is-invalid' : ''}`}>
      <View className='qy-question__title'>
        <View className='qy-question__index'>{index + 1}.</View>
        <View className='qy-question__text'>
          {question.title}
          {question.required && <View className='qy-question__required'>*</View>}
          {TYPE_HINTS[question.type] && <View className='qy-question__type'>{TYPE_HINTS[question.type]}</View>}
        </View>
      </View>
      {question.type === 'TEXT' && (
        <View className='qy-question__textbox'>
          <Textarea
            className='qy-field__textarea qy-question__textarea'
            label={question.title}
            value={answer.text}
            maxlength={limit}
            placeholder='请输入你的回答'
            onInput={(event) => onChange({ ...answer, text: event.detail.value })}
          />
          <View className='qy-question__counter'>
            {answer.text.length}/{limit}
          </View>
        </View>
      )}
      {question.type === 'SINGLE_CHOICE' && (
        <ChoiceList options={options} value={answer.optionIds[0] ?? null} onChange={(id) => onChange({ ...answer, optionIds: [id] })} />
      )}
      {question.type === 'MULTI_CHOICE' && (
        <ChoiceList multiple options={options} value={answer.optionIds} onChange={(ids) => onChange({ ...answer, optionIds: ids })} />
      )}
      {error && <View className='qy-question__error'>{error}</View>}
    </View>
  )
}
