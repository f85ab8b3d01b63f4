import { announcementInputSchema, checklistPromptSchema, rewardsConfigSchema, surveyPromptSchema } from '@hearth/schema';
import { AnnouncementEditor } from '../pages/announcement-editor.js';
import { ChecklistEditor } from '../pages/checklist-editor.js';
import { RewardsPage } from '../pages/rewards.js';
import { SurveyEditor } from '../pages/survey-editor.js';
import { EmptyState } from '../components/empty-state.js';
import { templateById } from './catalog.js';

/** A template opened in its kind's editor; parsing fills the schema's defaults, as a saved record would have them. */
export function TemplateEditor({ templateId }: { templateId: string }) {
  const template = templateById(templateId);
  switch (template?.kind) {
    case 'checklist':
      return <ChecklistEditor id={null} template={checklistPromptSchema.parse(template.config)} />;
    case 'survey':
      return <SurveyEditor id={null} template={surveyPromptSchema.parse(template.config)} />;
    case 'announcement':
      return <AnnouncementEditor id={null} template={announcementInputSchema.parse(template.config)} />;
    case 'rewards':
      return <RewardsPage template={rewardsConfigSchema.parse(template.config)} />;
    default:
      return (
        <>
          <h1>Template not found</h1>
          <EmptyState level={2} title={`No template “${templateId}”`}>
            Pick one from the templates gallery.
          </EmptyState>
        </>
      );
  }
}
