import { randomBytes } from 'node:crypto';
import type { Clock } from '../common/clock';
import type { ImageCheckService } from '../content-safety/image-check.service';
import { CheckScene, ContentTargetType } from '../content-safety/content-safety.enums';
import type { ServiceContext } from '../service-context';
import type { MemberAccessService } from '../member/member-access.service';
import { badInput } from '../graphql/graphql-errors';
import { runStatement, selectRows, SqlTarget } from '../db/sql';
import { intakeImage } from './image-intake';
import { Media } from './media.entity';
import { MediaPurpose, MediaStatus } from './media.enums';
import { MediaStorage, PUBLIC_PREFIX } from './media-storage';
import { MediaImage } from './media.types';

export interface UploadInput {
  communityId: number;
  purpose: MediaPurpose;
  bytes: Buffer;
}

/**
 * Uploaded images: taken in (decoded, checked, re-encoded: image-intake.ts), stored under unguessable keys,
 * handed to their uploader's own requests only (`claim`), linked for the people who may see them, and
 * withdrawn everywhere when WeChat's check or an admin says so.
 */
export class MediaService {
  constructor(
    private readonly storage: MediaStorage,
    private readonly access: MemberAccessService,
    private readonly clock: Clock,
    private readonly imageChecks: ImageCheckService,
  ) {}

  /**
   * The caller must be an active member of the community: an image is always some community's. Every image is
   * shown at once and handed to WeChat's asynchronous check (mediaCheckAsync), whose risky verdict withdraws it.
   */
  async upload(ctx: ServiceContext, input: UploadInput): Promise<MediaImage> {
    await this.access.assertActiveMember(ctx, input.communityId);
    const intake = await intakeImage(input.bytes);
    const name = randomBytes(24).toString('base64url');
    const folder = input.purpose === MediaPurpose.AVATAR ? PUBLIC_PREFIX : `c/${input.communityId}/`;
    const objectKey = `${folder}${name}.jpg`;
    const thumbnailKey = `${folder}${name}_t.jpg`;
    await Promise.all([this.storage.put(objectKey, intake.full, 'image/jpeg'), this.storage.put(thumbnailKey, intake.thumbnail, 'image/jpeg')]);
    const media = ctx.em.create(Media, {
      community: input.communityId,
      uploader: ctx.userId!,
      purpose: input.purpose,
      objectKey,
      thumbnailKey,
      width: intake.width,
      height: intake.height,
      bytes: intake.full.length,
      createdAt: this.clock.now(),
    });
    await ctx.em.persistAndFlush(media);
    const image = await this.imageOf(media);
    if (this.imageChecks.enabled) {
      await this.imageChecks.submitImageCheck({
        openid: ctx.user!.openid,
        mediaUrl: image.url,
        target: { type: ContentTargetType.MEDIA, id: media.id, communityId: input.communityId, authorUserId: ctx.userId! },
        scene: input.purpose === MediaPurpose.AVATAR ? CheckScene.PROFILE : input.purpose === MediaPurpose.POST ? CheckScene.FORUM : CheckScene.COMMENT,
      });
    }
    return image;
  }

  /**
   * The caller's own, live image of the given purposes (and community, when the use is a community's), for
   * attaching to what they write. Someone else's id, another community's, a withdrawn one or an unknown
   * one are refused alike: the answer tells nothing about other people's media.
   */
  async claim(ctx: ServiceContext, mediaId: number, use: { purposes: MediaPurpose[]; communityId?: number; field: string }): Promise<Media> {
    const media = await ctx.em.findOne(Media, mediaId);
    const usable =
      media &&
      media.uploader.id === ctx.userId &&
      media.status === MediaStatus.ACTIVE &&
      use.purposes.includes(media.purpose) &&
      (use.communityId === undefined || media.community.id === use.communityId);
    if (!usable) throw badInput('图片不存在或不能在这里使用，请重新上传', use.field);
    return media;
  }

  /** Avatars are public (a fixed URL); community media are signed links that expire. */
  async imageOf(media: Media): Promise<MediaImage> {
    const link = (key: string) => (key.startsWith(PUBLIC_PREFIX) ? Promise.resolve(this.storage.publicUrl(key)) : this.storage.signedUrl(key, this.clock.now()));
    const [url, thumbnailUrl] = await Promise.all([link(media.objectKey), link(media.thumbnailKey)]);
    return Object.assign(new MediaImage(), { id: String(media.id), url, thumbnailUrl, width: media.width, height: media.height });
  }

  publicUrlOf(media: Media): string {
    return this.storage.publicUrl(media.objectKey);
  }

  /**
   * Takes an image down everywhere, once: its files are deleted (so links already handed out die with
   * them) and the avatars that showed it fall back to the letter. True when this call withdrew it.
   */
  async withdraw(tx: SqlTarget, mediaId: number): Promise<boolean> {
    const now = this.clock.now();
    const { affectedRows } = await runStatement(tx, 'update media set status = ?, withdrawn_at = ? where id = ? and status = ?', [
      MediaStatus.WITHDRAWN,
      now,
      mediaId,
      MediaStatus.ACTIVE,
    ]);
    if (!affectedRows) return false;
    await runStatement(tx, 'update app_user set avatar_url = null, avatar_media_id = null, updated_at = ? where avatar_media_id = ?', [now, mediaId]);
    const [keys] = await selectRows<{ objectKey: string; thumbnailKey: string }>(tx, 'select object_key as objectKey, thumbnail_key as thumbnailKey from media where id = ?', [mediaId]);
    await this.storage.remove([keys.objectKey, keys.thumbnailKey]);
    return true;
  }
}
