// Register or edit a candidate. The school keeps identity, enrolment and major; the student's own part
// (contact, skills, certificates, consent) is edited here too and by the student on 我的档案.
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Divider,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Row,
  Select,
  Typography,
} from 'antd';
import { useEffect } from 'react';
import { useAccess } from '../../app/access';
import { useI18n } from '../../lib/i18n';
import { useCreateCandidate, useUpdateCandidate } from './api';
import { CodeSelect } from './CodeSelect';
import {
  candidateFieldNames,
  changes,
  schoolInitial,
  schoolPayload,
  selfInitial,
  selfPayload,
  type CandidateValues,
} from './formValues';
import { applyTalentFieldErrors, talentErrorMessage } from './issues';
import { candidateKinds, educationLevels, kindLabel, levelLabel } from './labels';
import { chooseRule, idCardRule, isMasked, majorCodePattern } from './rules';
import { SchoolSelect } from './SchoolSelect';
import { useSchoolScope } from './scope';
import { SelfFields } from './SelfFields';
import { StudentAccountSelect } from './StudentAccountSelect';
import type { Candidate, CreateCandidateInput } from './types';

type Props = {
  consortiumId: string;
  /** null: register a new candidate */
  candidate: Candidate | null;
  open: boolean;
  onClose: () => void;
};

