// /my-profile: a student's own candidate profile. The school's record is read-only here; the student keeps
// their contact, home district, skills, certificates and the consent to show the profile to enterprises.
import { LockOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Form, Row, Typography } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useCurrentConsortiumId } from '../../app/consortium';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, PageSpinner } from '../../components/States';
import { useI18n } from '../../lib/i18n';
import { useMyCandidate, useUpdateCandidate } from './api';
import { SchoolRecord } from './CandidateDetails';
import { changes, selfFieldNames, selfInitial, selfPayload, type SelfValues } from './formValues';
import { applyTalentFieldErrors, talentErrorMessage } from './issues';
import { SelfFields } from './SelfFields';
import type { Candidate } from './types';

export default function MyProfilePage() {
  const { t } = useI18n();
  const consortiumId = useCurrentConsortiumId();
  const me = useMyCandidate(consortiumId);

  let body;
  if (me.isPending) body = <PageSpinner />;
  else if (me.isError)
    body = (
      <Card>
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </Card>
    );
  else if (me.data === null)
    body = (
      <Card>
        <EmptyState
          description={
            <Flex vertical gap={4} align="center">
              <Typography.Text strong>{t('cand.me.noneTitle')}</Typography.Text>
              <Typography.Text type="secondary" style={{ maxWidth: 520 }}>
                {t('cand.me.noneText')}
              </Typography.Text>
            </Flex>
          }
        >
          <Link to="/postings">
            <Button>{t('cand.me.browsePostings')}</Button>
          </Link>
        </EmptyState>
      </Card>
    );
  else body = <Profile consortiumId={consortiumId} candidate={me.data} />;

  return (
    <>
      <PageHeader title={t('nav.myProfile')} subtitle={t('cand.me.subtitle')} />
      {body}
    </>
  );
}

function Profile({ consortiumId, candidate }: { consortiumId: string; candidate: Candidate }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<SelfValues>();
  const update = useUpdateCandidate(consortiumId);

  useEffect(() => {
    form.setFieldsValue(selfInitial(candidate));
  }, [candidate, form]);

  async function save() {
    const v = await form.validateFields();
    const patch = changes(selfPayload(selfInitial(candidate)), selfPayload(v));
    if (Object.keys(patch).length === 0) {
      void message.info(t('cand.noChanges'));
      return;
    }
    try {
      await update.mutateAsync({ id: candidate.id, patch });
      void message.success(t('cand.me.saved'));
    } catch (err) {
      if (!applyTalentFieldErrors(form, err, t, selfFieldNames))
        void message.error(talentErrorMessage(t, err, locale));
    }
  }

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Card
          title={
            <Flex gap={8} align="center">
              <LockOutlined aria-hidden />
              {t('cand.section.school')}
            </Flex>
          }
        >
          <Typography.Paragraph type="secondary">{t('cand.me.schoolHelp')}</Typography.Paragraph>
          <SchoolRecord c={candidate} column={1} />
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card title={t('cand.section.selfShort')}>
          {!candidate.consentShare ? (
            <Alert type="warning" showIcon title={t('cand.me.noConsent')} style={{ marginBottom: 16 }} />
          ) : null}
          <Form<SelfValues> form={form} layout="vertical" name="my-profile" scrollToFirstError>
            <SelfFields consentAt={candidate.consentAt} />
            <Flex gap={8} justify="end">
              <Button
                icon={<UndoOutlined />}
                onClick={() => {
                  form.resetFields();
                  form.setFieldsValue(selfInitial(candidate));
                }}
              >
                {t('cand.me.reset')}
              </Button>
              <Button
                type="primary"
                icon={<SaveOutlined />}
                loading={update.isPending}
                onClick={() => void save().catch(() => undefined)}
                data-testid="my-profile-save"
              >
                {t('common.save')}
              </Button>
            </Flex>
          </Form>
        </Card>
      </Col>
    </Row>
  );
}
