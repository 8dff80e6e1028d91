export interface Stray {
    file: string;
    line: number;
    text: string;
}
export declare function strayEnglish(root: string): Stray[];
