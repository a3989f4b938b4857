/**
 * The customer details form of an agent response: the requested fields (name and/or email) in the
 * order the admin chose, each required; the email is validated and errors are announced next to the field.
 */
import type { Identity } from '../identity.ts';
import { isValidEmail } from '../identity.ts';
import type { CustomerDetail } from '@proactive/contract/widget';

export interface DetailsForm {
  element: HTMLFormElement;
  focus(): void;
}

const LABELS: Record<CustomerDetail, string> = { name: 'Name', email: 'Email' };

let formCount = 0;

/**
 * Builds the form; `onSubmit` receives the valid details.
 *
 * @example createDetailsForm(['name', 'email'], {}, (details) => handOver(details))
 */
export function createDetailsForm(
  fields: readonly CustomerDetail[],
  known: Identity,
  onSubmit: (details: Identity) => void,
): DetailsForm {
  const id = `pw-form-${++formCount}`;
  const form = document.createElement('form');
  form.className = 'pw-form';
  form.noValidate = true;
  form.setAttribute('aria-label', 'Your details');
  const inputs = new Map<CustomerDetail, { input: HTMLInputElement; error: HTMLParagraphElement }>();
  for (const field of fields) {
    const label = document.createElement('label');
    label.htmlFor = `${id}-${field}`;
    label.textContent = LABELS[field];
    const input = document.createElement('input');
    input.id = `${id}-${field}`;
    input.name = field;
    input.type = field === 'email' ? 'email' : 'text';
    input.autocomplete = field === 'email' ? 'email' : 'name';
    input.required = true;
    input.value = known[field] ?? '';
    const error = document.createElement('p');
    error.className = 'pw-error';
    error.id = `${id}-${field}-error`;
    error.hidden = true;
    input.setAttribute('aria-describedby', error.id);
    form.append(label, input, error);
    inputs.set(field, { input, error });
  }
  const submit = document.createElement('button');
  submit.type = 'submit';
  submit.className = 'pw-btn pw-primary';
  submit.textContent = 'Send';
  form.appendChild(submit);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const details: Identity = {};
    let firstInvalid: HTMLInputElement | null = null;
    for (const [field, { input, error }] of inputs) {
      const value = input.value.trim();
      let message = '';
      if (!value) message = `Enter your ${field === 'email' ? 'email address' : 'name'}.`;
      else if (field === 'email' && !isValidEmail(value))
        message = 'Enter a valid email address, like name@example.com.';
      error.textContent = message;
      error.hidden = !message;
      input.setAttribute('aria-invalid', String(!!message));
      if (message) firstInvalid ??= input;
      else details[field] = value;
    }
    if (firstInvalid) {
      firstInvalid.focus();
      return;
    }
    onSubmit(details);
  });

  return {
    element: form,
    focus() {
      const firstEmpty = [...inputs.values()].find(({ input }) => !input.value)?.input;
      (firstEmpty ?? inputs.values().next().value?.input ?? submit).focus();
    },
  };
}
