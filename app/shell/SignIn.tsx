/**
 * The standalone sign-in screen: the admin token printed by `npm start`.
 */
import { useState, type FormEvent } from 'react';
import { palette } from './palette.ts';
import styled from 'styled-components';
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input } from '@zendeskgarden/react-forms';
import { Alert } from '@zendeskgarden/react-notifications';
import { XL, Paragraph } from '@zendeskgarden/react-typography';
import { ApiError } from '../api/client.ts';
import { t } from '../i18n.ts';

const Card = styled.form`
  max-width: 420px;
  margin: 12vh auto;
  padding: 32px;
  border: 1px solid ${palette.grey300};
  border-radius: 8px;
  display: flex;
  flex-direction: column;
  gap: 16px;
`;

export interface SignInProps {
  /** Checks the token against the server; rejects with an ApiError when it is wrong. */
  onSignIn: (token: string) => Promise<void>;
}

/**
 * Asks for the admin token and checks it before remembering it.
 *
 * @example <SignIn onSignIn={async (token) => verify(token)} />
 */
export function SignIn({ onSignIn }: SignInProps) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!token.trim()) {
      setError(t('signIn.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSignIn(token.trim());
    } catch (failure) {
      setError(
        failure instanceof ApiError && failure.status === 401
          ? t('signIn.wrongToken')
          : t('signIn.unreachable', {
              message: failure instanceof Error ? failure.message : String(failure),
            }),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card onSubmit={submit} aria-labelledby="sign-in-title">
      <XL isBold id="sign-in-title">
        {t('signIn.title')}
      </XL>
      <Paragraph>{t('signIn.intro')}</Paragraph>
      <Field>
        <Field.Label>{t('signIn.token')}</Field.Label>
        <Field.Hint>{t('signIn.tokenHint')}</Field.Hint>
        <Input
          type="password"
          autoComplete="current-password"
          value={token}
          onChange={(event) => setToken(event.target.value)}
          validation={error ? 'error' : undefined}
        />
        {error && <Field.Message validation="error">{error}</Field.Message>}
      </Field>
      {error && <Alert type="error">{error}</Alert>}
      <Button type="submit" isPrimary disabled={busy}>
        {t('signIn.submit')}
      </Button>
    </Card>
  );
}
