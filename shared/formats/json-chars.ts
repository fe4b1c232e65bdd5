/** Character codes and container kinds shared by the JSON scanners. */
export const QUOTE = 34; // "
export const BACKSLASH = 92; // \
export const OPEN_BRACE = 123; // {
export const CLOSE_BRACE = 125; // }
export const OPEN_BRACKET = 91; // [
export const CLOSE_BRACKET = 93; // ]
export const COMMA = 44; // ,

/** Container kinds on a scanner's stack. */
export const OBJ = 0;
export const ARR = 1;
