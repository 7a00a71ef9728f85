import Taro from '@tarojs/taro'
import { IS_H5 } from './wechat'

/** A file the server wrote, at an absolute (signed) URL. */
export interface DownloadableFile {
  url: string
  filename: string
}

/** H5: the server answers with Content-Disposition: attachment, so the page stays where it is. */
function downloadInBrowser(url: string, filename: string): void {
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.rel = 'noopener'
  document.body.appendChild(link)
  link.click()
  link.remove()
}

/**
 * Hands an export to the user. WeChat: download it (the URL is signed, no Authorization
 * needed) and open XLSX in the document viewer, whose menu forwards or saves it; CSV, which
 * the viewer cannot open, goes to a chat as a file. Resolves with what happened, for the toast.
 */
export async function deliverExportFile(file: DownloadableFile, format: 'XLSX' | 'CSV'): Promise<'downloaded' | 'opened' | 'shared'> {
  const { url } = file
  if (IS_H5) {
    downloadInBrowser(url, file.filename)
    return 'downloaded'
  }
  const { statusCode, tempFilePath } = await Taro.downloadFile({ url })
  if (statusCode !== 200) throw new Error('文件下载失败，请稍后再试')
  if (format === 'XLSX') {
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true })
    return 'opened'
  }
  await Taro.shareFileMessage({ filePath: tempFilePath, fileName: file.filename })
  return 'shared'
}
