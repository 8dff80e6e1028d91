/** The Chinese (or any) side of an area: the same keys as the English, each a string. */
export type Translation<T> = { readonly [K in keyof T]: string };
