// The certificates of a candidate as rows of a form list: name, kind (1+X, 职业技能等级, 职业资格, 其他),
// level and date of issue.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import { useI18n } from '../../lib/i18n';
import { certificateKindLabel, certificateKinds } from './labels';

export const MAX_CERTIFICATES = 30;

export function CertificatesEditor({ name = 'certificates' }: { name?: string }) {
  const { t } = useI18n();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.length === 0 ? (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('cand.cert.empty')}
            </Typography.Paragraph>
          ) : null}
          {fields.map((field, index) => (
            <Row
              key={field.key}
              gutter={8}
              align="top"
              role="group"
              aria-label={t('cand.cert.row', { n: index + 1 })}
              data-testid="certificate-row"
            >
              <Col xs={24} sm={9}>
                <Form.Item
                  name={[field.name, 'name']}
                  label={index === 0 ? t('cand.cert.name') : undefined}
                  rules={[
                    {
                      required: true,
                      whitespace: true,
                      message: t('cand.rule.required', { field: t('cand.cert.name') }),
                    },
                    { max: 60, message: t('cand.rule.max', { field: t('cand.cert.name'), n: 60 }) },
                  ]}
                >
                  <Input placeholder={t('cand.cert.namePlaceholder')} aria-label={t('cand.cert.name')} />
                </Form.Item>
              </Col>
              <Col xs={12} sm={5}>
                <Form.Item
                  name={[field.name, 'kind']}
                  label={index === 0 ? t('cand.cert.kind') : undefined}
                  rules={[{ required: true, message: t('cand.rule.choose', { field: t('cand.cert.kind') }) }]}
                >
                  <Select
                    aria-label={t('cand.cert.kind')}
                    options={certificateKinds.map((k) => ({ value: k, label: certificateKindLabel(t, k) }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} sm={4}>
                <Form.Item
                  name={[field.name, 'level']}
                  label={index === 0 ? t('cand.cert.level') : undefined}
                  rules={[{ max: 20, message: t('cand.rule.max', { field: t('cand.cert.level'), n: 20 }) }]}
                >
                  <Input placeholder={t('cand.cert.levelPlaceholder')} aria-label={t('cand.cert.level')} />
                </Form.Item>
              </Col>
              <Col xs={20} sm={5}>
                <Form.Item
                  name={[field.name, 'issuedOn']}
                  label={index === 0 ? t('cand.cert.issuedOn') : undefined}
                >
                  <DatePicker style={{ width: '100%' }} aria-label={t('cand.cert.issuedOn')} />
                </Form.Item>
              </Col>
              <Col xs={4} sm={1}>
                <Form.Item label={index === 0 ? ' ' : undefined}>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('cand.cert.remove', { n: index + 1 })}
                  />
                </Form.Item>
              </Col>
            </Row>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ kind: '1+X' })}
            disabled={fields.length >= MAX_CERTIFICATES}
            block
            data-testid="certificate-add"
          >
            {t('cand.cert.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
