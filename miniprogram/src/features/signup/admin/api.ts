import { graphql } from '@/shared/graphql/client'
import type { ExportFile, ExportFormat } from '@/features/exports/api'
import type { SignupForm, SignupStatus, SignupSubmission } from '@/features/signup/api'
import {
  CloseSignupFormDocument,
  CreateSignupFormDocument,
  ExportSignupSubmissionsDocument,
  type SignupFieldInput,
  type SignupFormInput,
  SignupSubmissionsDocument,
  UpdateSignupFormDocument,
} from './signup-admin.generated'

/** Admin calls of the sign-up domain; a field's `id` is kept when editing, so earlier answers stay attached to it. */
export type { SignupFieldInput, SignupFormInput }

export async function createSignupForm(communityId: string, input: SignupFormInput): Promise<SignupForm> {
  const data = await graphql(CreateSignupFormDocument, { communityId, input })
  return data.createSignupForm
}

export async function updateSignupForm(formId: string, input: SignupFormInput): Promise<SignupForm> {
  const data = await graphql(UpdateSignupFormDocument, { formId, input })
  return data.updateSignupForm
}

/** 截止报名 */
export async function closeSignupForm(formId: string): Promise<SignupForm> {
  const data = await graphql(CloseSignupFormDocument, { formId })
  return data.closeSignupForm
}

export async function fetchSignupSubmissions(formId: string, status?: SignupStatus): Promise<SignupSubmission[]> {
  const data = await graphql(SignupSubmissionsDocument, { formId, status })
  return data.signupSubmissions
}

export async function exportSignupSubmissions(formId: string, format: ExportFormat): Promise<ExportFile> {
  const data = await graphql(ExportSignupSubmissionsDocument, { formId, format })
  return data.exportSignupSubmissions
}
