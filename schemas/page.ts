/**
 * The front matter of `content/<session>/pages/<name>.md`: a page the school writes in
 * Markdown (its rules, practical information), published on the site at `/pages/<name>/`.
 * The text after the front matter is the page, in French; it may name no candidate, juror or
 * tutor unless the session publishes names.
 */
import { z } from 'zod';

/** A page of the school, as its front matter describes it. */
export const PageFrontMatter = z.strictObject({
  /** Title of the page (its heading and the browser tab), in French, e.g. `Règlement de l'épreuve`. */
  title: z.string().trim().min(1),
  /** One or two sentences under the title, also given to search engines; none when absent. */
  description: z.string().trim().min(1).optional(),
  /** Text of the link to the page on the home page; the title when absent. */
  label: z.string().trim().min(1).optional(),
  /** Position of the link among the pages of the home page, smallest first; ties by title. */
  order: z.number().int().default(0),
});
export type PageFrontMatter = z.infer<typeof PageFrontMatter>;
