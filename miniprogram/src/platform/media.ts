import Taro from '@tarojs/taro'

/** Photos from the album or the camera: temporary file paths (WeChat's chooseMedia; the browser's file picker in H5). Empty when the member cancelled. */
export async function chooseImages(count: number): Promise<string[]> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const chosen = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      return chosen.tempFiles.map((file) => file.tempFilePath)
    }
    const chosen = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    return chosen.tempFilePaths
  } catch {
    return []
  }
}

/** A smaller copy before the upload (WeChat's compressImage); the browser has none, so the file goes as it is. */
export async function compressImage(path: string): Promise<string> {
  if (process.env.TARO_ENV !== 'weapp') return path
  try {
    return (await Taro.compressImage({ src: path, quality: 80 })).tempFilePath
  } catch {
    return path
  }
}

export interface UploadRequest {
  url: string
  filePath: string
  formData: Record<string, string>
  headers: Record<string, string>
  onProgress?: (percent: number) => void
}

/** multipart/form-data with the file as `file` (wx.uploadFile). Resolves with any HTTP answer; rejects when none arrives. */
export function uploadFile(request: UploadRequest): Promise<{ statusCode: number; body: string }> {
  return new Promise((resolve, reject) => {
    const task = Taro.uploadFile({
      url: request.url,
      filePath: request.filePath,
      name: 'file',
      formData: request.formData,
      header: request.headers,
      success: (answer) => resolve({ statusCode: answer.statusCode, body: String(answer.data ?? '') }),
      fail: (error) => reject(new Error(error.errMsg || 'upload failed')),
    })
    task?.onProgressUpdate?.((update) => request.onProgress?.(update.progress))
  })
}

/** WeChat's own avatar chooser (`<Button openType="chooseAvatar">`); the browser build picks a photo instead. */
export const AVATAR_FROM_WECHAT = process.env.TARO_ENV === 'weapp'
