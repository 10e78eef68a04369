/** Account configuration and people: stages, archive reasons, users, postings. Shapes as the simulator serves them (reference §4); timestamps are epoch ms. */

export interface Stage {
  id: string;
  text: string;
}

export interface ArchiveReason {
  id: string;
  text: string;
  status: "active" | "inactive";
  type: "hired" | "non-hired";
}

export interface User {
  id: string;
  name: string;
  username: string;
  email: string;
  accessRole: "super admin" | "admin" | "team member" | "limited team member" | "interviewer";
  photo: string | null;
  createdAt: number;
  deactivatedAt: number | null;
  externalDirectoryId: string | null;
  linkedContactIds: string[];
  jobTitle: string | null;
  managerId: string | null;
}

export interface Posting {
  id: string;
  text: string;
  state: "published" | "internal" | "closed" | "draft" | "pending" | "rejected";
  distributionChannels: string[];
  confidentiality: "confidential" | "non-confidential";
  user: string;
  owner: string;
  hiringManager: string;
  categories: {
    team: string;
    department: string;
    location: string;
    allLocations: string[];
    commitment: string;
    level: string | null;
  };
  tags: string[];
  content: {
    description: string;
    descriptionHtml: string;
    lists: { text: string; content: string }[];
    closing: string;
    closingHtml: string;
  };
  country: string;
  followers: string[];
  reqCode: string | null;
  requisitionCodes: string[];
  salaryDescription: string;
  salaryDescriptionHtml: string;
  salaryRange: { min: number; max: number; currency: string; interval: string } | null;
  urls: { list: string; show: string; apply: string };
  workplaceType: "onsite" | "remote" | "hybrid" | "unspecified";
  createdAt: number;
  updatedAt: number;
}
