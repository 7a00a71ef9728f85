export { default } from '@/features/community/admin/pages/community'
