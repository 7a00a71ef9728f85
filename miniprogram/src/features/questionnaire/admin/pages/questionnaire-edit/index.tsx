import { View } from '@tarojs/components'
import { fetchQuestionnaire } from '@/features/questionnaire/api'
import { saveQuestionnaire } from '@/features/questionnaire/admin/api'
import AdminGate from '@/features/membership/admin/components/admin-gate'
import NavRow from '@/shared/ui/nav-row'
import QuestionEditor from '@/features/questionnaire/admin/components/question-editor'
import QuestionnaireSettings from '@/features/questionnaire/admin/components/questionnaire-settings'
import { useAdminCommunity } from '@/features/membership/admin/hooks/useAdminCommunity'
import { useEditableCopy } from '@/shared/hooks/useEditableCopy'
import { useSaveAction } from '@/shared/hooks/useSaveAction'
import { moved } from '@/shared/format/list-order'
import {
  checkQuestionnaireForm,
  emptyQuestionnaireForm,
  maxScoreOf,
  newQuestion,
  type QuestionDraft,
  questionnaireForm,
} from '@/features/questionnaire/admin/questionnaire-form'
import ActionButton from '@/shared/ui/action-button'
import ErrorView from '@/shared/ui/error-view'
import LoadingView from '@/shared/ui/loading-view'
import NoticeBar from '@/shared/ui/notice-bar'
import { QUESTIONS_MAX } from '@/features/questionnaire/labels'
import { useQuery } from '@/shared/hooks/useQuery'
import { openPage, routes } from '@/shared/routes'
import './index.css'

export default function QuestionnaireEditPage() {
  const admin = useAdminCommunity()
  const communityId = admin.communityId ?? ''
  const source = useQuery(() => fetchQuestionnaire(communityId), [communityId], { enabled: admin.allowed })
  const [form, setForm] = useEditableCopy(source.data, (questionnaire) =>
    questionnaire ? questionnaireForm(questionnaire) : emptyQuestionnaireForm(),
  )

  const checked = form ? checkQuestionnaireForm(form) : null
  const { saving, showErrors, save } = useSaveAction({
    input: checked?.input ?? null,
    invalidMessage: '有内容没有填好，请按红色提示修改后再保存',
    submit: (input) => saveQuestionnaire(communityId, input),
    onSaved: (saved) => source.setData(() => saved),
    successText: '问卷已保存',
  })
  const errors = showErrors && checked ? checked.errors : { byQuestion: {} }

  const setQuestions = (update: (questions: QuestionDraft[]) => QuestionDraft[]) =>
    setForm((current) => current && { ...current, questions: update(current.questions) })


  return (
    <AdminGate admin={admin}>
      {({ community }) => (
        <View className='qy-page qy-q-edit'>
          {community.joinPolicy !== 'QUESTIONNAIRE' && (
            <NoticeBar tone='info' title='当前社群不需要填写问卷' description='加入方式为「填写问卷审核后加入」时，新成员才会看到这份问卷。' />
          )}
          <NavRow title='入群申请' value='审核与记录' onClick={() => openPage(routes.adminApplications(communityId))} />
          {source.loading && <LoadingView />}
          {source.error && <ErrorView message={source.error.message} onRetry={source.reload} />}
          {form && (
            <>
              <QuestionnaireSettings form={form} errors={errors} maxScore={maxScoreOf(form)} onChange={setForm} />
              <View className='qy-section-title'>
                题目
                <View className='qy-section-title__extra'>共 {form.questions.length} 题</View>
              </View>
              {errors.questions && <View className='qy-q-edit__error'>{errors.questions}</View>}
              {form.questions.map((question, index) => (
                <QuestionEditor
                  key={question.key}
                  index={index}
                  count={form.questions.length}
                  question={question}
                  error={errors.byQuestion[question.key] ?? null}
                  onChange={(next) => setQuestions((list) => list.map((item) => (item.key === question.key ? next : item)))}
                  onMove={(delta) => setQuestions((list) => moved(list, index, delta))}
                  onRemove={() => setQuestions((list) => list.filter((item) => item.key !== question.key))}
                />
              ))}
              {form.questions.length < QUESTIONS_MAX && (
                <View className='qy-q-edit__add'>
                  <ActionButton variant='plain' onClick={() => setQuestions((list) => [...list, newQuestion()])}>
                    + 添加题目
                  </ActionButton>
                </View>
              )}
              <ActionButton className='qy-q-edit__save' loading={saving} onClick={() => void save()}>
                保存问卷
              </ActionButton>
            </>
          )}
        </View>
      )}
    </AdminGate>
  )
}
