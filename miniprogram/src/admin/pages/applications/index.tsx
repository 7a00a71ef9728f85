export { default } from '@/features/questionnaire/admin/pages/applications'
