import type { FormatError } from '../../shared/formats/record';
import { InputError } from '../io/input-error';

/** A reader's FormatError, with the file it came from. */
export function toInputError(error: FormatError, file: string): InputError {
  return new InputError(error.message, file, error.line, error.record);
}
