import { RecentNoticeErrorBody, RENOTIFY_CONFIRM_HOURS } from '@achievement/contracts';
import { toErrorBody } from '@achievement/platform';
import { ArgumentsHost, Catch, ConflictException, ExceptionFilter } from '@nestjs/common';

/** Some selected documents were notified lately: nothing was sent; ask the person to confirm. */
export class RecentNoticeError extends ConflictException {
  constructor(readonly recentlyNotified: number) {
    super({
      message:
        `${recentlyNotified} of the selected document${recentlyNotified === 1 ? ' was' : 's were'} notified to the learner within the last ${RENOTIFY_CONFIRM_HOURS} hours. ` +
        'Nothing was sent: confirm to notify again.',
      code: 'RECENTLY_NOTIFIED',
    });
  }
}

interface ReplyLike {
  status(code: number): ReplyLike;
  header(name: string, value: string): ReplyLike;
  send(body: unknown): void;
}

/** The API's one error shape, plus recentlyNotified. */
@Catch(RecentNoticeError)
export class RecentNoticeErrorFilter implements ExceptionFilter {
  catch(exception: RecentNoticeError, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<{ id?: string }>();
    const body: RecentNoticeErrorBody = { ...toErrorBody(exception), recentlyNotified: exception.recentlyNotified, requestId: req.id };
    ctx.getResponse<ReplyLike>().status(409).header('Cache-Control', 'no-store').send(body);
  }
}
