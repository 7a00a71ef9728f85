import type { EntityManager } from '@mikro-orm/knex';
import type { ExportSource } from '../export/export.service';
import { localDateTime } from '../export/format-cells';
import type { CellValue, Sheet } from '../export/spreadsheet';
import { SignupFieldType } from './signup.enums';
import { SignupForm } from './signup-form.entity';
import { LIVE, SignupSubmission } from './signup-submission.entity';
import { sortForAdmins } from './signup-form.service';
import type { SignupAnswerSnapshot } from './signup-field';
import { SignupStatus } from './signup.enums';

/** Confirmed sign-ups then the waitlist, one column per field of the form, headed by its label. */
export const signupExport: ExportSource = {
  kind: 'signup',
  label: '报名名单',

  async describe(em: EntityManager, id: number) {
    const form = await em.findOne(SignupForm, id, { populate: ['community'] });
    return form && { communityId: form.community.id, title: form.title, timezone: form.community.timezone };
  },

  async sheet(em: EntityManager, id: number, timezone: string): Promise<Sheet> {
    const form = await em.findOneOrFail(SignupForm, id);
    const live = sortForAdmins(await em.find(SignupSubmission, { form: id, liveKey: LIVE }, { populate: ['member.user'] }));
    let waiting = 0;
    return {
      name: '报名名单',
      columns: [
        { header: '序号', width: 6 },
        { header: '昵称', width: 18 },
        { header: '状态', width: 10 },
        ...form.fields.map((field) => ({ header: field.label, width: field.type === SignupFieldType.TEXTAREA ? 40 : 16 })),
        { header: '报名时间', width: 18 },
      ],
      rows: live.map((submission, index) => {
        const answers = new Map(submission.answers.map((answer) => [answer.fieldId, answer]));
        const status = submission.status === SignupStatus.CONFIRMED ? '已报名' : `候补第 ${(waiting += 1)} 位`;
        return [
          index + 1,
          submission.member.user.nickname ?? `成员${submission.member.id}`,
          status,
          ...form.fields.map((field) => cell(answers.get(field.id))),
          localDateTime(submission.createdAt, timezone),
        ];
      }),
    };
  },
};

function cell(answer: SignupAnswerSnapshot | undefined): CellValue {
  if (!answer) return null;
  if (answer.values) return answer.values.join('、');
  if (answer.type === SignupFieldType.NUMBER && answer.value !== null) return Number(answer.value);
  return answer.value;
}
