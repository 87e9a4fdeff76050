// "新建撮合": a run's name, mode, posting kind, the cohort of students, optionally the postings, the weights of
// the score and the internship caps. The defaults are the server's own (matching.core.ts).
import { ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { defaultWeights } from '../../../../server/modules/matching/matching.core.ts';
import { errorMessage } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { useCreateRun, useInternshipCaps, useOpenPostings, useSchools } from './api';
import { applyRunErrors } from './formErrors';
import {
  candidateKindLabel,
  candidateKinds,
  fromPercent,
  kindLabel,
  modeLabel,
  toPercent,
  weightHelp,
  weightKeys,
  weightLabel,
} from './labels';
import { MajorPrefixSelect } from './MajorPrefixSelect';
import { PostingPicker } from './PostingPicker';
import type { RunScope } from './scope';
import type { CandidateKind, CreateRunInput, PostingKind, Run, RunMode, Weights } from './types';

type Values = {
  name: string;
  mode: RunMode;
  placeFirst: boolean;
  postingKind: PostingKind;
  cohort: {
    schoolUnitIds: string[];
    majorCodes: string[];
    graduationYear?: number | null;
    kinds: CandidateKind[];
  };
  postingScope: 'all' | 'some';
  postingIds: string[];
  weights: Weights;
  /** percentages in the form (10 = 10%), ratios in the request */
  caps: { hostRatio: number; postRatio: number };
  maxPostsPerStudent: number;
};

const DEFAULT_MAX_POSTS = 30;

type Props = {
  consortiumId: string;
  scope: RunScope;
  open: boolean;
  onClose: () => void;
  onCreated: (run: Run) => void;
};

export function RunFormDrawer({ consortiumId, scope, open, onClose, onCreated }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateRun(consortiumId);
  const mode = Form.useWatch('mode', form);
  const postingKind = Form.useWatch('postingKind', form) ?? 'internship';
  const postingScope = Form.useWatch('postingScope', form);
  const { schools, isFetching: schoolsLoading } = useSchools(consortiumId, open && scope.whole);
  const openPostings = useOpenPostings(consortiumId, postingKind, '', open);
  const fixedSchools = !scope.whole;
  const caps = useInternshipCaps(consortiumId, open);

  const defaultName = (kind: PostingKind, runMode: RunMode) =>
    t('matching.form.defaultName', {
      kind: kindLabel(t, kind),
      mode: modeLabel(t, runMode),
      time: dayjs().format('MM-DD HH:mm'),
    });

  function initialValues(): Values {
    return {
      name: defaultName('internship', 'optimal'),
      mode: 'optimal',
      placeFirst: false,
      postingKind: 'internship',
      cohort: {
        schoolUnitIds: fixedSchools ? scope.ownSchools.map((s) => s.id) : [],
        majorCodes: [],
        graduationYear: null,
        kinds: ['student'],
      },
      postingScope: 'all',
      postingIds: [],
      weights: { ...defaultWeights },
      caps: { hostRatio: toPercent(caps.hostRatio), postRatio: toPercent(caps.postRatio) },
      maxPostsPerStudent: DEFAULT_MAX_POSTS,
    };
  }

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(initialValues());
    // the form is filled afresh each time the drawer opens, not when the language or scope changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, form, caps.loaded]);

  function onValuesChange(changed: Partial<Values>, all: Values) {
    // postings of the other kind no longer apply
    if (changed.postingKind) form.setFieldsValue({ postingIds: [] });
    if (changed.mode === 'stable') form.setFieldsValue({ placeFirst: false });
    // a name the user has not written follows the mode and the kind
    if ((changed.postingKind || changed.mode) && !form.isFieldTouched('name')) {
      form.setFieldsValue({ name: defaultName(all.postingKind, all.mode) });
    }
  }

  async function submit() {
    const v = await form.validateFields();
    const cohort: NonNullable<CreateRunInput['cohort']> = { kinds: v.cohort.kinds };
    const schoolUnitIds = fixedSchools ? scope.ownSchools.map((s) => s.id) : v.cohort.schoolUnitIds;
    if (schoolUnitIds.length) cohort.schoolUnitIds = schoolUnitIds;
    if (v.cohort.majorCodes.length) cohort.majorCodes = v.cohort.majorCodes;
    if (typeof v.cohort.graduationYear === 'number') cohort.graduationYear = v.cohort.graduationYear;
    const body: CreateRunInput = {
      name: v.name.trim(),
      mode: v.mode,
      placeFirst: v.mode === 'optimal' && v.placeFirst,
      postingKind: v.postingKind,
      cohort,
      weights: v.weights,
      caps: { hostRatio: fromPercent(v.caps.hostRatio), postRatio: fromPercent(v.caps.postRatio) },
      maxPostsPerStudent: v.maxPostsPerStudent,
    };
    if (v.postingScope === 'some') body.postingIds = v.postingIds;
    try {
      const run = await create.mutateAsync(body);
      void message.success(t('matching.form.started', { name: run.name }));
      onCreated(run);
    } catch (err) {
      if (!applyRunErrors(form, err, t)) void message.error(errorMessage(t, err, locale));
    }
  }

  const half = { xs: 24, sm: 12 };
  const internship = postingKind === 'internship';
  const aboveRule = (ruleRatio: number) => ({
    warningOnly: true,
    validator: async (_r: unknown, v: number | null | undefined) => {
      if (typeof v === 'number' && v > toPercent(ruleRatio))
        throw new Error(t('matching.form.capAboveRule', { n: toPercent(ruleRatio) }));
    },
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={760}
      title={t('matching.form.title')}
      destroyOnHidden={false}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8} wrap>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending}
            onClick={() => void submit().catch(() => undefined)}
            data-testid="matching-start"
          >
            {t('matching.form.start')}
          </Button>
        </Flex>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="matching-run"
        onValuesChange={onValuesChange}
        scrollToFirstError={{ block: 'center' }}
      >
        <Form.Item
          name="name"
          label={t('matching.form.name')}
          rules={[
            { required: true, whitespace: true, message: t('matching.form.nameRequired') },
            { min: 2, message: t('rule.min2') },
            { max: 60, message: t('matching.form.nameMax') },
          ]}
        >
          <Input maxLength={60} showCount data-testid="matching-name" />
        </Form.Item>
        <Form.Item name="mode" label={t('matching.form.mode')} rules={[{ required: true }]}>
          <Radio.Group style={{ width: '100%' }}>
            <Flex vertical gap={8}>
              {(['optimal', 'stable'] as const).map((m) => (
                <Radio key={m} value={m} data-testid={`matching-mode-${m}`}>
                  <span style={{ fontWeight: 500 }}>{modeLabel(t, m)}</span>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                    {t(`matching.mode.${m}.help`)}
                  </Typography.Text>
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
        </Form.Item>
        {mode !== 'stable' ? (
          <Form.Item label={t('matching.form.placeFirst')} extra={t('matching.form.placeFirstHelp')}>
            <Form.Item name="placeFirst" valuePropName="checked" noStyle>
              <Switch aria-label={t('matching.form.placeFirst')} />
            </Form.Item>
          </Form.Item>
        ) : null}
        <Form.Item name="postingKind" label={t('matching.form.postingKind')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={(['internship', 'job'] as const).map((k) => ({ value: k, label: kindLabel(t, k) }))}
          />
        </Form.Item>

        <Divider titlePlacement="start" plain>
          {t('matching.form.cohortSection')}
        </Divider>
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item
              name={['cohort', 'schoolUnitIds']}
              label={t('matching.form.schools')}
              extra={fixedSchools ? t('matching.form.schoolsFixed') : t('matching.form.schoolsHelp')}
            >
              <Select
                mode="multiple"
                disabled={fixedSchools}
                allowClear
                maxCount={50}
                loading={schoolsLoading}
                placeholder={t('matching.form.schoolsAll')}
                showSearch={{ optionFilterProp: 'label' }}
                options={
                  fixedSchools
                    ? scope.ownSchools.map((s) => ({ value: s.id, label: s.name }))
                    : schools.map((s) => ({ value: s.id, label: s.name }))
                }
                data-testid="matching-schools"
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name={['cohort', 'majorCodes']}
              label={t('matching.form.majors')}
              extra={t('matching.form.majorsHelp')}
            >
              <MajorPrefixSelect aria-label={t('matching.form.majors')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name={['cohort', 'graduationYear']}
              label={t('matching.form.graduationYear')}
              extra={t('matching.form.graduationYearHelp')}
            >
              <InputNumber
                min={2000}
                max={2100}
                precision={0}
                placeholder={t('matching.form.any')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name={['cohort', 'kinds']}
              label={t('matching.form.kinds')}
              rules={[{ required: true, type: 'array', min: 1, message: t('matching.form.kindsRequired') }]}
            >
              <Checkbox.Group
                options={candidateKinds.map((k) => ({ value: k, label: candidateKindLabel(t, k) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {t('matching.form.consentNote')}
        </Typography.Paragraph>

        <Divider titlePlacement="start" plain>
          {t('matching.form.postingsSection')}
        </Divider>
        <Form.Item name="postingScope" label={t('matching.form.postingScope')}>
          <Radio.Group>
            <Space orientation="vertical">
              <Radio value="all">
                {openPostings.data
                  ? t('matching.form.postingsAll', {
                      n: openPostings.data.total,
                      kind: kindLabel(t, postingKind),
                    })
                  : t('matching.form.postingsAllPlain', { kind: kindLabel(t, postingKind) })}
              </Radio>
              <Radio value="some">{t('matching.form.postingsSome')}</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        {postingScope === 'some' ? (
          <Form.Item
            name="postingIds"
            label={t('matching.form.postings')}
            rules={[{ required: true, type: 'array', min: 1, message: t('matching.form.postingsRequired') }]}
          >
            <PostingPicker
              consortiumId={consortiumId}
              kind={postingKind}
              aria-label={t('matching.form.postings')}
            />
          </Form.Item>
        ) : null}

        <Divider titlePlacement="start" plain>
          {t('matching.form.weightsSection')}
        </Divider>
        <Flex justify="space-between" align="flex-start" gap={12} style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('matching.form.weightsHelp')}</Typography.Text>
          <Button
            size="small"
            icon={<ReloadOutlined />}
            onClick={() => form.setFieldsValue({ weights: { ...defaultWeights } })}
            data-testid="matching-weights-reset"
          >
            {t('matching.form.weightsReset')}
          </Button>
        </Flex>
        <Row gutter={16}>
          {weightKeys.map((k) => (
            <Col {...half} key={k}>
              <Form.Item
                name={['weights', k]}
                label={weightLabel(t, k)}
                extra={t('matching.form.weightExtra', { help: weightHelp(t, k), n: defaultWeights[k] })}
                rules={[{ required: true, message: t('matching.form.weightRequired') }]}
              >
                <InputNumber
                  min={0}
                  max={1000}
                  precision={0}
                  suffix={t('matching.form.points')}
                  style={{ width: '100%' }}
                  data-testid={`matching-weight-${k}`}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>

        <Divider titlePlacement="start" plain>
          {t('matching.form.capsSection')}
        </Divider>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('matching.form.capsRule')}
          description={internship ? t('matching.form.capsRuleText') : t('matching.form.capsJobs')}
        />
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item
              name={['caps', 'hostRatio']}
              label={t('matching.form.hostRatio')}
              extra={t('matching.form.hostRatioHelp')}
              rules={[{ required: true, message: t('matching.form.capRequired') }, aboveRule(caps.hostRatio)]}
            >
              <InputNumber
                min={0}
                max={100}
                precision={1}
                suffix="%"
                disabled={!internship}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name={['caps', 'postRatio']}
              label={t('matching.form.postRatio')}
              extra={t('matching.form.postRatioHelp')}
              rules={[{ required: true, message: t('matching.form.capRequired') }, aboveRule(caps.postRatio)]}
            >
              <InputNumber
                min={0}
                max={100}
                precision={1}
                suffix="%"
                disabled={!internship}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain>
          {t('matching.form.otherSection')}
        </Divider>
        <Form.Item
          name="maxPostsPerStudent"
          label={t('matching.form.maxPosts')}
          extra={t('matching.form.maxPostsHelp', { n: DEFAULT_MAX_POSTS })}
          rules={[{ required: true, message: t('matching.form.maxPostsRequired') }]}
        >
          <InputNumber min={1} max={200} precision={0} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
