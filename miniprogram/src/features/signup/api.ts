import { graphql } from '@/shared/graphql/client'
import { ERROR_RESULT_FIELDS, type ErrorResult } from '@/shared/graphql/errors'
import type { Member } from '@/features/membership/api'

export type SignupFieldType = 'TEXT' | 'TEXTAREA' | 'NUMBER' | 'PHONE' | 'SINGLE_CHOICE' | 'MULTI_CHOICE' | 'DATE'
export type SignupFormStatus = 'OPEN' | 'CLOSED'
export type SignupStatus = 'CONFIRMED' | 'WAITLISTED' | 'CANCELLED'

export interface SignupField {
  id: string
  label: string
  type: SignupFieldType
  required: boolean
  options: string[]
}

/** `value` for single-valued fields (a DATE is YYYY-MM-DD), `values` for MULTI_CHOICE. */
export interface SignupAnswer {
  fieldId: string
  label: string
  value: string | null
  values: string[] | null
}

export interface SignupSubmission {
  id: string
  status: SignupStatus
  /** 候补第 N 位, when WAITLISTED */
  position: number | null
  answers: SignupAnswer[]
  member: Pick<Member, 'id' | 'nickname' | 'avatarUrl'>
  submittedAt: string
  updatedAt: string
}

export interface SignupForm {
  id: string
  title: string
  description: string | null
  fields: SignupField[]
  capacity: number
  waitlist: boolean
  deadline: string | null
  status: SignupFormStatus
  confirmedCount: number
  waitlistCount: number
  createdAt: string
}

export interface SignupFormSummary extends SignupForm {
  mySubmission: Pick<SignupSubmission, 'id' | 'status' | 'position'> | null
}

export interface SignupFormDetail extends SignupForm {
  mySubmission: SignupSubmission | null
}

export interface SignupAnswerInput {
  fieldId: string
  value?: string
  values?: string[]
}

export const SIGNUP_FORM_FIELDS = `id title description capacity waitlist deadline status confirmedCount waitlistCount createdAt
  fields { id label type required options }`
export const SIGNUP_SUBMISSION_FIELDS = `id status position submittedAt updatedAt
  answers { fieldId label value values } member { id nickname avatarUrl }`
const FORM_DETAIL_FIELDS = `${SIGNUP_FORM_FIELDS} mySubmission { ${SIGNUP_SUBMISSION_FIELDS} }`

export async function fetchSignupForms(communityId: string): Promise<SignupFormSummary[]> {
  const data = await graphql<{ signupForms: SignupFormSummary[] }>(
    `query SignupForms($communityId: ID!) {
      signupForms(communityId: $communityId) { ${SIGNUP_FORM_FIELDS} mySubmission { id status position } }
    }`,
    { communityId },
  )
  return data.signupForms
}

export async function fetchSignupForm(id: string): Promise<SignupFormDetail | null> {
  const data = await graphql<{ signupForm: SignupFormDetail | null }>(
    `query SignupForm($id: ID!) { signupForm(id: $id) { ${FORM_DETAIL_FIELDS} } }`,
    { id },
  )
  return data.signupForm
}

export interface SignupSubmitted {
  __typename: 'SignupSubmitted'
  submission: SignupSubmission
  form: SignupFormDetail
}

export interface InvalidSignupAnswer extends ErrorResult {
  __typename: 'InvalidSignupAnswer'
  fieldId: string
}

/** SignupSubmitted, or FormFull | FormClosed | FormNotFound | InvalidSignupAnswer | NotActiveMember */
export type SubmitSignupResult = SignupSubmitted | InvalidSignupAnswer | ErrorResult

/** Signs up, or edits the caller's own submission before the deadline. */
export async function submitSignup(formId: string, answers: SignupAnswerInput[]): Promise<SubmitSignupResult> {
  const data = await graphql<{ submitSignup: SubmitSignupResult }>(
    `mutation SubmitSignup($formId: ID!, $answers: [SignupAnswerInput!]!) {
      submitSignup(formId: $formId, answers: $answers) {
        ${ERROR_RESULT_FIELDS}
        ... on InvalidSignupAnswer { fieldId }
        ... on SignupSubmitted { submission { ${SIGNUP_SUBMISSION_FIELDS} } form { ${FORM_DETAIL_FIELDS} } }
      }
    }`,
    { formId, answers },
  )
  return data.submitSignup
}

export interface SignupCancelled {
  __typename: 'SignupCancelled'
  form: SignupFormDetail
}

/** SignupCancelled, or NotSignedUp | FormClosed | FormNotFound */
export type CancelSignupResult = SignupCancelled | ErrorResult

export async function cancelSignup(formId: string): Promise<CancelSignupResult> {
  const data = await graphql<{ cancelSignup: CancelSignupResult }>(
    `mutation CancelSignup($formId: ID!) {
      cancelSignup(formId: $formId) { ${ERROR_RESULT_FIELDS} ... on SignupCancelled { form { ${FORM_DETAIL_FIELDS} } } }
    }`,
    { formId },
  )
  return data.cancelSignup
}
