export type * from "./account";
export type * from "./candidate";
export type * from "./documents";
export type * from "./interviews";
export type * from "./records";
