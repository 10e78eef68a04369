import { z } from "zod";
import { zenefitsAtsHttp } from "../ats/context";
import { type ZenefitsAtsCredentials, zenefitsAtsCredentials } from "../ats/credentials";

/**
 * The import channel's credentials (Company ID, Client Secret: not the HR API token), as an
 * ATS connection keeps them beside its own: an ATS's settings page collects them, as Lever's
 * built-in Zenefits integration does (reference §9). Prefixed so they cannot collide with the
 * ATS's own fields.
 */
export const zenefitsImportChannelCredentials = z.object({
  zenefitsCompanyId: zenefitsAtsCredentials.shape.companyId,
  zenefitsClientSecret: zenefitsAtsCredentials.shape.clientSecret,
  zenefitsBaseUrl: zenefitsAtsCredentials.shape.baseUrl,
});
export type ZenefitsImportChannelCredentials = z.infer<typeof zenefitsImportChannelCredentials>;

export function channelCredentials(credentials: ZenefitsImportChannelCredentials): ZenefitsAtsCredentials {
  return {
    companyId: credentials.zenefitsCompanyId,
    clientSecret: credentials.zenefitsClientSecret,
    baseUrl: credentials.zenefitsBaseUrl,
  };
}

export const importChannelHttp = (credentials: ZenefitsImportChannelCredentials) =>
  zenefitsAtsHttp(channelCredentials(credentials));
