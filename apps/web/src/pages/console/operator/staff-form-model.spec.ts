import { describe, expect, it } from '@jest/globals';
import { residentIdCheckChar } from '../../../forms/checksums';
import { zhCN } from '../../../i18n/zh-CN';
import { emptyQualificationRow, emptyStaffForm, staffFormToInput, withRole, type StaffForm } from './staff-form-model';

const v = zhCN.validation;
const ID = `22010219900307123${residentIdCheckChar('22010219900307123')}`;

function caregiver(): StaffForm {
  const form = withRole(emptyStaffForm(), 'caregiver');
  return {
    ...form,
    name: ' 李保育 ',
    idNumber: ID.toLowerCase(),
    hiredOn: '2025-09-01',
    classIds: ['c1'],
    healthCertificateNumber: 'HC-1',
    healthCertificateExpiresOn: '2027-08-31',
    qualifications: [{ ...form.qualifications[0]!, number: 'Q-1', issuedOn: '2023-05-01' }],
    backgroundChecked: true,
  };
}

describe('staff form → API body', () => {
  it('offers the qualification a role usually needs', () => {
    expect(withRole(emptyStaffForm(), 'caregiver').qualifications.map((row) => row.type)).toEqual(['childcare_worker']);
    expect(withRole(emptyStaffForm(), 'security').qualifications.map((row) => row.type)).toEqual(['security_guard']);
    expect(withRole(emptyStaffForm(), 'health').qualifications.map((row) => row.type)).toEqual(['health_training']);
    expect(withRole(emptyStaffForm(), 'cook').qualifications).toEqual([]);
  });

  it('builds the body of POST /facilities/{id}/staff', () => {
    const { input, errors } = staffFormToInput(caregiver(), v);
    expect(errors).toEqual({});
    expect(input).toEqual({
      name: '李保育',
      role: 'caregiver',
      idNumber: ID,
      hiredOn: '2025-09-01',
      fullTime: true,
      classIds: ['c1'],
      healthCertificate: { number: 'HC-1', expiresOn: '2027-08-31' },
      qualifications: [{ type: 'childcare_worker', number: 'Q-1', issuedOn: '2023-05-01' }],
      backgroundChecked: true,
    });
  });

  it('sends the date of the background check when given, and a guard’s security company (required)', () => {
    const dated = staffFormToInput({ ...caregiver(), backgroundCheckedOn: '2026-01-15' }, v);
    expect(dated.input?.backgroundCheckedOn).toBe('2026-01-15');
    expect(staffFormToInput({ ...caregiver(), backgroundCheckedOn: '2026-13-01' }, v).errors).toEqual({ backgroundCheckedOn: [v.date] });
    expect(staffFormToInput({ ...caregiver(), backgroundChecked: false, backgroundCheckedOn: '2026-01-15' }, v).input).not.toHaveProperty(
      'backgroundCheckedOn',
    );
    const guard = { ...withRole(caregiver(), 'security'), qualifications: [] };
    expect(staffFormToInput(guard, v).errors).toEqual({ employer: [v.required] });
    expect(staffFormToInput({ ...guard, employer: ' 长春市保安服务有限公司 ' }, v).input?.employer).toBe('长春市保安服务有限公司');
    expect(staffFormToInput(caregiver(), v).input).not.toHaveProperty('employer');
  });

  it('sends classes only for caregivers, and education and experience when given', () => {
    const form = { ...withRole(caregiver(), 'director'), education: 'junior_college' as const, experienceYears: '5' };
    form.qualifications = [];
    const { input } = staffFormToInput(form, v);
    expect(input).not.toHaveProperty('classIds');
    expect(input?.education).toBe('junior_college');
    expect(input?.experienceYears).toBe(5);
  });

  it('refuses a wrong ID check digit and names missing fields by their API path', () => {
    const form = {
      ...caregiver(),
      idNumber: `${ID.slice(0, 17)}${ID[17] === '0' ? '1' : '0'}`,
      healthCertificateExpiresOn: '',
      qualifications: [emptyQualificationRow()],
    };
    const { input, errors } = staffFormToInput(form, v);
    expect(input).toBeNull();
    expect(errors.idNumber).toEqual([v.residentId]);
    expect(Object.keys(errors).sort()).toEqual(
      ['healthCertificate.expiresOn', 'idNumber', 'qualifications.0.issuedOn', 'qualifications.0.number', 'qualifications.0.type'].sort(),
    );
  });
});
