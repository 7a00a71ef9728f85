export { default } from '@/features/checkin/admin/pages/checkin-rule'
