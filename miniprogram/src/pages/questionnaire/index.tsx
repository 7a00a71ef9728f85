export { default } from '@/features/questionnaire/pages/questionnaire'
