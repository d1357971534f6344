/**
 * Imported first by main.tsx, before any schema exists. zod compiles fast parsers with
 * `new Function` when it may; the app's Content-Security-Policy forbids eval, and zod's probe
 * for it would show up as a policy violation on every start. Jitless parsing avoids the probe.
 */
import { z } from 'zod';

z.config({ jitless: true });
