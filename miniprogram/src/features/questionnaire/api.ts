import { graphql } from '@/shared/graphql/client'
import { ERROR_RESULT_FIELDS, type ErrorResult } from '@/shared/graphql/errors'
import { MEMBER_FIELDS, type Member } from '@/features/membership/api'
import { ENTRY_PAYMENT_FIELDS, type EntryPayment } from '@/features/payment/api'

export type QuestionType = 'SINGLE_CHOICE' | 'MULTI_CHOICE' | 'TEXT'
export type ApplicationStatus = 'PENDING' | 'APPROVED' | 'REJECTED'

export interface QuestionOption {
  id: string
  label: string
  /** null unless the caller is an admin */
  score: number | null
  tags: string[] | null
}

export interface Question {
  id: string
  type: QuestionType
  title: string
  required: boolean
  options: QuestionOption[]
  maxLength: number | null
}

export interface Questionnaire {
  id: string
  title: string
  intro: string | null
  questions: Question[]
  /** null unless the caller is an admin */
  passScore: number | null
  autoApprove: boolean
  welcomePoints: number
  updatedAt: string
}

export interface ApplicationAnswer {
  questionId: string
  questionTitle: string
  type: QuestionType
  optionIds: string[]
  optionLabels: string[]
  text: string | null
}

export type ApplicantSummary = Pick<Member, 'id' | 'nickname' | 'avatarUrl' | 'status'> & { entryPayment: EntryPayment | null }

export interface Application {
  id: string
  status: ApplicationStatus
  score: number
  passed: boolean
  answers: ApplicationAnswer[]
  tags: string[]
  rejectReason: string | null
  submittedAt: string
  reviewedAt: string | null
  member: ApplicantSummary
}

export interface AnswerInput {
  questionId: string
  optionIds?: string[]
  text?: string
}

export const QUESTIONNAIRE_FIELDS = `id title intro passScore autoApprove welcomePoints updatedAt
  questions { id type title required maxLength options { id label score tags } }`
export const APPLICATION_FIELDS = `id status score passed tags rejectReason submittedAt reviewedAt
  answers { questionId questionTitle type optionIds optionLabels text } member { id nickname avatarUrl status ${ENTRY_PAYMENT_FIELDS} }`

/** Members and applicants; null when the community has none. */
export async function fetchQuestionnaire(communityId: string): Promise<Questionnaire | null> {
  const data = await graphql<{ questionnaire: Questionnaire | null }>(
    `query Questionnaire($communityId: ID!) { questionnaire(communityId: $communityId) { ${QUESTIONNAIRE_FIELDS} } }`,
    { communityId },
  )
  return data.questionnaire
}

/** The caller's latest application, null before the first one. */
export async function fetchMyApplication(communityId: string): Promise<Application | null> {
  const data = await graphql<{ myApplication: Application | null }>(
    `query MyApplication($communityId: ID!) { myApplication(communityId: $communityId) { ${APPLICATION_FIELDS} } }`,
    { communityId },
  )
  return data.myApplication
}

export interface ApplicationSubmitted {
  __typename: 'ApplicationSubmitted'
  application: Application
  /** ACTIVE when the answers passed and the questionnaire approves at once */
  member: Member
}

export interface InvalidAnswer extends ErrorResult {
  __typename: 'InvalidAnswer'
  questionId: string | null
}

/** ApplicationSubmitted, or InvalidAnswer | QuestionnaireMissing | ApplicationPending | AlreadyMember | NotActiveMember */
export type SubmitApplicationResult = ApplicationSubmitted | InvalidAnswer | ErrorResult

export async function submitApplication(communityId: string, answers: AnswerInput[]): Promise<SubmitApplicationResult> {
  const data = await graphql<{ submitApplication: SubmitApplicationResult }>(
    `mutation SubmitApplication($communityId: ID!, $answers: [AnswerInput!]!) {
      submitApplication(communityId: $communityId, answers: $answers) {
        ${ERROR_RESULT_FIELDS}
        ... on InvalidAnswer { questionId }
        ... on ApplicationSubmitted { application { ${APPLICATION_FIELDS} } member { ${MEMBER_FIELDS} } }
      }
    }`,
    { communityId, answers },
  )
  return data.submitApplication
}

export interface ApplicationReviewed {
  __typename: 'ApplicationReviewed'
  application: Application
}

/** ApplicationReviewed, or ApplicationNotFound | ApplicationAlreadyReviewed */
export type ReviewApplicationResult = ApplicationReviewed | ErrorResult

export interface QuestionOptionInput {
  id?: string
  label: string
  score: number
  tags?: string[]
}

export interface QuestionInput {
  id?: string
  type: QuestionType
  title: string
  required: boolean
  options?: QuestionOptionInput[]
  maxLength?: number
}

export interface SaveQuestionnaireInput {
  title: string
  intro?: string
  passScore: number
  autoApprove: boolean
  welcomePoints: number
  questions: QuestionInput[]
}
