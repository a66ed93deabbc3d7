/** The defaults a layout import fills in (src/domain/layoutImport.ts), read once from data/editor.json. */
import raw from '../../../data/editor.json' with { type: 'json' };
import { readImportDefaults, type ImportDefaults } from '../../domain/layoutImport';

export const IMPORT_DEFAULTS: ImportDefaults = readImportDefaults(raw);
