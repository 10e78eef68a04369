/** Word lists the seed draws from. Deliberately includes non-ASCII names and apostrophes. */
export const FIRST_NAMES = [
  "Olivia",
  "Liam",
  "Emma",
  "Noah",
  "Ava",
  "Sophia",
  "Mason",
  "Isabella",
  "Lucas",
  "Mia",
  "Ethan",
  "Amelia",
  "Harper",
  "James",
  "Evelyn",
  "Benjamin",
  "Abigail",
  "Elijah",
  "Emily",
  "Zoë",
  "José",
  "Chloé",
  "Björn",
  "Søren",
  "Renée",
  "Ana María",
  "François",
  "Siobhán",
  "Aoife",
  "Priya",
  "Arjun",
  "Wei",
  "Mei",
  "Hiroshi",
  "Yuki",
  "Fatima",
  "Omar",
  "Chidi",
  "Ngozi",
  "Mateo",
  "Valentina",
  "Dmitri",
  "Olga",
  "Kwame",
  "Ama",
  "Łukasz",
  "Inès",
  "D'Andre",
  "Jean-Luc",
  "Thảo",
] as const;

export const LAST_NAMES = [
  "Smith",
  "Johnson",
  "Williams",
  "Brown",
  "Jones",
  "Garcia",
  "Miller",
  "Davis",
  "Martinez",
  "Lopez",
  "Wilson",
  "Anderson",
  "Thomas",
  "Taylor",
  "Moore",
  "Jackson",
  "Martin",
  "Lee",
  "Perez",
  "O'Brien",
  "Núñez",
  "Müller",
  "D'Angelo",
  "O'Connor",
  "García-López",
  "Ødegård",
  "Kowalczyk",
  "Nguyễn",
  "Dubois",
  "van der Berg",
  "Sánchez",
  "Schröder",
  "Patel",
  "Okafor",
  "Tanaka",
  "Kim",
  "Haddad",
  "Mensah",
  "Ivanova",
  "Abbott",
] as const;

export const MIDDLE_NAMES = ["A.", "Marie", "J.", "Lee", "Rose", "Karl", "Ann"] as const;

export const JOB_TITLES = [
  "Software Engineer",
  "Senior Software Engineer",
  "Staff Engineer",
  "Engineering Manager",
  "Account Executive",
  "Sales Development Rep",
  "Sales Manager",
  "Marketing Manager",
  "Content Strategist",
  "Financial Analyst",
  "Controller",
  "HR Generalist",
  "Recruiter",
  "Customer Success Manager",
  "Support Specialist",
  "Product Manager",
  "Product Designer",
  "Data Analyst",
  "Operations Associate",
  "IT Administrator",
  "Office Manager",
  "Legal Counsel",
] as const;

export const DEPARTMENTS = [
  "Engineering",
  "Sales",
  "Marketing",
  "Finance",
  "Human Resources",
  "Customer Success",
  "Product",
  "Operations",
  "IT",
  "Legal",
] as const;

/** An option kept only for history: archived, yet old jobInfo rows still name it. */
export const ARCHIVED_DEPARTMENT = "Research & Development";

export const DIVISIONS = ["North America", "EMEA", "APAC", "LATAM"] as const;

export interface Place {
  name: string;
  city: string;
  state: string | null;
  zipcode: string;
  country: string;
  currency: string;
}

export const LOCATIONS: readonly Place[] = [
  { name: "Lindon, Utah", city: "Lindon", state: "UT", zipcode: "84042", country: "United States", currency: "USD" },
  { name: "New York", city: "New York", state: "NY", zipcode: "10001", country: "United States", currency: "USD" },
  { name: "Remote - US", city: "Austin", state: "TX", zipcode: "78701", country: "United States", currency: "USD" },
  { name: "London", city: "London", state: null, zipcode: "EC1A 1BB", country: "United Kingdom", currency: "GBP" },
  { name: "Toronto", city: "Toronto", state: "ON", zipcode: "M5H 2N2", country: "Canada", currency: "CAD" },
  { name: "München", city: "München", state: "BY", zipcode: "80331", country: "Germany", currency: "EUR" },
];

export const EMPLOYMENT_STATUSES = ["Full-Time", "Part-Time", "Contractor", "Intern", "Terminated"] as const;

export const PAY_SCHEDULES = ["Twice a month", "Every other week", "Weekly"] as const;

/** Option ids and names of the terminationReason and terminationType lists. */
export const TERMINATION_REASONS = [
  { id: "1", name: "Resignation" },
  { id: "2", name: "Layoff" },
  { id: "3", name: "Performance" },
  { id: "4", name: "Relocation" },
] as const;
export const TERMINATION_TYPES = [
  { id: "1", name: "Voluntary" },
  { id: "2", name: "Involuntary" },
] as const;

export const GENDERS = ["Female", "Male", "Nonbinary"] as const;
export const MARITAL_STATUSES = ["Single", "Married", "Divorced", "Domestic Partnership"] as const;
export const PRONOUNS = ["she/her", "he/him", "they/them"] as const;
export const STREETS = ["Main St", "Market St", "Broadway", "Oak Ave", "Pine St", "King St W", "Leopoldstraße"] as const;
export const EMAIL_PROVIDERS = ["mail.example", "inbox.example", "post.example"] as const;
export const GITHUB_SUFFIXES = ["dev", "codes", "hq", "42", "x"] as const;

const slugCache = new Map<string, string>();

/** Lowercase ASCII form of a name for e-mail local parts ("Zoë O'Brien" -> "zoe", "obrien"). */
export function asciiSlug(name: string): string {
  let slug = slugCache.get(name);
  if (slug === undefined) {
    slug = name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/ø/gi, "o")
      .replace(/ł/gi, "l")
      .replace(/đ/gi, "d")
      .toLowerCase()
      .replace(/[^a-z]/g, "");
    // Names come from small word lists; the cap only guards odd callers.
    if (slugCache.size < 10_000) slugCache.set(name, slug);
  }
  return slug;
}
