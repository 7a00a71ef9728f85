import { graphql } from '@/shared/graphql/client'

import type { Application, ApplicationStatus, Questionnaire, ReviewApplicationResult, SaveQuestionnaireInput } from '../api'
import { ApplicationsDocument, ReviewApplicationDocument, SaveQuestionnaireDocument } from './questionnaire-admin.generated'

/** Admin: applications by status, newest first. */
export async function fetchApplications(communityId: string, status?: ApplicationStatus): Promise<Application[]> {
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
  return data.saveQuestionnaire
}
