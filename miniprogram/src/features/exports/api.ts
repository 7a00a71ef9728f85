import type { ExportFileFieldsFragment } from './exports.generated'

/**
 * A spreadsheet the server wrote: `url` is a path on the API origin (`/exports/<signed token>`),
 * valid for about ten minutes and readable without the Authorization header.
 */
export type ExportFile = ExportFileFieldsFragment
export type ExportFormat = 'XLSX' | 'CSV'
