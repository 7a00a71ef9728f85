export type ExportFormat = 'XLSX' | 'CSV'

/**
 * A spreadsheet the server wrote: `url` is a path on the API origin (`/exports/<signed token>`),
 * valid for about ten minutes and readable without the Authorization header.
 */
export interface ExportFile {
  url: string
  filename: string
  expiresAt: string
}

export const EXPORT_FILE_FIELDS = 'url filename expiresAt'
