export { default } from '@/features/signup/admin/pages/signup-edit'
