import { graphql } from '@/shared/graphql/client'
import { savedOrThrow } from '@/shared/graphql/errors'

import type { ApplicationStatus, Questionnaire, ReviewApplicationResult, SaveQuestionnaireInput } from '../api'
import { ApplicationsDocument, ReviewApplicationDocument, type ReviewedApplicationFieldsFragment, SaveQuestionnaireDocument } from './questionnaire-admin.generated'

/** An application as the admin reviews it, with the applicant's paid entry fee (入群费) if any. */
export type ReviewedApplication = ReviewedApplicationFieldsFragment

/** Admin: applications by status, newest first. */
export async function fetchApplications(communityId: string, status?: ApplicationStatus): Promise<ReviewedApplication[]> {
  const data = await graphql(ApplicationsDocument, { communityId, status })
  return data.applications
}

/** Admin: approve, or reject with a reason the applicant reads. */
export async function reviewApplication(applicationId: string, approve: boolean, reason?: string): Promise<ReviewApplicationResult> {
  const data = await graphql(ReviewApplicationDocument, { applicationId, approve, reason })
  return data.reviewApplication
}

/** Admin: replaces the questionnaire; earlier answers keep their own snapshot. */
export async function saveQuestionnaire(communityId: string, input: SaveQuestionnaireInput): Promise<Questionnaire> {
  const data = await graphql(SaveQuestionnaireDocument, { communityId, input })
  return savedOrThrow(data.saveQuestionnaire)
}
