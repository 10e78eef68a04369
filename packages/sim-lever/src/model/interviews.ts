/** Interviews, panels and feedback (scorecards). Shapes as the simulator serves them (reference §4); timestamps are epoch ms. */

export interface InterviewerRef {
  id: string;
  name: string;
  email: string;
  feedbackTemplate: string;
}

export interface Interview {
  id: string;
  panel: string;
  subject: string;
  note: string;
  interviewers: InterviewerRef[];
  timezone: string;
  createdAt: number;
  date: number;
  duration: number;
  location: string;
  feedbackTemplate: string;
  feedbackForms: string[];
  feedbackReminder: "once" | "daily" | "frequently" | "none";
  user: string;
  stage: string;
  canceledAt: number | null;
  postings: string[];
  gcalEventUrl: string | null;
}

export interface Panel {
  id: string;
  applications: string[];
  canceledAt: number | null;
  createdAt: number;
  start: number;
  end: number;
  timezone: string;
  feedbackReminder: "once" | "daily" | "frequently" | "none";
  user: string;
  stage: string;
  note: string;
  externallyManaged: boolean;
  externalUrl: string | null;
  interviews: Interview[];
}

export type FeedbackField =
  | { id: string; type: "score-system"; text: string; required: boolean; options: { text: string }[]; value: string | null }
  | { id: string; type: "score"; text: string; required: boolean; value: number | null }
  | {
      id: string;
      type: "scorecard";
      text: string;
      required: boolean;
      scores: { text: string; description: string }[];
      value: { score: number; comment: string }[];
    }
  | { id: string; type: "textarea"; text: string; required: boolean; value: string };

export interface Feedback {
  id: string;
  type: "interview" | "assignment" | "share";
  text: string;
  instructions: string;
  baseTemplateId: string;
  interview: string | null;
  panel: string | null;
  user: string;
  createdAt: number;
  updatedAt: number;
  completedAt: number | null;
  deletedAt: number | null;
  fields: FeedbackField[];
}
