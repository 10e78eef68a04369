import { z } from "zod";
import { idField, organisationNameField } from "./fields";

export const switchOrganisationInput = z.object({ organisationId: idField });
export type SwitchOrganisationInput = z.infer<typeof switchOrganisationInput>;

export const renameOrganisationInput = z.object({ name: organisationNameField });
export type RenameOrganisationInput = z.infer<typeof renameOrganisationInput>;
