import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project folder (where package.json is), found from this module whether it runs from `server/` under tsx
 * or bundled into `dist-server/` by `npm run build`: the paths below then hold for both.
 */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}

export const PROJECT_ROOT = projectRoot(dirname(fileURLToPath(import.meta.url)));
export const PACKAGE_JSON = join(PROJECT_ROOT, 'package.json');
/** The built PWA. */
export const STATIC_DIR = join(PROJECT_ROOT, 'dist');
export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'server', 'migrations');
