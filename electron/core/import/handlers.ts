import type { Handlers } from '../../../shared/api/index.js';
import type { importMethods } from '../../../shared/api/import.js';
import type { Importer } from './importer.js';

export function importHandlers(importer: Importer): Pick<Handlers, keyof typeof importMethods> {
  return {
    importFolder: ({ dir, take }) => importer.run(dir, undefined, take),
    startImport: ({ dir, take }) => importer.start(dir, take),
    getImportJob: ({ job }) => importer.get(job),
  };
}
