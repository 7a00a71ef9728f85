export { default } from '@/features/notifications/pages/messages'
