// "确认并发放录用": the run's placements become offers in the applications pipeline, and the students are
// notified. Asks first (saying so), then tells how many offers were made and how many placements skipped.
import { App, Button, Modal, Result, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { useConfirmRun } from './api';
import { formatNumber } from './labels';
import type { ConfirmOutcome, Run } from './types';

type Props = {
  consortiumId: string;
  run: Run;
  open: boolean;
  onClose: () => void;
  onConfirmed: (outcome: ConfirmOutcome) => void;
};

export function ConfirmRunModal({ consortiumId, run, open, onClose, onConfirmed }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const confirm = useConfirmRun(consortiumId);
  const [outcome, setOutcome] = useState<ConfirmOutcome | null>(null);
  const placed = run.summary?.placed ?? 0;

  async function submit() {
    try {
      const out = await confirm.mutateAsync(run.id);
      setOutcome(out);
      onConfirmed(out);
    } catch (err) {
      void message.error(
        err instanceof ApiError && err.code === 'INVALID_TRANSITION'
          ? t('matching.confirm.refused')
          : errorMessage(t, err, locale),
      );
    }
  }

  if (outcome) {
    return (
      <Modal
        open={open}
        onCancel={onClose}
        afterClose={() => setOutcome(null)}
        title={t('matching.confirm.title')}
        footer={
          <>
            <Button onClick={onClose}>{t('matching.close')}</Button>
            <Button type="primary" onClick={() => void navigate('/applications')}>
              {t('matching.confirm.toApplications')}
            </Button>
          </>
        }
      >
        <Result
          status="success"
          title={t('matching.confirm.doneTitle', { n: formatNumber(outcome.offered, locale) })}
          subTitle={
            outcome.skipped
              ? t('matching.confirm.doneSkipped', { n: formatNumber(outcome.skipped, locale) })
              : t('matching.confirm.doneAll')
          }
          data-testid="confirm-outcome"
        />
      </Modal>
    );
  }

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('matching.confirm.title')}
      okText={t('matching.confirm.ok')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      confirmLoading={confirm.isPending}
      okButtonProps={{ disabled: placed === 0 }}
    >
      <Typography.Paragraph>
        {t('matching.confirm.text', { n: formatNumber(placed, locale), name: run.name })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('matching.confirm.rules')}</Typography.Paragraph>
      {placed === 0 ? (
        <Typography.Paragraph type="warning">{t('matching.confirm.nothing')}</Typography.Paragraph>
      ) : null}
    </Modal>
  );
}
