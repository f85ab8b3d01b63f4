import type { ErrorIssue, SurveyPrompt, SurveyResponse } from '@hearth/schema';

const TYPE_NAMES = { nps: 'an NPS', cli: 'a CLI', csat: 'a CSAT' } as const;

/**
 * Checks a schema-valid response against the survey it answers: the answer's type, CLI question
 * ids, and a comment only where a follow-up is asked. Empty when it fits.
 */
export function answerIssues(survey: SurveyPrompt, response: SurveyResponse): ErrorIssue[] {
  const { content } = survey;
  const { answer } = response;
  if (answer.type !== content.type) {
    return [{ path: 'answer.type', message: `"${survey.id}" is ${TYPE_NAMES[content.type]} survey, not ${answer.type}` }];
  }
  const issues: ErrorIssue[] = [];
  if (answer.type === 'cli' && content.type === 'cli') {
    const ids = new Set(content.questions.map((q) => q.id));
    for (const id of Object.keys(answer.scores)) {
      if (!ids.has(id)) issues.push({ path: `answer.scores.${id}`, message: `no question "${id}" in this survey` });
    }
  }
  if (response.comment && !content.comment) issues.push({ path: 'comment', message: 'this survey asks no follow-up question' });
  return issues;
}
