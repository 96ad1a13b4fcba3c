import 'reflect-metadata';
import { ConfigError, loadConfig } from '@achievement/platform';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.PORT, config.HOST);
  const workers = config.RUN_WORKERS_IN_API ? 'with queue processors in this process' : 'queue processors run in the worker';
  console.log(`Achievement Portal is listening on ${config.PUBLIC_URL} (${workers}); API docs at ${config.PUBLIC_URL}/api/docs`);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error('The api could not start:', err);
  }
  process.exit(1);
});
