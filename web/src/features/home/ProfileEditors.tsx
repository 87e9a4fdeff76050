// The edit dialogs of a consortium's profile: the profile itself (with a dated status change), its parks,
// its leading industries with their chains. Each replaces what it edits on save.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { UseMutationResult } from '@tanstack/react-query';
import {
  App,
  Button,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { consortiumLevels, consortiumStatuses, parkKinds } from '../../lib/enums';
import { errorMessage } from '../../lib/errors';
import { applyFieldErrors, applyRowErrors } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { levelLabel, parkKindLabel, statusLabel } from '../../lib/labels';
import type {
  Consortium,
  ConsortiumLevel,
  ConsortiumStatus,
  ConsortiumSummary,
  ParkInput,
  ParkKind,
} from '../../lib/types';
import type { IndustryInput, UpdateConsortiumInput } from '../consortia/api';

type Mutation<I> = UseMutationResult<unknown, Error, I>;

/**
 * Saving in every profile editor: through the mutation, then say so and close; on failure show the error
 * (`onError` may place it on the form's fields and answer true).
 */
function useSave<I>(mutation: Mutation<I>, onClose: () => void, onError?: (err: unknown) => boolean) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  return async (input: I) => {
    try {
      await mutation.mutateAsync(input);
      void message.success(t('profile.saved'));
      onClose();
    } catch (err) {
      if (!onError?.(err)) void message.error(errorMessage(t, err, locale));
    }
  };
}

/** The frame every profile editor shares: save and cancel, a spinner while saving. */
function EditorModal({
  open,
  onClose,
  title,
  width,
  saving,
  onSave,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  width: number;
  saving: boolean;
  onSave: () => Promise<void>;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={open}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void onSave().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      width={width}
    >
      {children}
    </Modal>
  );
}

// ---- profile -------------------------------------------------------------------------------------

type ProfileValues = {
  name: string;
  nameEn?: string;
  regionCode?: string;
  level: ConsortiumLevel;
  status: ConsortiumStatus;
  statusSince?: Dayjs | null;
  statusNote?: string;
  batch?: number | null;
  batchYear?: number | null;
};
const profileFields = [
  'name',
  'nameEn',
  'regionCode',
  'level',
  'status',
  'statusSince',
  'statusNote',
  'batch',
  'batchYear',
] as const;

