import type { IdentityOverrides } from "./employee-factory";
import type { EmployeeKind } from "./history";
import { LOCATIONS, type Place } from "./vocabulary";

/**
 * Fixed awkward cases placed at the start of every company, so even the
 * smallest seed contains each of them. Everyone after them is random.
 */
export interface Fixture {
  kind: EmployeeKind;
  identity: IdentityOverrides;
  jobTitle?: string;
  /** null pins "none"; undefined draws at random. */
  department?: string | null;
  division?: string | null;
  location?: Place | null;
  /** Fixture index of the supervisor, or null for nobody; undefined reports to the CEO. */
  reportsTo?: number | null;
  contractor?: boolean;
  futurePromotion?: boolean;
}

const LINDON = LOCATIONS[0] as Place;

export const FIXTURES: readonly Fixture[] = [
  {
    kind: "active",
    identity: { firstName: "Jennifer", lastName: "Caldwell" },
    jobTitle: "Chief Executive Officer",
    department: "Operations",
    division: "North America",
    location: LINDON,
    reportsTo: null,
  },
  {
    kind: "active",
    identity: { firstName: "Charlotte", lastName: "Abbott", preferredName: null },
    jobTitle: "Sr. HR Administrator",
    department: "Human Resources",
    division: "North America",
    location: LINDON,
  },
  { kind: "terminated", identity: { firstName: "Zoë", lastName: "O'Brien" } },
  {
    kind: "active",
    identity: { firstName: "José", lastName: "Núñez", hireDate: "0000-00-00", middleName: "" },
    department: null,
    division: null,
    location: null,
  },
  { kind: "active", identity: { firstName: "伟", lastName: "李", workEmail: "", preferredName: "" }, reportsTo: null },
  { kind: "rehire", identity: { firstName: "Renée", lastName: "García-López" } },
  { kind: "futureHire", identity: { firstName: "Björn", lastName: "Ødegård" } },
  { kind: "inactive", identity: { firstName: "Siobhán", lastName: "D'Angelo" } },
  {
    kind: "active",
    identity: { firstName: "Ana María", lastName: "van der Berg", dateOfBirth: "0000-00-00", noCustomValues: true },
    contractor: true,
  },
  { kind: "active", identity: { firstName: "Chidi", lastName: "Okafor", employeeNumber: "" }, reportsTo: 2 },
  {
    kind: "active",
    identity: { firstName: "Łukasz", lastName: "Kowalczyk" },
    jobTitle: "Senior Software Engineer",
    department: "Engineering",
    reportsTo: 9,
    futurePromotion: true,
  },
  { kind: "futureTermination", identity: { firstName: "Thảo", lastName: "Nguyễn" } },
];

/** Where each awkward case sits; tests and docs refer to them by name. */
export const FIXTURE = {
  /** Root of the org chart: no supervisor. */
  ceo: 0,
  /** The default API key's user is linked to this employee (`employees/0`). */
  hrAdmin: 1,
  /** Terminated (Inactive): absent from the directory, present in reports and tables; still supervises Chidi. */
  terminated: 2,
  /** No department, division or location; hire date "0000-00-00"; middle name "". */
  unplaced: 3,
  /** Work e-mail "" and preferred name ""; no supervisor although not the CEO. */
  blankStrings: 4,
  /** Hired, terminated, hired again; first stint in an archived department. */
  rehire: 5,
  /** Active with a hire date after today: in the directory only with onlyCurrent=false. */
  futureHire: 6,
  /** Status Inactive without any termination row. */
  inactiveNotTerminated: 7,
  /** Contractor: no compensation rows; birth date "0000-00-00"; no custom values. */
  contractor: 8,
  /** Employee number ""; reports to the terminated employee; supervises Łukasz (whose supervisorId is ""). */
  noEmployeeNumber: 9,
  /** The restricted user's employee; has a promotion dated after today. */
  restrictedUser: 10,
  /** Active, with a termination dated after today. */
  futureTermination: 11,
} as const;

export const MIN_EMPLOYEES = FIXTURES.length;
