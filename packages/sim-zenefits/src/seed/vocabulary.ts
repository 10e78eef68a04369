/** Word lists the seed draws from. Deliberately includes non-ASCII and apostrophes. */
export const FIRST_NAMES = [
  "Nathan",
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
  "Ines",
  "D'Andre",
  "Jean-Luc",
] as const;

export const LAST_NAMES = [
  "Ash",
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
  "Nguyen",
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
] as const;

export const MIDDLE_NAMES = ["A.", "Marie", "J.", "Lee", "Rose", "Karl", "Ann"] as const;

export const PRONOUNS = ["she/her", "he/him", "they/them"] as const;

export const TITLES = [
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
  "People Partner",
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

export const DEPARTMENT_NAMES = [
  "Engineering",
  "Sales",
  "Marketing",
  "Finance",
  "People Ops",
  "Customer Success",
  "Product",
  "Design",
  "Operations",
  "IT",
  "Legal",
  "Support",
  "Data",
  "Research",
  "Facilities",
] as const;

export interface City {
  city: string;
  state: string | null;
  zip: string;
  country: string;
  phonePrefix: string;
}

export const CITIES: readonly City[] = [
  { city: "Houston", state: "TX", zip: "77002", country: "US", phonePrefix: "(713) 555-" },
  { city: "San Francisco", state: "CA", zip: "94105", country: "US", phonePrefix: "(415) 555-" },
  { city: "New York", state: "NY", zip: "10001", country: "US", phonePrefix: "(212) 555-" },
  { city: "Austin", state: "TX", zip: "78701", country: "US", phonePrefix: "(512) 555-" },
  { city: "Denver", state: "CO", zip: "80202", country: "US", phonePrefix: "(303) 555-" },
  { city: "Chicago", state: "IL", zip: "60601", country: "US", phonePrefix: "(312) 555-" },
  { city: "Seattle", state: "WA", zip: "98101", country: "US", phonePrefix: "(206) 555-" },
  { city: "London", state: null, zip: "EC1A 1BB", country: "GB", phonePrefix: "+44 20 7946 " },
  { city: "Toronto", state: "ON", zip: "M5H 2N2", country: "CA", phonePrefix: "+1 416 555 " },
  { city: "München", state: "BY", zip: "80331", country: "DE", phonePrefix: "+49 89 " },
];

export const STREETS = [
  "Main St",
  "Market St",
  "Broadway",
  "Oak Ave",
  "Pine St",
  "Elm St",
  "Congress Ave",
  "King St W",
  "Leopoldstraße",
  "High Holborn",
] as const;

export const EMAIL_PROVIDERS = ["mail.example", "inbox.example", "post.example"] as const;

export const TERMINATION_TYPES = ["involuntary", "regretted", "non_regretted", "unclassified", "never_started"] as const;

/** Lowercase ASCII form of a name for e-mail local parts ("Zoë O'Brien" -> "zoe", "obrien"). */
const slugCache = new Map<string, string>();

export function asciiSlug(name: string): string {
  let slug = slugCache.get(name);
  if (slug === undefined) {
    slug = computeSlug(name);
    // Names come from small word lists; the cap only guards odd callers.
    if (slugCache.size < 10_000) slugCache.set(name, slug);
  }
  return slug;
}

function computeSlug(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ø/gi, "o")
    .replace(/ł/gi, "l")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}
