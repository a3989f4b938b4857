import pg from 'pg';
import { openNodeStorage } from './node-storage.ts';
import { repositoryContract } from './repository.contract.ts';

const url = process.env.TEST_DATABASE_URL;
const schema = `t_${Math.random().toString(36).slice(2, 10)}`;

repositoryContract(
  url
    ? `PostgreSQL server (TEST_DATABASE_URL, schema ${schema})`
    : 'PostgreSQL via PGlite (in-process; TEST_DATABASE_URL unset)',
  async () => {
    if (!url) {
      const { repository } = await openNodeStorage('pglite:');
      return { repository };
    }
    const { repository } = await openNodeStorage(url, { schema });
    return {
      repository,
      close: async () => {
        await repository.close();
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`drop schema if exists "${schema}" cascade`);
        await client.end();
      },
    };
  },
);
