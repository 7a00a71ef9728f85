import { compressImage, uploadFile } from '@/platform/media'
import { API_BASE } from '@/shared/graphql/config'
import { getToken } from '@/shared/session-token'

/** What POST /media answers: our store's links (relative ones hang off the API origin: absoluteApiUrl). */
export interface UploadedImage {
  id: string
  url: string
  thumbnailUrl: string
  width: number
  height: number
}

/** `purpose` as the server names it (media.enums.ts). */
export type MediaPurpose = 'AVATAR' | 'POST' | 'COMMENT' | 'GROUP_QR' | 'ANNOUNCEMENT' | 'ACTIVITY' | 'EVIDENCE'

/** A refused or failed upload, with the Chinese reason to show (the server's own when it gave one). */
export class UploadFailed extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message)
  }
}

/** Compresses the photo, then uploads it; `onProgress` hears 0–100. */
export async function uploadImage(filePath: string, target: { communityId: string; purpose: MediaPurpose }, onProgress?: (percent: number) => void): Promise<UploadedImage> {
  const token = getToken()
  if (!token) throw new UploadFailed('请先登录', 'UNAUTHENTICATED')
  const compressed = await compressImage(filePath)
  let answer: { statusCode: number; body: string }
  try {
    answer = await uploadFile({
      url: `${API_BASE}/media`,
      filePath: compressed,
      formData: { communityId: target.communityId, purpose: target.purpose },
      headers: { authorization: `Bearer ${token}` },
      onProgress,
    })
  } catch {
    throw new UploadFailed('网络不给力，上传失败，请重试', 'NETWORK')
  }
  let body: Partial<UploadedImage> & { code?: string; message?: string } = {}
  try {
    body = JSON.parse(answer.body)
  } catch {
    // not JSON: a proxy's error page
  }
  if (answer.statusCode === 201 && body.id && body.url) return body as UploadedImage
  throw new UploadFailed(body.message || '上传失败，请稍后再试', body.code || `HTTP_${answer.statusCode}`)
}