export function ProfileModal({
  open,
  onClose,
  consortium,
  mutation,
}: {
  open: boolean;
  onClose: () => void;
  consortium: Consortium;
  mutation: Mutation<UpdateConsortiumInput>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<ProfileValues>();
  const save = useSave(mutation, onClose, (err) => applyFieldErrors(form, err, t, profileFields));
  const status = Form.useWatch('status', form);
  const statusChanges = status !== undefined && status !== consortium.status;

  async function submit() {
    const v = await form.validateFields();
    const input: UpdateConsortiumInput = {
      name: v.name.trim(),
      nameEn: v.nameEn?.trim() || null,
      regionCode: v.regionCode?.trim() || null,
      level: v.level,
      batch: v.batch ?? null,
      batchYear: v.batchYear ?? null,
    };
    if (v.status !== consortium.status) {
      input.status = v.status;
      if (v.statusSince) input.statusSince = v.statusSince.format('YYYY-MM-DD');
      if (v.statusNote?.trim()) input.statusNote = v.statusNote.trim();
    }
    await save(input);
  }

  return (
    <EditorModal
      open={open}
      title={t('profile.edit')}
      onClose={onClose}
      saving={mutation.isPending}
      onSave={submit}
      width={640}
    >
      <Form<ProfileValues>
        form={form}
        name="profile"
        layout="vertical"
        preserve={false}
        initialValues={{
          name: consortium.name,
          nameEn: consortium.nameEn ?? undefined,
          regionCode: consortium.regionCode ?? undefined,
          level: consortium.level,
          status: consortium.status,
          statusSince: dayjs(),
          batch: consortium.batch,
          batchYear: consortium.batchYear,
        }}
      >
        <Form.Item
          name="name"
          label={t('consortium.name')}
          rules={[
            { required: true, message: t('rule.required') },
            { min: 2, message: t('rule.min2') },
            { max: 100, message: t('rule.max100') },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('consortium.nameEn')}>
          <Input />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="regionCode"
              label={t('consortium.regionCode')}
              rules={[{ pattern: /^\d{6}$/, message: t('rule.regionCode') }]}
            >
              <Input maxLength={6} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="level" label={t('consortium.level')}>
              <Select options={consortiumLevels.map((v) => ({ value: v, label: levelLabel(t, v) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="batch" label={t('profile.batchNo')}>
              <InputNumber min={1} max={99} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="batchYear" label={t('profile.batchYear')}>
              <InputNumber min={2020} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="status" label={t('consortium.status')} extra={t('profile.statusHelp')}>
              <Select
                options={consortiumStatuses.map((v) => ({ value: v, label: statusLabel(t, v) }))}
                data-testid="profile-status"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="statusSince"
              label={t('profile.statusSince')}
              rules={[{ required: statusChanges, message: t('rule.required') }]}
            >
              <DatePicker disabled={!statusChanges} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="statusNote" label={t('profile.statusNote')}>
          <Input.TextArea disabled={!statusChanges} maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </EditorModal>
  );
}

// ---- parks ---------------------------------------------------------------------------------------

type ParkRow = { name: string; kind: ParkKind; outputValue?: number | null; outputYear?: number | null };

export function ParksModal({
  open,
  onClose,
  parks,
  mutation,
}: {
  open: boolean;
  onClose: () => void;
  parks: ConsortiumSummary['parks'];
  mutation: Mutation<ParkInput[]>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ parks: ParkRow[] }>();
  const save = useSave(mutation, onClose, (err) => applyRowErrors(form, err, t, 'parks'));

  async function submit() {
    const v = await form.validateFields();
    const input: ParkInput[] = (v.parks ?? []).map((p) => ({
      name: p.name.trim(),
      kind: p.kind,
      outputValue: p.outputValue ?? null,
      outputYear: p.outputYear ?? null,
    }));
    await save(input);
  }

  return (
    <EditorModal
      open={open}
      title={t('parks.edit')}
      onClose={onClose}
      saving={mutation.isPending}
      onSave={submit}
      width={900}
    >
      <Form
        form={form}
        name="parks"
        preserve={false}
        initialValues={{
          parks: parks.map((p) => ({
            name: p.name,
            kind: p.kind,
            outputValue: p.outputValue,
            outputYear: p.outputYear,
          })),
        }}
      >
        <Form.List name="parks">
          {(items, { add, remove }) => (
            <Flex vertical gap={4}>
              <Row gutter={8}>
                <Col span={8}>
                  <Typography.Text type="secondary">{t('parks.name')}</Typography.Text>
                </Col>
                <Col span={6}>
                  <Typography.Text type="secondary">{t('parks.kind')}</Typography.Text>
                </Col>
                <Col span={4}>
                  <Typography.Text type="secondary">{t('parks.outputValue')}</Typography.Text>
                </Col>
                <Col span={4}>
                  <Typography.Text type="secondary">{t('parks.outputYear')}</Typography.Text>
                </Col>
              </Row>
              {items.map((item) => (
                <Row gutter={8} key={item.key} align="top">
                  <Col span={8}>
                    <Form.Item
                      name={[item.name, 'name']}
                      rules={[
                        { required: true, message: t('rule.required') },
                        { min: 2, message: t('rule.min2') },
                        { max: 100, message: t('rule.max100') },
                      ]}
                    >
                      <Input aria-label={t('parks.name')} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item
                      name={[item.name, 'kind']}
                      rules={[{ required: true, message: t('rule.required') }]}
                    >
                      <Select
                        aria-label={t('parks.kind')}
                        options={parkKinds.map((k) => ({ value: k, label: parkKindLabel(t, k) }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={4}>
                    <Form.Item name={[item.name, 'outputValue']}>
                      <InputNumber aria-label={t('parks.outputValue')} min={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={4}>
                    <Form.Item
                      name={[item.name, 'outputYear']}
                      dependencies={[['parks', item.name, 'outputValue']]}
                      rules={[
                        ({ getFieldValue }) => ({
                          validator: async (_r, year: number | null | undefined) => {
                            const value = getFieldValue(['parks', item.name, 'outputValue']) as
                              number | null | undefined;
                            const hasValue = value !== null && value !== undefined;
                            const hasYear = year !== null && year !== undefined;
                            if (hasValue !== hasYear) throw new Error(t('parks.pairRule'));
                          },
                        }),
                      ]}
                    >
                      <InputNumber
                        aria-label={t('parks.outputYear')}
                        min={1990}
                        max={2100}
                        precision={0}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('common.remove')}
                      onClick={() => remove(item.name)}
                    />
                  </Col>
                </Row>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ kind: 'industrial_park' })}
                disabled={items.length >= 20}
              >
                {t('parks.add')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </EditorModal>
  );
}

// ---- industries ----------------------------------------------------------------------------------

export function IndustriesModal({
  open,
  onClose,
  industries,
  mutation,
}: {
  open: boolean;
  onClose: () => void;
  industries: ConsortiumSummary['industries'];
  mutation: Mutation<IndustryInput[]>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ industries: IndustryInput[] }>();
  const save = useSave(mutation, onClose, (err) => applyRowErrors(form, err, t, 'industries'));

  async function submit() {
    const v = await form.validateFields();
    const input = (v.industries ?? []).map((i) => ({
      industryCode: i.industryCode.trim(),
      chains: (i.chains ?? []).map((c) => c.trim()).filter(Boolean),
    }));
    await save(input);
  }

  return (
    <EditorModal
      open={open}
      title={t('industries.edit')}
      onClose={onClose}
      saving={mutation.isPending}
      onSave={submit}
      width={760}
    >
      <Form
        form={form}
        name="industries"
        preserve={false}
        initialValues={{
          industries: industries.map((i) => ({ industryCode: i.industryCode, chains: i.chains })),
        }}
      >
        <Form.List name="industries">
          {(items, { add, remove }) => (
            <Flex vertical gap={4}>
              <Row gutter={8}>
                <Col span={7}>
                  <Typography.Text type="secondary">{t('industries.code')}</Typography.Text>
                </Col>
                <Col span={15}>
                  <Typography.Text type="secondary">{t('industries.chains')}</Typography.Text>
                </Col>
              </Row>
              {items.map((item) => (
                <Row gutter={8} key={item.key} align="top">
                  <Col span={7}>
                    <Form.Item
                      name={[item.name, 'industryCode']}
                      rules={[
                        { required: true, message: t('rule.required') },
                        { pattern: /^([A-T]|\d{2,4})$/, message: t('units.industryHelp') },
                        ({ getFieldValue }) => ({
                          validator: async (_r, code: string | undefined) => {
                            const all = (getFieldValue('industries') ?? []) as IndustryInput[];
                            if (code && all.filter((i) => i?.industryCode === code).length > 1) {
                              throw new Error(t('industries.duplicate'));
                            }
                          },
                        }),
                      ]}
                    >
                      <Input aria-label={t('industries.code')} maxLength={4} className="cj-mono" />
                    </Form.Item>
                  </Col>
                  <Col span={15}>
                    <Form.Item name={[item.name, 'chains']} extra={t('industries.chainsHelp')}>
                      <Select mode="tags" aria-label={t('industries.chains')} open={false} maxCount={20} />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('common.remove')}
                      onClick={() => remove(item.name)}
                    />
                  </Col>
                </Row>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ industryCode: '', chains: [] })}
                disabled={items.length >= 10}
              >
                {t('industries.add')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </EditorModal>
  );
}
