// The reusable browser-test harness: start a private stack, drive it, keep screenshots.
export { apiStatusFromPage, screenshot, signIn, signOut, signUp } from "./actions";
export { type A11yViolation, seriousA11yViolations } from "./axe";
export { CHROMIUM_FLAGS, chromiumPath, launchChromium } from "./chromium";
export { type Stack, type StackOptions, startStack } from "./stack";
export { stackForFile } from "./stack-for-file";
export { waitForWebBuild } from "./web-build-markers";
export { startWebServer, type WebServer } from "./web-server";
export { startTestWorker, type TestWorker } from "./worker";
