// Page `/console/operator/facilities/new`: the profile form for a new facility; saving creates a
// draft and opens its page.
import { ConsolePage } from '../../../components/console-page';
import { useI18n } from '../../../i18n/i18n';
import { navigate } from '../../../router/router';
import { paths } from '../../../router/routes';
import { RequireRole } from '../shared/require-role';
import { ProfileForm } from './profile-form';

export function FacilityNewPage() {
  const { t } = useI18n();
  return (
    <RequireRole roles={['operator']}>
      <ConsolePage title={t.console.newFacilityTitle} back={{ href: paths.operatorHome(), label: t.console.backToList }}>
        <p class="section-intro">{t.console.newFacilityIntro}</p>
        <ProfileForm
          editable
          onSaved={(saved) => navigate(`${paths.operatorFacility(saved.data.id)}?created=1`, { replace: true })}
          onStale={() => undefined}
        />
      </ConsolePage>
    </RequireRole>
  );
}
