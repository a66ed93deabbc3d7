import { printParseErrorCode, type ParseErrorCode } from 'jsonc-parser';

/** A JSON syntax error's name, as jsonc-parser prints it (`CommaExpected`): the code a UI translates. */
export type JsonSyntaxError = ReturnType<typeof printParseErrorCode>;

const MESSAGES: Record<JsonSyntaxError, string> = {
  InvalidSymbol: 'unexpected character (comments, single quotes and unquoted words are not JSON)',
  InvalidNumberFormat: 'badly formed number',
  PropertyNameExpected: 'expected a field name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected a colon after the field name',
  CommaExpected: 'expected a comma between items',
  CloseBraceExpected: 'expected } to close the object',
  CloseBracketExpected: 'expected ] to close the list',
  EndOfFileExpected: 'unexpected text after the end of the document',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character in a string',
  InvalidCharacter: 'invalid character in a string (a raw line break or control character)',
  '<unknown ParseErrorCode>': 'unreadable JSON',
};

/** The names of every JSON syntax error, for a UI that says each in its own language. */
export const JSON_SYNTAX_ERRORS = Object.keys(MESSAGES) as readonly JsonSyntaxError[];

/** A JSON syntax error as a sentence: `malformed JSON: expected a comma between items`. */
export function jsonSyntaxMessage(code: ParseErrorCode): string {
  return `malformed JSON: ${MESSAGES[printParseErrorCode(code)]}`;
}
