/**
 * A live preview of the widget bubble above the launcher, rendered with the widget's own greeting
 * renderer (safe links, `{{first_name}}` filled or dropped), updated as the admin types.
 */
import { useState } from 'react';
import styled from 'styled-components';
import { Field, Toggle } from '@zendeskgarden/react-forms';
import { Span } from '@zendeskgarden/react-typography';
import type { MessageResponse } from '@proactive/contract/admin';
import { fillFirstName } from '@proactive/widget/greeting';
import { t } from '../i18n.ts';
import { palette } from '../shell/palette.ts';
import { RichText } from '../shell/RichText.tsx';

const Stage = styled.div`
  position: relative;
  min-height: 320px;
  border-radius: 8px;
  background: repeating-linear-gradient(
    135deg,
    ${palette.grey100},
    ${palette.grey100} 12px,
    ${palette.grey200} 12px,
    ${palette.grey200} 24px
  );
  padding: 16px;
  display: flex;
  flex-direction: column;
  align-items: flex-end;
  justify-content: flex-end;
  gap: 12px;
`;

const Bubble = styled(RichText)`
  max-width: 280px;
  background: #fff;
  border-radius: 12px 12px 2px 12px;
  box-shadow: 0 8px 24px rgba(4, 68, 77, 0.2);
  padding: 14px 16px;
  font-size: 14px;
  line-height: 1.45;
  overflow-wrap: anywhere;
  a {
    color: ${palette.blue700};
  }
`;

const Follow = styled(Bubble)`
  background: ${palette.grey100};
  font-size: 13px;
`;

const Launcher = styled.div`
  width: 56px;
  height: 56px;
  border-radius: 50%;
  background: ${palette.kale};
  box-shadow: 0 4px 12px rgba(0, 0, 0, 0.2);
`;

export interface BubblePreviewProps {
  greeting: string;
  response: MessageResponse;
  /** The chosen bot answer's body, for bot responses. */
  answerBody?: string;
}

/**
 * The preview.
 *
 * @example <BubblePreview greeting="Hi {{first_name}} 👋" response={response} />
 */
export function BubblePreview({ greeting, response, answerBody }: BubblePreviewProps) {
  const [withName, setWithName] = useState(true);
  const text = fillFirstName(greeting || t('preview.empty'), withName ? t('preview.sampleName') : undefined);
  const followUp = response.type === 'agent' ? response.follow_up : answerBody;
  return (
    <div aria-label={t('preview.title')} role="region">
      <Span isBold>{t('preview.title')}</Span>
      <Stage>
        <Bubble text={text} data-testid="bubble-preview" />
        {followUp && <Follow text={followUp} />}
        <Launcher aria-hidden />
      </Stage>
      <Field style={{ marginTop: 8 }}>
        <Toggle checked={withName} onChange={(event) => setWithName(event.target.checked)}>
          <Field.Label isRegular>{t('preview.knownName')}</Field.Label>
        </Toggle>
      </Field>
    </div>
  );
}
