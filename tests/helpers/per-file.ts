/**
 * Runs before every test file (vitest `setupFiles`), also when files share one module cache
 * (the `fast` project's isolate: false): hooks a shared helper needs in each file go here.
 */
import { afterEach } from 'vitest';
import { cleanUpTemps } from './temp.js';

afterEach(cleanUpTemps);
