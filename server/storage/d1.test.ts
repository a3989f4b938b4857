import { Miniflare } from 'miniflare';
import type { D1Database } from '@cloudflare/workers-types';
import { openD1Storage } from './d1-storage.ts';
import { repositoryContract } from './repository.contract.ts';

repositoryContract('Cloudflare D1 (workerd via miniflare, offline)', async () => {
  const miniflare = new Miniflare({
    modules: true,
    script: 'export default { fetch() { return new Response("ok") } }',
    d1Databases: ['DB'],
  });
  const database = (await miniflare.getD1Database('DB')) as unknown as D1Database;
  const repository = await openD1Storage(database);
  return {
    repository,
    close: async () => {
      await repository.close();
      await miniflare.dispose();
    },
  };
});
