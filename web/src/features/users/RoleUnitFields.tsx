// Role and member-unit pickers: only roles I may give, only units that role may sit in and that I manage.
import { Form, Select } from 'antd';
import { useAccess } from '../../app/access';
import { useI18n } from '../../lib/i18n';
import { unitTypeLabel } from '../../lib/labels';
import { isUnitType } from '../../lib/enums';
import type { RoleDef } from '../../lib/types';
import { UnitSelect } from '../units/UnitSelect';
import { unitFitsRole } from './assignable';

type Props = { consortiumId: string; roles: RoleDef[] };

export function RoleUnitFields({ consortiumId, roles }: Props) {
  const { t, pick } = useI18n();
  const access = useAccess();
  const form = Form.useFormInstance();
  const roleCode = Form.useWatch<string | undefined>('roleCode', form);
  const role = roles.find((r) => r.code === roleCode);
  const typeNames = role?.unitTypes
    ?.filter(isUnitType)
    .map((x) => unitTypeLabel(t, x))
    .join(t('common.listSeparator'));

  return (
    <>
      <Form.Item
        name="roleCode"
        label={t('users.role')}
        rules={[{ required: true, message: t('rule.required') }]}
        extra={role ? pick(role.descriptionZh, role.descriptionEn) : undefined}
      >
        <Select
          placeholder={t('common.select')}
          options={roles.map((r) => ({ value: r.code, label: pick(r.nameZh, r.nameEn) }))}
          onChange={() => form.setFieldValue('memberUnitId', undefined)}
          data-testid="user-role"
        />
      </Form.Item>
      {role && role.unitRequirement !== 'none' ? (
        <Form.Item
          name="memberUnitId"
          label={t('users.unit')}
          rules={[{ required: role.unitRequirement === 'required', message: t('issue.unitRequired') }]}
          extra={typeNames ? t('users.unitTypesHint', { types: typeNames }) : undefined}
        >
          <UnitSelect
            consortiumId={consortiumId}
            placeholder={role.unitRequirement === 'required' ? t('common.select') : t('users.noUnit')}
            allowClear={role.unitRequirement !== 'required'}
            filter={(u) => unitFitsRole(role, u, access)}
            data-testid="user-unit"
          />
        </Form.Item>
      ) : null}
    </>
  );
}
