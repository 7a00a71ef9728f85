import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { ServiceContext } from '../service-context';
import { runStatement } from '../db/sql';
import { badInput, forbidden } from '../graphql/graphql-errors';
import { requireUser } from '../auth/require-user';
import { ADMIN_ROLES, MemberRole, MemberStatus } from '../member/member.enums';
import { Questionnaire } from './questionnaire.entity';
import { questionDefinitions } from './questionnaire-rules';
import { QuestionnaireView, SaveQuestionnaireInput } from './questionnaire.types';
import type { Clock } from '../common/clock';
import type { MemberAccessService } from '../member/member-access.service';
import type { EconomyCapExceeded } from '../points/economy-caps.types';
import type { EconomyCapsService } from '../points/economy-caps.service';

/** The entry questionnaire: admins write it, members and applicants read it (without scores). */
export class QuestionnaireService {
  constructor(
    private readonly clock: Clock,
    private readonly access: MemberAccessService,
    private readonly economyCaps: EconomyCapsService,
  ) {}

  async view(ctx: ServiceContext, communityId: number): Promise<QuestionnaireView | null> {
    const member = await this.access.callerMember(ctx, communityId);
    if (!member || (member.status !== MemberStatus.ACTIVE && member.status !== MemberStatus.APPLICANT)) throw forbidden('你还不是该社群的成员');
    const questionnaire = await this.find(ctx, communityId);
    const admin = member.status === MemberStatus.ACTIVE && (ADMIN_ROLES as readonly MemberRole[]).includes(member.role);
    return questionnaire && toView(questionnaire, admin);
  }

  find(ctx: ServiceContext, communityId: number): Promise<Questionnaire | null> {
    return ctx.em.findOne(Questionnaire, { community: communityId }, { refresh: true });
  }

  /**
   * Creates or replaces the community's questionnaire. Applications already submitted keep
   * the questions they answered; question and option ids named in the input are kept. The welcome
   * points are one action's pay: within the OWNER's economy caps.
   */
  async save(ctx: ServiceContext, communityId: number, input: SaveQuestionnaireInput): Promise<QuestionnaireView | EconomyCapExceeded> {
    const user = requireUser(ctx);
    const title = input.title.trim();
    if (!title) throw badInput('请填写问卷标题', 'input.title');
    const refusal = await this.economyCaps.refusal(ctx, communityId, { perAction: input.welcomePoints });
    if (refusal) return refusal;
    for (let attempt = 1; ; attempt += 1) {
      const now = this.clock.now();
      const current = await this.find(ctx, communityId);
      const columns = {
        title,
        intro: input.intro?.trim() || null,
        passScore: input.passScore,
        autoApprove: input.autoApprove,
        welcomePoints: input.welcomePoints,
        questions: questionDefinitions(input.questions, current?.questions ?? []),
        updatedBy: user,
        updatedAt: now,
      };
      try {
        if (current) {
          await runStatement(
            ctx.em,
            `update questionnaire set title = ?, intro = ?, pass_score = ?, auto_approve = ?, welcome_points = ?, questions = ?,
                    updated_by_id = ?, updated_at = ? where id = ?`,
            [columns.title, columns.intro, columns.passScore, columns.autoApprove, columns.welcomePoints, JSON.stringify(columns.questions), user.id, now, current.id],
          );
        } else {
          await ctx.em.insert(Questionnaire, { ...columns, community: communityId, createdAt: now });
        }
        return toView((await this.find(ctx, communityId))!, true);
      } catch (error) {
        // Two admins saving the first version at once: the unique key picks one, the other updates it.
        if (!(error instanceof UniqueConstraintViolationException) || attempt >= 2) throw error;
      }
    }
  }
}

/** Scores, tags and the pass score are the admins' business; applicants see the questions. */
export function toView(questionnaire: Questionnaire, admin: boolean): QuestionnaireView {
  return Object.assign(new QuestionnaireView(), {
    id: questionnaire.id,
    title: questionnaire.title,
    intro: questionnaire.intro ?? null,
    passScore: admin ? questionnaire.passScore : null,
    autoApprove: questionnaire.autoApprove,
    welcomePoints: questionnaire.welcomePoints,
    updatedAt: questionnaire.updatedAt,
    questions: questionnaire.questions.map((question) => ({
      id: question.id,
      type: question.type,
      title: question.title,
      required: question.required,
      maxLength: question.maxLength,
      options: question.options.map((option) => ({
        id: option.id,
        label: option.label,
        score: admin ? option.score : null,
        tags: admin ? option.tags : null,
      })),
    })),
  });
}
