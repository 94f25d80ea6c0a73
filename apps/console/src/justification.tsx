import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { wordsOf } from './i18n';

const useJustificationWords = wordsOf({
  why: { sl: 'Zakaj potrebujete osebne podatke?', en: 'Why do you need the personal data?' },
  hint: {
    sl: 'Razlog se zapiše v dnevnik vpogledov (10–500 znakov).',
    en: 'The reason is kept in the consultation log (10-500 characters).',
  },
  show: { sl: 'Pokaži', en: 'Show' },
  cancel: { sl: 'Prekliči', en: 'Cancel' },
});

/**
 * Asks why before any personal data is read: the API logs the reason with the reading, and
 * refuses the reading without one.
 */
export function JustificationForm({
  onJustified,
  onCancel,
}: {
  onJustified: (justification: string) => void;
  onCancel: () => void;
}) {
  const t = useJustificationWords();
  const [text, setText] = useState('');
  // Line breaks become spaces: the API refuses control characters in the header.
  const reason = text.replace(/\s+/g, ' ').trim();
  const valid = reason.length >= 10 && reason.length <= 500;
  const box = useRef<HTMLTextAreaElement>(null);
  // The form is asked for this one answer; a browser ignores `autofocus` on an element shown
  // after the page had focus, and an effect after paint would let the first keystrokes go elsewhere.
  useLayoutEffect(() => box.current?.focus(), []);
  return (
    <form
      class="justification"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) onJustified(reason);
      }}
    >
      <label>
        {t('why')}
        <textarea
          ref={box}
          value={text}
          required
          minLength={10}
          maxLength={500}
          aria-describedby="justification-hint"
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      <small id="justification-hint">{t('hint')}</small>
      <div class="buttons">
        <button type="submit" disabled={!valid}>
          {t('show')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
