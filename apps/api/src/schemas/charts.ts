import { z } from "zod";
import { idField } from "./fields";

/** An IANA time zone the runtime knows ("Europe/Paris"): PostgreSQL is only ever given one of these. */
export const timeZoneField = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_+\-/]+$/, "Not a time zone name")
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, "Unknown time zone");

/** The days a chart covers (ending today in the viewer's time zone), for an organisation or one connection. */
export const chartRangeInput = z.object({
  days: z.number().int().min(7).max(366).default(30),
  timeZone: timeZoneField,
  connectionId: idField.optional(),
});
export type ChartRangeInput = z.input<typeof chartRangeInput>;
