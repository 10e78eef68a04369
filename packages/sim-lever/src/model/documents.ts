/** Offers, resumes and other files. Shapes as the simulator serves them (reference §4); timestamps are epoch ms. */

export interface OfferField {
  text: string;
  identifier: string;
  value: string | number | null;
}

export interface OfferDocument {
  fileName: string;
  uploadedAt: number;
  downloadUrl: string;
}

export type OfferStatus = "draft" | "approval-sent" | "approved" | "sent" | "sent-manually" | "opened" | "denied" | "signed";

export interface Offer {
  id: string;
  createdAt: number;
  status: OfferStatus;
  creator: string;
  approvedAt: number | null;
  sentAt: number | null;
  fields: OfferField[];
  signatures: {
    candidate: {
      role: "candidate";
      name: string;
      email: string | null;
      firstOpenedAt: number | null;
      lastOpenedAt: number | null;
      signedAt: number | null;
      signed: boolean;
    };
  };
  sentDocument: OfferDocument | null;
  signedDocument: OfferDocument | null;
}

export type FileStatus = "processing" | "processed" | "unsupported" | "error" | null;

export interface ResumeDateParts {
  year: number;
  month: number;
}

export interface Resume {
  id: string;
  createdAt: number;
  file: {
    name: string;
    ext: string;
    downloadUrl: string;
    uploadedAt: number;
    status: FileStatus;
    size: number;
  };
  parsedData: {
    positions: {
      org: string;
      title: string;
      summary: string;
      location: string;
      start: ResumeDateParts;
      end: ResumeDateParts | null;
    }[];
    schools: {
      org: string;
      degree: string;
      field: string;
      summary: string;
      start: ResumeDateParts;
      end: ResumeDateParts;
    }[];
  };
}

export interface LeverFile {
  id: string;
  downloadUrl: string;
  ext: string;
  name: string;
  uploadedAt: number;
  status: FileStatus;
  size: number;
}
