export { default } from '@/features/invite/admin/pages/invites'
