import { z } from "zod";
import { idField, roleField } from "./fields";

export const changeRoleInput = z.object({ userId: idField, role: roleField });
export type ChangeRoleInput = z.infer<typeof changeRoleInput>;

export const setSensitiveInput = z.object({ userId: idField, sensitive: z.boolean() });
export type SetSensitiveInput = z.infer<typeof setSensitiveInput>;

export const removeMemberInput = z.object({ userId: idField });
export type RemoveMemberInput = z.infer<typeof removeMemberInput>;
