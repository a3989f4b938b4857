/**
 * Node's encoders for prepared responses (see rules-response.ts): brotli and gzip from node:zlib, run on
 * libuv's thread pool so a large payload never blocks requests. Small bodies get the best compression;
 * past 256 KB a faster level keeps a 10,000-message channel's payload ready in tens of milliseconds.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { RulesEncoders } from './rules-response.ts';

const large = 256 * 1024;
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Brotli and gzip.
 *
 * @example createApp({ ...deps, rulesEncoders: nodeEncoders })
 */
export const nodeEncoders: RulesEncoders = {
  br: (body) =>
    brotli(body, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: body.byteLength > large ? 4 : 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
      },
    }),
  gzip: (body) => gzipAsync(body, { level: body.byteLength > large ? 4 : 9 }),
};
