/** Every page's URL, in one place, so links and routes cannot drift apart. */
export const paths = {
  signIn: "/sign-in",
  signUp: "/sign-up",
  invite: (token: string) => `/invite/${token}`,
  dashboard: "/",
  directory: "/directory",
  zenefits: "/settings/hris/zenefits",
  lever: "/settings/integrations/lever",
  members: "/members",
  audit: "/audit",
} as const;
