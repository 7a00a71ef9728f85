export { default } from '@/features/moderation/admin/pages/moderation-queue'
