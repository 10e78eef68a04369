import type { ArchiveReason, Stage } from "../model";

/**
 * Account configuration that does not depend on the seed: a Lever account's pipeline and archive
 * reasons are set up once by its admins. Default lead/applicant stages use Lever's readable slug ids;
 * custom stages use UUIDs (reference §2, §4). The Offer id is the reference's own example.
 */
export const OFFER_STAGE_ID = "f48aad6f-91f7-4e87-b3f3-5e7a9207e54b";
export const HIRED_ARCHIVE_REASON_ID = "16308515-dc77-4aa7-b3af-96161b2b4e9b";

export const STAGES: readonly Stage[] = [
  { id: "lead-new", text: "New lead" },
  { id: "lead-reached-out", text: "Reached out" },
  { id: "lead-responded", text: "Responded" },
  { id: "applicant-new", text: "New applicant" },
  { id: "6b1e3b4a-0c52-4a8e-9d3e-5f0c2a7d1e01", text: "Recruiter Screen" },
  { id: "2ca03d97-d4f2-4a97-89de-96c8b0d07924", text: "Phone Interview" },
  { id: "8d5c0e2f-3a41-4b6f-a7c9-1e2d3f4a5b02", text: "On-Site Interview" },
  { id: "c3f1a9d7-5e2b-4c80-b1d4-6a7e8f9c0d03", text: "Background Check" },
  { id: OFFER_STAGE_ID, text: "Offer" },
];

export const ARCHIVE_REASONS: readonly ArchiveReason[] = [
  { id: HIRED_ARCHIVE_REASON_ID, text: "Hired", status: "active", type: "hired" },
  { id: "0a4c8e12-7b3d-4f56-9a1e-2c3d4e5f6a01", text: "Underqualified", status: "active", type: "non-hired" },
  { id: "1b5d9f23-8c4e-4a67-8b2f-3d4e5f6a7b02", text: "Withdrew", status: "active", type: "non-hired" },
  { id: "2c6e0a34-9d5f-4b78-9c3a-4e5f6a7b8c03", text: "Position filled", status: "active", type: "non-hired" },
  { id: "3d7f1b45-ae60-4c89-8d4b-5f6a7b8c9d04", text: "Offer declined", status: "active", type: "non-hired" },
  { id: "4e802c56-bf71-4d9a-9e5c-6a7b8c9d0e05", text: "Timing", status: "inactive", type: "non-hired" },
];

export const NON_HIRED_REASON_IDS = ARCHIVE_REASONS.filter((r) => r.type === "non-hired").map((r) => r.id);

export function stageIndex(stageId: string): number {
  return STAGES.findIndex((s) => s.id === stageId);
}

/** Unicode on purpose: diacritics, Nordic/Polish letters, Vietnamese, CJK, Greek, Arabic script. */
export const FIRST_NAMES = [
  "Shane",
  "Marvin",
  "Ana",
  "José",
  "Zoë",
  "Łukasz",
  "Søren",
  "Ngọc",
  "Amélie",
  "Björn",
  "Priya",
  "Chidi",
  "Mei",
  "Olamide",
  "Siobhán",
  "François",
  "Dmitrij",
  "Aylin",
  "Kenji",
  "Lucía",
  "Mathéo",
  "Ines",
  "Ravi",
  "Ewa",
  "Tomás",
  "Yara",
  "Noah",
  "Grace",
  "Omar",
  "Hannah",
] as const;

export const LAST_NAMES = [
  "Smith",
  "Gaye",
  "Álvarez",
  "Müller",
  "Wiśniewski",
  "Kierkegård",
  "Nguyễn",
  "Dubois",
  "Öberg",
  "Patel",
  "Okafor",
  "Chen",
  "Adeyemi",
  "Ó Súilleabháin",
  "Lefèvre",
  "Ivanov",
  "Yılmaz",
  "Tanaka",
  "García",
  "Kowalska",
  "Ferreira",
  "Papadopoulos",
  "Haddad",
  "Johnson",
  "O'Brien",
  "van der Berg",
  "Šimůnek",
  "Brown",
  "Dąbrowski",
  "Lee",
] as const;

/** Whole names that do not split on a space, for mapper edge cases. */
export const SINGLE_TOKEN_NAMES = ["王芳", "Björk", "Ελένη Παπαδοπούλου", "محمد علي"] as const;

export const COMPANIES = [
  "Brickly LLC",
  "Vandelay Industries",
  "Initech",
  "Globex",
  "Hooli",
  "Umbrella Labs",
  "Stark Logistics",
  "Wonka Foods",
  "Acme Robotics",
  "Cyberdyne",
  "Soylent Co",
  "Massive Dynamic",
] as const;

export const CANDIDATE_EMAIL_DOMAINS = ["mail.example", "inbox.example", "post.example"] as const;

/** Internal users' domain: the same as the Zenefits reference's work emails, so reports-to can match. */
export const COMPANY_EMAIL_DOMAIN = "acme.example";

export const LOCATIONS = [
  { city: "San Francisco", country: "US" },
  { city: "New York", country: "US" },
  { city: "Austin", country: "US" },
  { city: "Oakland", country: "US" },
  { city: "London", country: "GB" },
  { city: "Berlin", country: "DE" },
  { city: "Toronto", country: "CA" },
  { city: "Remote - US", country: "US" },
] as const;

export const DEPARTMENTS = [
  { department: "Engineering", teams: ["Platform", "Payments", "Mobile", "Data"] },
  { department: "Sales", teams: ["Account Executives", "Sales Development"] },
  { department: "Customer Success", teams: ["Support", "Onboarding"] },
  { department: "People", teams: ["Recruiting", "People Operations"] },
  { department: "Finance", teams: ["Accounting"] },
  { department: "Marketing", teams: ["Growth", "Brand"] },
] as const;

export const JOB_TITLES: Record<string, readonly string[]> = {
  Engineering: [
    "Back End Software Engineer",
    "Front End Engineer",
    "Senior Data Engineer",
    "Site Reliability Engineer",
    "Engineering Manager",
  ],
  Sales: ["Account Executive", "Sales Development Representative", "Sales Manager"],
  "Customer Success": ["Customer Support Specialist", "Onboarding Manager"],
  People: ["Technical Recruiter", "People Operations Partner"],
  Finance: ["Staff Accountant", "Financial Analyst"],
  Marketing: ["Growth Marketer", "Brand Designer", "Content Writer"],
};

export const COMMITMENTS = ["Full-time", "Full-time", "Full-time", "Part-time", "Contract", "Intern"] as const;

export const SOURCES = ["linkedin", "referral", "job board", "company website", "agency", "event"] as const;

export const UNIVERSITIES = [
  "State University",
  "Technische Universität Berlin",
  "University of Toronto",
  "Université de Lyon",
  "City College",
] as const;
