import ActionButton from '@/shared/ui/action-button'
import EmptyView from '@/shared/ui/empty-view'

interface ErrorViewProps {
  message: string
  onRetry?: () => void
}

export default function ErrorView({ message, onRetry }: ErrorViewProps) {
  return (
    <EmptyView icon='!' tone='red' title='出了点问题' description={message}>
      {onRetry && (
        <ActionButton variant='secondary' onClick={onRetry}>
          重新加载
        </ActionButton>
      )}
    </EmptyView>
  )
}
