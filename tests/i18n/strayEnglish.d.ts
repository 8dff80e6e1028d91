export interface Stray {
    file: string;
    line: number;
    text: string;
}
export declare const DIRS: readonly string[];
export declare function strayEnglish(root: string, dirs?: readonly string[]): Stray[];
