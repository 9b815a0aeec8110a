// The browser tab's title for the current page, kept in step with the language (null: the page sets it).
import { useEffect } from 'preact/hooks';

export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    if (title !== null) document.title = title;
  }, [title]);
}
