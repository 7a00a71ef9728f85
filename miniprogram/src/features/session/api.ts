import { graphql, type RequestOptions } from '@/shared/graphql/client'
import { savedOrThrow } from '@/shared/graphql/errors'
import { LoginDocument, type LoginMutation, LogoutDocument, MeDocument, UpdateProfileDocument, type UserFieldsFragment } from './session.generated'

export type User = UserFieldsFragment
export type LoginPayload = LoginMutation['login']

export async function login(code: string): Promise<LoginPayload> {
  const data = await graphql(LoginDocument, { code })
  return data.login
}

export async function fetchMe(): Promise<User | null> {
  const data = await graphql(MeDocument, {})
  return data.me
}

export async function updateProfile(
  profile: { nickname?: string; avatarMediaId?: string },
  options?: RequestOptions,
): Promise<User> {
  const data = await graphql(UpdateProfileDocument, profile, options)
  // ContentRejected (WeChat's check found the nickname risky) is thrown with its message.
  return savedOrThrow(data.updateProfile)
}

/** Ends every session of the user on the server (all devices). */
export async function logout(): Promise<void> {
  await graphql(LogoutDocument, {})
}
