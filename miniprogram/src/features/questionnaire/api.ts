import { graphql } from '@/shared/graphql/client'
import type { ResultMember } from '@/shared/graphql/errors'
import type { ReviewApplicationMutation } from './admin/questionnaire-admin.generated'
import {
  type AnswerInput,
  type ApplicationFieldsFragment,
  MyApplicationDocument,
  QuestionnaireDocument,
  type QuestionnaireFieldsFragment,
  SubmitApplicationDocument,
  type SubmitApplicationMutation,
} from './questionnaire.generated'

/** Options' `score` / `tags` and the `passScore` are null unless the caller is an admin. */
export type Questionnaire = QuestionnaireFieldsFragment
export type Question = Questionnaire['questions'][number]
export type QuestionType = Question['type']
export type QuestionOption = Question['options'][number]
export type Application = ApplicationFieldsFragment
export type ApplicationStatus = Application['status']
export type ApplicationAnswer = Application['answers'][number]
export type { AnswerInput }
export type { SaveQuestionnaireInput } from './admin/questionnaire-admin.generated'

/** ApplicationSubmitted (`member` ACTIVE when the answers passed and the questionnaire approves at once), or InvalidAnswer | QuestionnaireMissing | ApplicationPending | AlreadyMember | NotActiveMember */
export type SubmitApplicationResult = SubmitApplicationMutation['submitApplication']
export type ApplicationSubmitted = ResultMember<SubmitApplicationResult, 'ApplicationSubmitted'>
export type InvalidAnswer = ResultMember<SubmitApplicationResult, 'InvalidAnswer'>
/** ApplicationReviewed, or ApplicationNotFound | ApplicationAlreadyReviewed */
export type ReviewApplicationResult = ReviewApplicationMutation['reviewApplication']

/** Members and applicants; null when the community has none. */
export async function fetchQuestionnaire(communityId: string): Promise<Questionnaire | null> {
  const data = await graphql(QuestionnaireDocument, { communityId })
  return data.questionnaire
}

/** The caller's latest application, null before the first one. */
export async function fetchMyApplication(communityId: string): Promise<Application | null> {
  const data = await graphql(MyApplicationDocument, { communityId })
  return data.myApplication
}

export async function submitApplication(communityId: string, answers: AnswerInput[]): Promise<SubmitApplicationResult> {
  const data = await graphql(SubmitApplicationDocument, { communityId, answers })
  return data.submitApplication
}