export function CandidateDrawer({ consortiumId, candidate, open, onClose }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { can } = useAccess();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<CandidateValues>();
  const create = useCreateCandidate(consortiumId);
  const update = useUpdateCandidate(consortiumId);
  const scope = useSchoolScope('candidate.write');
  const kind = Form.useWatch('kind', form);
  const schoolUnitId = Form.useWatch('schoolUnitId', form);
  const idMasked = !!candidate && isMasked(candidate.idCard);
  const ownSchool = scope.schools.length === 1 ? scope.schools[0] : undefined;
  const linksAccounts = can('user.read');

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(
      candidate
        ? { ...schoolInitial(candidate), ...selfInitial(candidate) }
        : {
            kind: 'student',
            schoolUnitId: scope.everywhere ? undefined : ownSchool?.id,
            skills: [],
            certificates: [],
            consentShare: false,
          },
    );
  }, [open, candidate, form, scope.everywhere, ownSchool]);

  async function submit() {
    const v = await form.validateFields();
    try {
      if (candidate) {
        const before = { ...schoolPayload(schoolInitial(candidate)), ...selfPayload(selfInitial(candidate)) };
        const after = { ...schoolPayload(v), ...selfPayload(v) };
        const patch = changes(before, after);
        // a masked ID number is shown, not edited; the account link is only edited where it is shown
        if (idMasked) delete patch.idCard;
        if (!linksAccounts) delete patch.userId;
        if (Object.keys(patch).length === 0) {
          void message.info(t('cand.noChanges'));
          onClose();
          return;
        }
        await update.mutateAsync({ id: candidate.id, patch });
        void message.success(t('cand.saved', { name: after.name || candidate.name }));
      } else {
        const body: CreateCandidateInput = {
          schoolUnitId: v.schoolUnitId ?? null,
          ...schoolPayload(v),
          ...selfPayload(v),
        };
        await create.mutateAsync(body);
        void message.success(t('cand.created', { name: body.name }));
      }
      onClose();
    } catch (err) {
      if (!applyTalentFieldErrors(form, err, t, candidateFieldNames))
        void message.error(talentErrorMessage(t, err, locale));
    }
  }

  const half = { xs: 24, sm: 12 };
  const third = { xs: 24, sm: 8 };
  const schoolLabel = t('cand.school');
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={screens.md ? 760 : '100%'}
      title={candidate ? t('cand.editTitle', { name: candidate.name }) : t('cand.createTitle')}
      forceRender
      afterOpenChange={(visible) => {
        if (!visible) form.resetFields();
      }}
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending || update.isPending}
            onClick={() => void submit().catch(() => undefined)}
            data-testid="candidate-submit"
          >
            {candidate ? t('common.save') : t('common.create')}
          </Button>
        </Flex>
      }
    >
      <Form<CandidateValues> form={form} layout="vertical" name="candidate" scrollToFirstError>
        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          {t('cand.section.school')}
        </Divider>
        <Row gutter={16}>
          <Col {...half}>
            {candidate ? (
              <Form.Item label={schoolLabel}>
                <Typography.Text>{candidate.schoolName ?? t('cand.noSchool')}</Typography.Text>
              </Form.Item>
            ) : scope.everywhere || scope.schools.length > 1 ? (
              <Form.Item
                name="schoolUnitId"
                label={schoolLabel}
                extra={scope.everywhere ? t('cand.schoolHelpSecretariat') : undefined}
                rules={[
                  {
                    required: kind !== 'worker' || !scope.everywhere,
                    message: t('cand.rule.choose', { field: schoolLabel }),
                  },
                ]}
              >
                <SchoolSelect
                  consortiumId={consortiumId}
                  only={scope.everywhere ? undefined : scope.schools.map((s) => s.id)}
                  allowClear={scope.everywhere}
                  data-testid="candidate-school"
                />
              </Form.Item>
            ) : (
              <Form.Item name="schoolUnitId" label={schoolLabel} rules={[chooseRule(t, schoolLabel)]}>
                <Select
                  disabled
                  options={ownSchool ? [{ value: ownSchool.id, label: ownSchool.name }] : []}
                />
              </Form.Item>
            )}
          </Col>
          <Col {...half}>
            <Form.Item name="kind" label={t('cand.kind')} rules={[chooseRule(t, t('cand.kind'))]}>
              <Select
                options={candidateKinds.map((k) => ({ value: k, label: kindLabel(t, k) }))}
                data-testid="candidate-kind"
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="name"
              label={t('cand.name')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('cand.rule.required', { field: t('cand.name') }),
                },
                {
                  // an imported profile may hold a shorter name; only a new or changed name is checked
                  validator: async (_r, v: unknown) => {
                    const name = typeof v === 'string' ? v.trim() : '';
                    if (name && name.length < 2 && name !== candidate?.name)
                      throw new Error(t('cand.rule.min', { field: t('cand.name'), n: 2 }));
                  },
                },
                { max: 40, message: t('cand.rule.max', { field: t('cand.name'), n: 40 }) },
              ]}
            >
              <Input autoComplete="off" data-testid="candidate-name" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="idCard"
              label={t('cand.idCard')}
              extra={idMasked ? t('cand.idCardMaskedHelp') : t('cand.idCardHelp')}
              rules={
                idMasked
                  ? []
                  : [
                      {
                        required: true,
                        whitespace: true,
                        message: t('cand.rule.required', { field: t('cand.idCard') }),
                      },
                      idCardRule(locale),
                    ]
              }
            >
              <Input
                maxLength={18}
                autoComplete="off"
                className="cj-mono"
                disabled={idMasked}
                data-testid="candidate-idcard"
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="studentNo"
              label={t('cand.studentNo')}
              rules={[{ max: 30, message: t('cand.rule.max', { field: t('cand.studentNo'), n: 30 }) }]}
            >
              <Input autoComplete="off" className="cj-mono" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="majorCode"
              label={t('cand.major')}
              extra={t('cand.majorHelp')}
              rules={[{ pattern: majorCodePattern, message: t('cand.rule.majorCode') }]}
            >
              <CodeSelect
                kind="major"
                levels={[3]}
                pattern={majorCodePattern}
                data-testid="candidate-major"
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="level" label={t('cand.level')}>
              <Select
                allowClear
                placeholder={t('common.select')}
                options={educationLevels.map((l) => ({ value: l, label: levelLabel(t, l) }))}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="yearOfStudy"
              label={t('cand.yearOfStudy')}
              rules={[{ type: 'integer', min: 1, max: 6, message: t('cand.rule.yearOfStudy') }]}
            >
              <InputNumber min={1} max={6} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item
              name="enrolmentYear"
              label={t('cand.enrolmentYear')}
              rules={[{ type: 'integer', min: 1990, max: 2100, message: t('cand.rule.year') }]}
            >
              <InputNumber min={1990} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item
              name="expectedGraduation"
              label={t('cand.expectedGraduation')}
              dependencies={['enrolmentYear']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_r, v: CandidateValues['expectedGraduation']) => {
                    const enrolled = getFieldValue('enrolmentYear') as number | null | undefined;
                    if (v && typeof enrolled === 'number' && v.year() < enrolled)
                      throw new Error(t('cand.issue.graduationOrder'));
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {linksAccounts ? (
            <Col {...third}>
              <Form.Item name="userId" label={t('cand.account')} extra={t('cand.accountHelp')}>
                <StudentAccountSelect
                  consortiumId={consortiumId}
                  schoolUnitId={candidate ? candidate.schoolUnitId : schoolUnitId}
                />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        <Divider titlePlacement="start" plain>
          {t('cand.section.self')}
        </Divider>
        <Alert type="info" showIcon title={t('cand.selfHelp')} style={{ marginBottom: 16 }} />
        <SelfFields consentAt={candidate?.consentAt} />
      </Form>
    </Drawer>
  );
}
