import { AppHeader } from '../components/app-header';
import { useI18n } from '../i18n/i18n';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <div class="app">
      <AppHeader />
      <main class="text-page">
        <h2>{t.app.notFoundTitle}</h2>
        <p>{t.app.notFoundBody}</p>
        <p>
          <a href="/">{t.app.backHome}</a>
        </p>
      </main>
    </div>
  );
}
