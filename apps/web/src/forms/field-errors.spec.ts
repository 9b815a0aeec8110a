import { describe, expect, it } from '@jest/globals';
import { fieldErrorsOf, messagesFor, normaliseFieldPath, withoutField } from './field-errors';

describe('field errors from problem+json', () => {
  it('keys the API’s field paths with dots', () => {
    expect(normaliseFieldPath('documents[0].number')).toBe('documents.0.number');
    expect(normaliseFieldPath('location.lat')).toBe('location.lat');
  });

  it('groups messages by field and leaves field-less ones out', () => {
    const errors = fieldErrorsOf({
      title: 'Bad Request',
      status: 400,
      errors: [
        { field: 'creditCode', code: 'checksum', message: 'creditCode 校验位错误' },
        { field: 'documents[1].issuedOn', code: 'invalid', message: 'bad date' },
        { code: 'missing_role', message: 'no director' },
      ],
    });
    expect(errors).toEqual({ creditCode: ['creditCode 校验位错误'], 'documents.1.issuedOn': ['bad date'] });
  });

  it('shows a nested field’s messages on its parent input too', () => {
    const errors = { 'location.lat': ['out of range'], locationName: ['other'] };
    expect(messagesFor(errors, 'location')).toEqual(['out of range']);
    expect(messagesFor(errors, 'location.lat')).toEqual(['out of range']);
  });

  it('drops an edited input’s messages, and keeps the same object when it had none', () => {
    const errors = { name: ['required'], 'documents.0.number': ['required'], 'documents.1.number': ['required'] };
    expect(withoutField(errors, 'documents.0')).toEqual({ name: ['required'], 'documents.1.number': ['required'] });
    expect(withoutField(errors, 'phone')).toBe(errors);
  });
});
