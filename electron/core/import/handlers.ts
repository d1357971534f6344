import type { Handlers } from '../../../shared/api/index.js';
import type { importMethods } from '../../../shared/api/import.js';
import type { Importer } from './importer.js';

export function importHandlers(importer: Importer): Pick<Handlers, keyof typeof importMethods> {
  return {
    importFolder: ({ dir }) => importer.run(dir),
    startImport: ({ dir }) => importer.start(dir),
    getImportJob: ({ job }) => importer.get(job),
  };
}
