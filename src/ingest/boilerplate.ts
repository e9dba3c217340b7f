// Lines and paragraphs that are not the article: footers, notices, share prompts, list debris.
// Each pattern matches a whole line (trimmed); cleaning drops whole lines only.

/** Lines dropped wherever they appear. */
const DROP: RegExp[] = [
  /^\(?END\)?\s+Dow Jones Newswires\.?$/i,
  /^\(END\)/i,
  /^(?:-{1,3}\s*)?(?:END|ENDS|ends)(?:\s*-{1,3})?$/,
  /^(?:#{3}|-30-|\*\s*\*\s*\*)$/,
  /^(?:copyright|©|\(c\))\s*(?:\(c\)|©)?\s*\d{4}/i,
  /^copyright\b.{0,160}(?:\d{4}|©|\(c\)|rights reserved).{0,80}$/i,
  /^.{0,120}all rights reserved\.?$/i,
  /^.{0,120}\b(?:log\s?in|sign\s?in|subscribe|register)\s+(?:now\s+)?to\s+(?:view|read|continue|access|see)\b.{0,80}$/i,
  /^at the request of the copyright holder/i,
  /^disclaimer\s*:/i,
  /^(?:this (?:article|story|content) (?:is|was) (?:for|provided)|the (?:views|opinions) expressed)\b.{0,300}$/i,
  /^(?:advertisement|sponsored content|story continues below(?: advertisement)?|scroll to continue|continue reading|read more|read the full (?:story|article).*)$/i,
  /^(?:share|share this (?:article|story)|tweet|email|print|comments?|\d+\s+comments?)(?:\s*[|/]\s*\w+)*$/i,
  /^(?:follow|like) us on\b.{0,80}$/i,
  /^(?:skip to (?:main )?content|advert|ad|continue reading below|this slideshow requires javascript\.?|tell us what you think.{0,10}|published \d+ (?:minutes?|hours?|days?) ago)$/i,
  /^(?:see more|read more|read also|also read|don'?t miss|watch|related|more)\s*:.{0,150}$/i,
  /^don'?t miss$/i,
  /^https?:\/\/\S+$/,
  /^(?:like|liked|enjoy|enjoyed) this (?:story|article|post)\?.{0,80}$/i,
  /^also on [\w-]+\.\w+\b.{0,200}$/i,
  /^source\s*:\s*[\w ,.&/-]{2,60}$/i,
  /^.{0,60}\b(?:affiliate|referral) links?\b.{0,120}$/i,
  /^advertisement\s*(?:[-–—|:]\s*.{0,40})?$/i,
  /\b(?:this (?:web)?site uses cookies|we use cookies|by continuing to (?:browse|use) (?:this|our) (?:site|website))\b.{0,300}$/i,
  /^.{0,200}\((?:image|photo|picture|pictures|credit|ap photo|getty|reuters|afp|epa|file photo)\b[^)]{0,80}\)\s*$/i,
  /^(?:sign up|subscribe)\b.{0,80}newsletter.{0,60}$/i,
  /^.{0,80}\b(?:subscribe|sign up)\b.{0,60}\bnewsletters?\b.{0,40}$/i,
  /^.{0,120}\b(?:may|can) be reached at\b.{0,200}$/i,
  // timestamps: `Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM`, `Updated at 1:23 p.m.`
  /^(?:updated|posted|published|last updated)\b[^.]{0,70}\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?|[A-Z]{2,4})?[^.]{0,60}$/i,
  // photo credits and site notices: `© Aaron Schwartz`, `The contents of this site are ©2019 …`
  /^(?:photo(?:graph)?|image|credit|photo credit)s?\s*:.{0,100}$/i,
  /^©\s*[\p{L} .,'’&/-]{2,80}$/u,
  /^.{0,120}©\s?\d{4}.{0,150}$/,
  /^(?:write to|contact|email|e-mail|reach)\b.{0,200}@[\w.-]+\.\w+.{0,120}$/i,
  /^\(?(?:reporting|additional reporting|writing|editing) by\b.{0,300}\)?$/i,
  /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/,
  /^\d{1,3}\.\s*\d{0,3}\s*$/, // numbered empty list items ("1. 1")
];

/** Headings of link lists; the heading and the list under it are dropped. */
export const LIST_HEADING =
  /^(?:most (?:discussed|read|popular|viewed|shared|emailed)|trending(?: now| stories)?|related(?: articles| stories| coverage| content| news)?|recommended(?: for you| stories)?|more (?:from|on|stories|news)\b.{0,60}|you (?:may|might) also like|popular (?:now|stories)|top stories|latest news|what to read next|read next|see also|more coverage)\s*(?::|\.\.\.|…)?$/i;

export function isBoilerplateLine(line: string): boolean {
  return DROP.some((re) => re.test(line));
}

/** A line that can sit in a link list: short, no sentence end. */
export function isListItemLike(line: string): boolean {
  return line.length < 140 && !/[.!?"”]$/.test(line);
}
