export { default } from '@/features/groupcode/admin/pages/group-codes'
