/** What a guide link asked for, as LinkReader found it in the fragment (read by readGuideLink). */
export interface GuideRequest {
  policies: string;
  token?: string;
  focus?: string;
}

/** One policy being edited: its text is the source of truth; the form is a view of it. */
export interface PolicyEntry {
  id: number;
  text: string;
}
