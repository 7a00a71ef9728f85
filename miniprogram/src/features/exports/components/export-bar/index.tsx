import { View } from '@tarojs/components'
import type { ExportFile, ExportFormat } from '@/features/exports/api'
import ActionButton from '@/shared/ui/action-button'
import { IS_WEAPP } from '@/platform/wechat'
import { useExport } from '@/features/exports/hooks/useExport'
import './index.css'

interface ExportBarProps {
  title?: string
  hint: string
  exportFile: (format: ExportFormat) => Promise<ExportFile>
}

/** 导出 Excel / CSV, with what will happen to the file. */
export default function ExportBar({ title = '导出名单', hint, exportFile }: ExportBarProps) {
  const { pending, run } = useExport(exportFile)
  return (
    <View className='qy-card qy-export'>
      <View className='qy-export__title'>{title}</View>
      <View className='qy-export__hint'>
        {hint}
        {IS_WEAPP ? 'Excel 在微信中打开，可转发或用其他应用打开；CSV 以文件发送到聊天。' : ''}
      </View>
      <View className='qy-export__actions'>
        <ActionButton className='qy-export__xlsx' size='small' loading={pending === 'XLSX'} disabled={pending === 'CSV'} onClick={() => void run('XLSX')}>
          导出 Excel
        </ActionButton>
        <ActionButton
          className='qy-export__csv'
          size='small'
          variant='secondary'
          loading={pending === 'CSV'}
          disabled={pending === 'XLSX'}
          onClick={() => void run('CSV')}
        >
          导出 CSV
        </ActionButton>
      </View>
    </View>
  )
}
