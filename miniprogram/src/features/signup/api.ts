import { graphql } from '@/shared/graphql/client'
import type { ResultMember } from '@/shared/graphql/errors'
import {
  CancelSignupDocument,
  type CancelSignupMutation,
  type SignupAnswerInput,
  type SignupFormDetailFieldsFragment,
  SignupFormDocument,
  type SignupFormFieldsFragment,
  SignupFormsDocument,
  type SignupFormsQuery,
  type SignupSubmissionFieldsFragment,
  SubmitSignupDocument,
  type SubmitSignupMutation,
} from './signup.generated'

export type SignupForm = SignupFormFieldsFragment
export type SignupFormStatus = SignupForm['status']
export type SignupField = SignupForm['fields'][number]
export type SignupFieldType = SignupField['type']
/** `position`: 候补第 N 位, when WAITLISTED. */
export type SignupSubmission = SignupSubmissionFieldsFragment
export type SignupStatus = SignupSubmission['status']
/** `value` for single-valued fields (a DATE is YYYY-MM-DD), `values` for MULTI_CHOICE. */
export type SignupAnswer = SignupSubmission['answers'][number]
/** A form of the list, with the caller's submission in short. */
export type SignupFormSummary = SignupFormsQuery['signupForms'][number]
export type SignupFormDetail = SignupFormDetailFieldsFragment
export type { SignupAnswerInput }

/** SignupSubmitted, or FormFull | FormClosed | FormNotFound | InvalidSignupAnswer | NotActiveMember */
export type SubmitSignupResult = SubmitSignupMutation['submitSignup']
export type SignupSubmitted = ResultMember<SubmitSignupResult, 'SignupSubmitted'>
export type InvalidSignupAnswer = ResultMember<SubmitSignupResult, 'InvalidSignupAnswer'>
/** SignupCancelled, or NotSignedUp | FormClosed | FormNotFound */
export type CancelSignupResult = CancelSignupMutation['cancelSignup']
export type SignupCancelled = ResultMember<CancelSignupResult, 'SignupCancelled'>

export async function fetchSignupForms(communityId: string): Promise<SignupFormSummary[]> {
  const data = await graphql(SignupFormsDocument, { communityId })
  return data.signupForms
}

export async function fetchSignupForm(id: string): Promise<SignupFormDetail | null> {
  const data = await graphql(SignupFormDocument, { id })
  return data.signupForm
}

/** Signs up, or edits the caller's own submission before the deadline. */
export async function submitSignup(formId: string, answers: SignupAnswerInput[]): Promise<SubmitSignupResult> {
  const data = await graphql(SubmitSignupDocument, { formId, answers })
  return data.submitSignup
}

export async function cancelSignup(formId: string): Promise<CancelSignupResult> {
  const data = await graphql(CancelSignupDocument, { formId })
  return data.cancelSignup
}
