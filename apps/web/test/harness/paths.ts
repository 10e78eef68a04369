import path from "node:path";
import { fileURLToPath } from "node:url";

/** apps/web, whatever the working directory of the test run. */
export const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Screenshots of key screens land here (git-ignored), for people and reviewers to look at. */
export const artifactsDir = path.resolve(webRoot, "../../test-artifacts");
