export { default } from '@/features/questionnaire/admin/pages/questionnaire-edit'
