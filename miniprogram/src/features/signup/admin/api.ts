import { graphql } from '@/shared/graphql/client'
import { EXPORT_FILE_FIELDS, type ExportFile, type ExportFormat } from '@/features/exports/api'
import {
  SIGNUP_FORM_FIELDS,
  SIGNUP_SUBMISSION_FIELDS,
  type SignupFieldType,
  type SignupForm,
  type SignupStatus,
  type SignupSubmission,
} from '@/features/signup/api'

/** Admin calls of the sign-up domain. */
export interface SignupFieldInput {
  /** kept when editing, so earlier answers stay attached to their field */
  id?: string
  label: string
  type: SignupFieldType
  required: boolean
  options?: string[]
}

export interface SignupFormInput {
  title: string
  description?: string
  fields: SignupFieldInput[]
  capacity: number
  waitlist: boolean
  deadline?: string
}

export async function createSignupForm(communityId: string, input: SignupFormInput): Promise<SignupForm> {
  const data = await graphql<{ createSignupForm: SignupForm }>(
    `mutation CreateSignupForm($communityId: ID!, $input: SignupFormInput!) {
      createSignupForm(communityId: $communityId, input: $input) { ${SIGNUP_FORM_FIELDS} }
    }`,
    { communityId, input },
  )
  return data.createSignupForm
}

export async function updateSignupForm(formId: string, input: SignupFormInput): Promise<SignupForm> {
  const data = await graphql<{ updateSignupForm: SignupForm }>(
    `mutation UpdateSignupForm($formId: ID!, $input: SignupFormInput!) {
      updateSignupForm(formId: $formId, input: $input) { ${SIGNUP_FORM_FIELDS} }
    }`,
    { formId, input },
  )
  return data.updateSignupForm
}

/** 截止报名 */
export async function closeSignupForm(formId: string): Promise<SignupForm> {
  const data = await graphql<{ closeSignupForm: SignupForm }>(
    `mutation CloseSignupForm($formId: ID!) { closeSignupForm(formId: $formId) { ${SIGNUP_FORM_FIELDS} } }`,
    { formId },
  )
  return data.closeSignupForm
}

export async function fetchSignupSubmissions(formId: string, status?: SignupStatus): Promise<SignupSubmission[]> {
  const data = await graphql<{ signupSubmissions: SignupSubmission[] }>(
    `query SignupSubmissions($formId: ID!, $status: SignupStatus) {
      signupSubmissions(formId: $formId, status: $status) { ${SIGNUP_SUBMISSION_FIELDS} }
    }`,
    { formId, status },
  )
  return data.signupSubmissions
}

export async function exportSignupSubmissions(formId: string, format: ExportFormat): Promise<ExportFile> {
  const data = await graphql<{ exportSignupSubmissions: ExportFile }>(
    `mutation ExportSignupSubmissions($formId: ID!, $format: ExportFormat!) {
      exportSignupSubmissions(formId: $formId, format: $format) { ${EXPORT_FILE_FIELDS} }
    }`,
    { formId, format },
  )
  return data.exportSignupSubmissions
}
