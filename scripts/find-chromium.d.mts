export declare function findChromium(): string | null;
export declare function findHeadlessShell(): string | null;
export declare function findTestChromium(): string | null;
export declare const chromiumHelp: string;
