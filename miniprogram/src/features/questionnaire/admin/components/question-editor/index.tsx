import { View } from '@tarojs/components'
import { Input, Switch } from '@/shared/ui/form-controls'
import type { QuestionType } from '@/features/questionnaire/api'
import StatusTabs from '@/shared/ui/status-tabs'
import { QUESTION_TITLE_MAX, QUESTION_TYPE_OPTIONS, TEXT_ANSWER_MAX } from '@/features/questionnaire/labels'
import { newOptionRow, type QuestionDraft } from '@/features/questionnaire/admin/questionnaire-form'
import RowsEditor, { type RowColumn } from '@/shared/ui/rows-editor'
// The inputs share the form fields' look (qy-field__input / qy-field__textarea).
import '@/shared/ui/form-field/index.css'
import './index.css'

interface QuestionEditorProps {
  index: number
  count: number
  question: QuestionDraft
  error: string | null
  onChange: (question: QuestionDraft) => void
  onMove: (delta: -1 | 1) => void
  onRemove: () => void
}

const OPTION_COLUMNS: RowColumn[] = [
  { key: 'label', label: '选项', type: 'text', placeholder: '选项内容', flex: 3 },
  { key: 'score', label: '分值', type: 'number', placeholder: '0', flex: 1 },
  { key: 'tags', label: '标签', type: 'text', placeholder: '逗号分隔', flex: 2 },
]

/** One question of the questionnaire being built: type, title, required, options with score and tags. */
export default function QuestionEditor({ index, count, question, error, onChange, onMove, onRemove }: QuestionEditorProps) {
  const setType = (type: QuestionType) =>
    onChange({ ...question, type, options: type === 'TEXT' ? [] : question.options.length ? question.options : [newOptionRow(), newOptionRow()] })

  return (
    <View className={`qy-card qy-question-editor ${error ? 'is-invalid' : ''}`}>
      <View className='qy-question-editor__head'>
        <View className='qy-question-editor__index'>第 {index + 1} 题</View>
        <View className='qy-question-editor__tools'>
          {index > 0 && (
            <View className='qy-question-editor__tool' onClick={() => onMove(-1)}>
              上移
            </View>
          )}
          {index < count - 1 && (
            <View className='qy-question-editor__tool' onClick={() => onMove(1)}>
              下移
            </View>
          )}
          {count > 1 && (
            <View className='qy-question-editor__tool is-danger' onClick={onRemove}>
              删除
            </View>
          )}
        </View>
      </View>
      <View className='qy-question-editor__type'>
        <StatusTabs tabs={QUESTION_TYPE_OPTIONS} value={question.type} onChange={setType} />
      </View>
      <Input
        className='qy-field__input qy-question-editor__title'
        label='题目'
        value={question.title}
        maxlength={QUESTION_TITLE_MAX}
        placeholder='题目，例如：你是怎么认识我们的？'
        onInput={(event) => onChange({ ...question, title: event.detail.value })}
      />
      <View className='qy-question-editor__switch'>
        <View>必答</View>
        <Switch label='必答' checked={question.required} color='#07c160' onChange={(event) => onChange({ ...question, required: event.detail.value })} />
      </View>
      {question.type === 'TEXT' ? (
        <View className='qy-question-editor__max'>
          <View className='qy-muted'>字数上限</View>
          <Input
            className='qy-field__input qy-question-editor__max-input'
            label='字数上限'
            type='number'
            value={question.maxLength}
            placeholder={String(TEXT_ANSWER_MAX)}
            onInput={(event) => onChange({ ...question, maxLength: event.detail.value })}
          />
        </View>
      ) : (
        <RowsEditor
          columns={OPTION_COLUMNS}
          rows={question.options}
          onChange={(options) => onChange({ ...question, options })}
          newRow={newOptionRow}
          addLabel='添加选项'
          minRows={2}
          maxRows={20}
        />
      )}
      {error && <View className='qy-question-editor__error'>{error}</View>}
    </View>
  )
}
