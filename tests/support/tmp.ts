import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary directory for one test file. */
export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `mycanada-${prefix}-`));
