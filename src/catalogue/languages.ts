/**
 * Languages the catalogue knows, by ISO 639-1 code, with the names staff use for them in English and
 * natively (and in Spanish and French, the other working languages). Query understanding and the
 * importer both read names through this one table.
 */
export interface LanguageInfo {
  /** ISO 639-1 code. */
  code: string;
  /** English name, as shown to users ("French"). */
  name: string;
  /** Name in the language itself ("français"). */
  native: string;
  /** Other names that mean this language (adjectives and names in other working languages), lower case. */
  aliases: readonly string[];
}

export const LANGUAGES: readonly LanguageInfo[] = [
  { code: 'en', name: 'English', native: 'English', aliases: ['english', 'inglés', 'ingles', 'anglais'] },
  { code: 'fr', name: 'French', native: 'français', aliases: ['french', 'francés', 'frances', 'français', 'francais', 'française', 'francaise'] },
  { code: 'es', name: 'Spanish', native: 'español', aliases: ['spanish', 'español', 'espanol', 'española', 'espanola', 'castellano', 'espagnol'] },
  { code: 'ar', name: 'Arabic', native: 'العربية', aliases: ['arabic', 'árabe', 'arabe', 'العربية'] },
  { code: 'it', name: 'Italian', native: 'italiano', aliases: ['italian', 'italiano', 'italien'] },
  { code: 'hy', name: 'Armenian', native: 'հայերեն', aliases: ['armenian', 'armenio', 'arménien', 'armenien', 'հայերեն'] },
  { code: 'pt', name: 'Portuguese', native: 'português', aliases: ['portuguese', 'portugués', 'portugues', 'português', 'portugais'] },
  { code: 'ru', name: 'Russian', native: 'русский', aliases: ['russian', 'ruso', 'russe', 'русский'] },
  { code: 'zh', name: 'Chinese', native: '中文', aliases: ['chinese', 'chino', 'chinois', '中文'] },
  { code: 'de', name: 'German', native: 'Deutsch', aliases: ['german', 'alemán', 'aleman', 'allemand', 'deutsch'] },
];

const byCode = new Map(LANGUAGES.map((l) => [l.code, l]));

/** ISO 639-1 codes of every known language. */
export const LANGUAGE_CODES: readonly string[] = LANGUAGES.map((l) => l.code);

/** The language with this ISO 639-1 code, or undefined. */
export function languageByCode(code: string): LanguageInfo | undefined {
  return byCode.get(code);
}

/** English display name for a code ("fr" → "French"); the code itself when unknown. */
export function languageName(code: string): string {
  return byCode.get(code)?.name ?? code;
}

const byName = new Map<string, LanguageInfo>(
  LANGUAGES.flatMap((l) => [l.name, l.native, ...l.aliases].map((n) => [n.toLowerCase(), l] as const)),
);

/** The language called this (English or native name, or an alias; case-insensitive), or undefined. */
export function languageByName(name: string): LanguageInfo | undefined {
  return byName.get(name.trim().toLowerCase());
}
