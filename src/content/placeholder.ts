/** Text `policy new` writes where an author must write something; `check` refuses it. */
export const PLACEHOLDER = 'TODO:';
