import type { Employee } from "@roster/core";

/** A person with nothing but a name (their remote id unless given), a work email and the links named. */
export const person = (
  remoteId: string,
  links: { manager?: string; department?: string; location?: string },
  fields: Partial<Employee> = {},
): Employee => ({
  remoteId,
  firstName: remoteId,
  lastName: null,
  preferredName: null,
  displayName: remoteId,
  workEmail: `${remoteId}@example.com`,
  personalEmail: null,
  workPhone: null,
  personalPhone: null,
  status: "active",
  remoteStatus: null,
  employmentType: null,
  jobTitle: null,
  departmentRemoteId: links.department ?? null,
  locationRemoteId: links.location ?? null,
  managerRemoteId: links.manager ?? null,
  hireDate: null,
  startDate: null,
  terminationDate: null,
  remoteData: { id: remoteId },
  remoteUpdatedAt: null,
  ...fields,
});
