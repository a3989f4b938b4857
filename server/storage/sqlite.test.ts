import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNodeStorage } from './node-storage.ts';
import { repositoryContract } from './repository.contract.ts';

repositoryContract('SQLite (better-sqlite3, WAL)', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'proactive-sqlite-'));
  const { repository } = await openNodeStorage(join(directory, 'nested', 'test.db'));
  return {
    repository,
    close: async () => {
      await repository.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
});
