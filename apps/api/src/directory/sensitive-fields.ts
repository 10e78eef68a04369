import type { PersonDetail } from "@roster/directory";
import { type MembershipAccess, membershipSatisfies } from "../auth/permissions";

/**
 * Personal contact details and custom field values (which often hold pay, birthdays and the
 * like) are sensitive: owners, admins and members holding the sensitive-data flag see them;
 * other members see the rest of the person, with `sensitiveHidden` set so the page can say so.
 */
export function personFor(person: PersonDetail, caller: MembershipAccess) {
  if (membershipSatisfies("sensitive", caller)) return { ...person, sensitiveHidden: false };
  return { ...person, personalEmail: null, personalPhone: null, customFields: [], sensitiveHidden: true };
}
