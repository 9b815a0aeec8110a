// The consoles' inline "are you sure?" on a card (delete a class, end a staff record): the question, the confirming
// button and cancel, in place of the card's actions until one is pressed.
import { useI18n } from '../../../i18n/i18n';

export function Confirm({ question, onConfirm, onCancel }: { question: string; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div class="confirm" role="group" aria-label={question}>
      <p>{question}</p>
      <button type="button" class="button button--danger" onClick={onConfirm}>
        {t.console.confirm}
      </button>
      <button type="button" class="button button--secondary" onClick={onCancel}>
        {t.console.cancel}
      </button>
    </div>
  );
}
