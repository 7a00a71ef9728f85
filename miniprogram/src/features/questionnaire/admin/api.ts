import { graphql } from '@/shared/graphql/client'
import { ERROR_RESULT_FIELDS } from '@/shared/graphql/errors'
import { APPLICATION_FIELDS, QUESTIONNAIRE_FIELDS, type Application, type ApplicationStatus, type Questionnaire, type ReviewApplicationResult, type SaveQuestionnaireInput } from '../api'

/** Admin: applications by status, newest first. */
export async function fetchApplications(communityId: string, status?: ApplicationStatus): Promise<Application[]> {
  const data = await graphql<{ applications: Application[] }>(
    `query Applications($communityId: ID!, $status: ApplicationStatus) {
      applications(communityId: $communityId, status: $status) { ${APPLICATION_FIELDS} }
    }`,
    { communityId, status },
  )
  return data.applications
}

/** Admin: approve, or reject with a reason the applicant reads. */
export async function reviewApplication(applicationId: string, approve: boolean, reason?: string): Promise<ReviewApplicationResult> {
  const data = await graphql<{ reviewApplication: ReviewApplicationResult }>(
    `mutation ReviewApplication($applicationId: ID!, $approve: Boolean!, $reason: String) {
      reviewApplication(applicationId: $applicationId, approve: $approve, reason: $reason) {
        ${ERROR_RESULT_FIELDS}
        ... on ApplicationReviewed { application { ${APPLICATION_FIELDS} } }
      }
    }`,
    { applicationId, approve, reason },
  )
  return data.reviewApplication
}

/** Admin: replaces the questionnaire; earlier answers keep their own snapshot. */
export async function saveQuestionnaire(communityId: string, input: SaveQuestionnaireInput): Promise<Questionnaire> {
  const data = await graphql<{ saveQuestionnaire: Questionnaire }>(
    `mutation SaveQuestionnaire($communityId: ID!, $input: SaveQuestionnaireInput!) {
      saveQuestionnaire(communityId: $communityId, input: $input) { ${QUESTIONNAIRE_FIELDS} }
    }`,
    { communityId, input },
  )
  return data.saveQuestionnaire
}
