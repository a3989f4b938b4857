import { describe, expect, it } from 'vitest';
import { storageTarget } from './node-storage.ts';

describe('storageTarget (DATABASE_URL)', () => {
  it('defaults to the SQLite file under ./data', () => {
    expect(storageTarget(undefined)).toEqual({ kind: 'sqlite', path: './data/proactive.db' });
    expect(storageTarget('  ')).toEqual({ kind: 'sqlite', path: './data/proactive.db' });
  });

  it('reads SQLite paths, PostgreSQL URLs and PGlite directories', () => {
    expect(storageTarget('/var/lib/p.db')).toEqual({ kind: 'sqlite', path: '/var/lib/p.db' });
    expect(storageTarget('file:./x.db')).toEqual({ kind: 'sqlite', path: './x.db' });
    expect(storageTarget('sqlite:///tmp/x.db')).toEqual({ kind: 'sqlite', path: '/tmp/x.db' });
    expect(storageTarget('postgres://u@h:5432/db')).toEqual({
      kind: 'postgres',
      url: 'postgres://u@h:5432/db',
    });
    expect(storageTarget('postgresql://h/db')).toMatchObject({ kind: 'postgres' });
    expect(storageTarget('pglite:')).toEqual({ kind: 'pglite', dataDir: undefined });
    expect(storageTarget('pglite:memory')).toEqual({ kind: 'pglite', dataDir: undefined });
    expect(storageTarget('pglite:./pg')).toEqual({ kind: 'pglite', dataDir: './pg' });
  });

  it('refuses schemes it does not support, saying what it does support', () => {
    expect(() => storageTarget('mysql://h/db')).toThrow(/not supported: mysql.*postgres/);
  });
});
