// What sits under a facility page's heading: registration number, unit, and a returned filing's reason.
import type { Facility } from '../../../api/registry';
import { Notice } from '../../../components/notice';
import { regionLabel, useRegions } from '../../../components/region-names';
import { useI18n } from '../../../i18n/i18n';

export function FacilityHeader({ facility }: { facility: Facility }) {
  const { lang, t } = useI18n();
  const regions = useRegions();
  const region = regionLabel(regions, facility.regionCode, lang) ?? t.facility.notInRegion;
  return (
    <div class="facility-header">
      <p class="facility-header__meta">
        {facility.kind && <span>{t.facility.kinds[facility.kind]}</span>}
        <span>{t.console.region(region)}</span>
        {facility.registrationNo && <span class="registration-no">{t.console.registrationNo(facility.registrationNo)}</span>}
      </p>
      {facility.status === 'draft' && facility.rejectionReason && (
        <Notice kind="warning">{t.console.rejected(facility.rejectionReason)}</Notice>
      )}
    </div>
  );
}
