import { ImportRowError } from '@achievement/contracts';
import { toErrorBody } from '@achievement/platform';
import { ArgumentsHost, BadRequestException, Catch, ExceptionFilter } from '@nestjs/common';

/** A contacts import with problems: nothing was written; every problem is listed with its line. */
export class ContactImportError extends BadRequestException {
  constructor(
    readonly rowErrors: ImportRowError[],
    totalProblems = rowErrors.length,
  ) {
    const lines = [...new Set(rowErrors.map((e) => e.line))];
    super({
      message:
        `Nothing was imported: the file has ${totalProblems} problem${totalProblems === 1 ? '' : 's'} ` +
        `(line${lines.length === 1 ? '' : 's'} ${lines.slice(0, 10).join(', ')}${lines.length > 10 ? ', …' : ''}). Correct them and import the whole file again.`,
      code: 'CONTACT_ROWS_INVALID',
    });
  }
}

interface ReplyLike {
  status(code: number): ReplyLike;
  header(name: string, value: string): ReplyLike;
  send(body: unknown): void;
}

/** The API's one error shape, plus the import's rowErrors. */
@Catch(ContactImportError)
export class ContactImportErrorFilter implements ExceptionFilter {
  catch(exception: ContactImportError, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<ReplyLike>();
    const req = ctx.getRequest<{ id?: string }>();
    reply
      .status(400)
      .header('Cache-Control', 'no-store')
      .send({ ...toErrorBody(exception), rowErrors: exception.rowErrors, requestId: req.id });
  }
}
